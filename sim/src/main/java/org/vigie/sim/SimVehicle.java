package org.vigie.sim;

import io.dronefleet.mavlink.common.AutopilotVersion;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.FenceStatus;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GpsGlobalOrigin;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.common.ParamRequestList;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.common.PositionTargetGlobalInt;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.SetMode;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.common.SetupSigning;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.common.Timesync;
import io.dronefleet.mavlink.util.EnumValue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.time.Cancellable;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.Scheduler;
import org.vigie.link.transport.Transport;
import org.vigie.sim.link.LinkFaults;
import org.vigie.sim.link.SimLink;

/**
 * A simulated multicopter autopilot speaking MAVLink 2 like ArduCopter 4.7 (or PX4, see {@link Flavour}) on one or
 * more transports (channel 0, 1, ... in the order given).
 *
 * <p>Usage: {@code new SimVehicle(config, scheduler, transport).start()}; then drive the scheduler (a
 * {@link org.vigie.link.time.ManualScheduler} in tests, a {@link org.vigie.link.time.RealtimeScheduler} standalone).
 * Query {@link #groundTruth()} for where the drone really is, {@link #faults()} to inject failures, and the state
 * accessors ({@link #mode()}, {@link #armed()} ...) for quick assertions.
 *
 * <p>Threading: all simulation state lives on the scheduler's event thread. Incoming frames are parsed on each
 * transport's thread and posted to the scheduler. Public accessors read volatile snapshots and may be called from
 * any thread; {@link Faults} methods post to the event thread.
 */
public final class SimVehicle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimVehicle.class);
    private static final MessageCodec CODEC = new MessageCodec();
    private static final MessageTable TABLE = CODEC.table();
    private static final ClassValue<Integer> IDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return MessageTable.idOf(type);
        }
    };

    /** Streamable message ids, in stream-slot order. */
    static final int[] STREAM_IDS = {1, 2, 24, 30, 33, 42, 74, 87, 147, 162, 193, 242, 245, 285, 49};
    private static final int S_SYS_STATUS = 0;
    private static final int S_SYSTEM_TIME = 1;
    private static final int S_GPS_RAW = 2;
    private static final int S_ATTITUDE = 3;
    private static final int S_GLOBAL_POS = 4;
    private static final int S_MISSION_CURRENT = 5;
    private static final int S_VFR_HUD = 6;
    private static final int S_POS_TARGET = 7;
    private static final int S_BATTERY = 8;
    private static final int S_FENCE = 9;
    private static final int S_EKF = 10;
    private static final int S_HOME = 11;
    private static final int S_EXT_STATE = 12;
    private static final int S_GIMBAL = 13;
    private static final int S_ORIGIN = 14;

    /** ArduPilot answers PARAM_REQUEST_READ from its parameter I/O thread, about 90 ms later. */
    private static final Duration PARAM_READ_LATENCY = Duration.ofMillis(90);
    private static final long SPOOL_UP_NS = 2_000_000_000L;
    private static final long LAND_DETECT_NS = 1_550_000_000L;
    private static final long LAND_DISARM_NS = 500_000_000L;
    private static final long FENCE_RECOVERY_NS = 10_000_000_000L;
    private static final long REBOOT_SILENCE_NS = 1_500_000_000L;

    private final SimConfig config;
    private final Scheduler scheduler;
    private final List<SimLink> links = new ArrayList<>();
    private final SimParams params;
    private final FlightModel flight;
    private final GeoNe geo;
    private final MissionServer missions;
    private final GroundTruth truth;
    private final Faults faults;
    private final Random random;
    private final int sysId;
    private final int compId;
    private final double dtS;
    private final List<Cancellable> timers = new ArrayList<>();
    private final List<Consumer<String>> statustextListeners = new CopyOnWriteArrayList<>();

    // lifecycle
    private boolean started;
    private boolean closed;
    private long bootNs;
    private boolean silent;
    private boolean initialised;

    // readiness
    private boolean gpsDetected;
    private boolean gpsFix;
    private boolean ekfOrigin;
    private boolean ekfReady;
    private boolean homeSet;
    private double homeNorthM;
    private double homeEastM;
    private double homeAltAmslM;
    boolean gpsLostFault;
    boolean ekfFailFault;
    private long gpsLostSinceNs = -1;
    private boolean ekfFailsafeDone;
    private double gpsErrN;
    private double gpsErrE;

    // vehicle state
    private volatile CopterMode mode = CopterMode.STABILIZE;
    private volatile boolean armed;
    private boolean autoArmed;
    private boolean landComplete = true;
    private boolean landDisarmPending;
    private long groundSinceNs;
    private long idleOnGroundSinceNs;
    private boolean takeoffActive;
    private boolean takeoffClimbing;
    private long takeoffAtNs;
    private double takeoffAltM;
    private boolean neActive = true;
    private long guidedVelocityUntilNs;
    private boolean guidedPending;
    private double guidedVn;
    private double guidedVe;
    private double guidedVu;
    private boolean guidedVelocity;
    private double[] roi;
    /** Pitch commanded by DO_GIMBAL_MANAGER_PITCHYAW, degrees; NaN when no manual gimbal command is in force. */
    private double gimbalCmdPitchDeg = Double.NaN;
    /** Yaw commanded by DO_GIMBAL_MANAGER_PITCHYAW, degrees (vehicle-relative, or earth if gimbalCmdEarthYaw). */
    private double gimbalCmdYawDeg;
    private boolean gimbalCmdEarthYaw;
    private double fixedYawDeg = Double.NaN;
    private double speedOverrideMps = Double.NaN;
    private double posTargetN;
    private double posTargetE;
    private double posTargetAlt;
    private double flightTimeS;
    private long lastGcsHeartbeatNs = -1;
    private boolean gcsFailsafe;
    private boolean battLow;
    private boolean battCritical;
    private long battLowSinceNs = -1;

    // RTL
    private enum RtlPhase { CLIMB, RETURN, LOITER, FINAL, LAND }
    private RtlPhase rtlPhase;
    private double rtlAltM;
    private double rtlN;
    private double rtlE;
    private long rtlLoiterUntilNs;

    // AUTO
    private int navIndex;
    private boolean missionStarted;
    private boolean missionComplete;
    private boolean navReached;
    private long navHoldUntilNs;
    private double loiterAngleRad;
    private double loiterSweptRad;
    private final Map<Integer, Integer> jumpsDone = new HashMap<>();

    // fence
    private FenceModel fence = new FenceModel();
    private boolean fenceEnabled;
    private int fenceTypeActive;
    private int breachBits;
    private int breachCount;
    private int breachType;
    private long breachTimeMs;
    private int mitigation = 1;
    private long recoveryUntilNs;

    // MAVLink 2 signing (kept across reboots, like ArduPilot's stored key)
    private volatile boolean signingOn;
    private SignatureChecker signatureChecker;
    private long framesRejectedBySignature;

    // streams: per channel interval and next due time
    private long[][] intervalNs = new long[0][];
    private long[][] nextDueNs = new long[0][];
    private long nextTimesyncNs;
    private long nextStatNs;
    private long nextHeartbeatNs;
    private long nextPrearmReportNs;
    private final byte[][] streamCache = new byte[STREAM_IDS.length][];

    /**
     * Creates a simulated vehicle. Nothing happens until {@link #start()}.
     *
     * @param config configuration
     * @param scheduler the scheduler everything runs on
     * @param transports one transport per MAVLink channel, at least one
     * @throws IllegalArgumentException if no transport is given
     */
    public SimVehicle(SimConfig config, Scheduler scheduler, Transport... transports) {
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (transports == null || transports.length == 0) {
            throw new IllegalArgumentException("at least one transport is required");
        }
        this.sysId = config.systemId();
        this.compId = config.componentId();
        this.random = new Random(config.seed());
        this.dtS = config.physicsStep().toNanos() / 1e9;
        this.params = config.flavour() == Flavour.PX4 ? SimParams.px4Defaults(sysId, config.batteryCapacityMah())
                : SimParams.arduCopterDefaults(sysId, config.batteryCapacityMah());
        this.flight = new FlightModel(config, new Random(config.seed() * 7919 + 13));
        this.geo = new GeoNe(config.homeLatDeg(), config.homeLonDeg());
        this.homeAltAmslM = config.homeAltAmslM();
        this.truth = new GroundTruth(config.groundTruthCapacity());
        this.missions = new MissionServer(new MissionHost(), config.flavour());
        this.faults = new Faults(this);
        for (int i = 0; i < transports.length; i++) {
            Transport t = Objects.requireNonNull(transports[i], "transport " + i);
            links.add(new SimLink(i, t, scheduler, new LinkFaults(config.seed() * 131 + i), this::onFrame));
        }
        intervalNs = new long[links.size()][STREAM_IDS.length];
        nextDueNs = new long[links.size()][STREAM_IDS.length];
        params.onChange(this::onParamChanged);
        if (config.flavour() == Flavour.PX4) {
            applyPx4Aliases();
        }
        applyParams();
    }

    /**
     * Starts the transports and the simulation clock (boot time = now). Idempotent.
     *
     * @return this vehicle
     */
    public SimVehicle start() {
        if (started) {
            return this;
        }
        started = true;
        for (SimLink l : links) {
            l.start();
        }
        scheduler.execute(this::boot);
        timers.add(scheduler.scheduleAtFixedRate(Duration.ZERO, config.physicsStep(), this::tick));
        return this;
    }

    /** Stops the simulation timers and closes the transports. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Cancellable c : timers) {
            c.cancel();
        }
        for (SimLink l : links) {
            l.close();
        }
    }

    // ------------------------------------------------------------------ public queries

    /** @return the configuration */
    public SimConfig config() {
        return config;
    }

    /** @return the ground-truth recorder */
    public GroundTruth groundTruth() {
        return truth;
    }

    /** @return the fault-injection handle */
    public Faults faults() {
        return faults;
    }

    /** @return the current flight mode */
    public CopterMode mode() {
        return mode;
    }

    /** @return whether the motors are armed */
    public boolean armed() {
        return armed;
    }

    /** @return MAVLink system id */
    public int systemId() {
        return sysId;
    }

    /**
     * The parameter table (event thread only; tests using a ManualScheduler may read it between advances).
     *
     * @return the parameters
     */
    public SimParams params() {
        return params;
    }

    /**
     * Stored items of a list (event thread only).
     *
     * @param missionType 0 mission, 1 fence, 2 rally
     * @return the items
     */
    public List<SimMissionItem> storedItems(int missionType) {
        return missions.items(missionType);
    }

    /**
     * Registers a listener for every STATUSTEXT the vehicle sends (called on the event thread).
     *
     * @param listener receives the text
     */
    public void onStatustext(Consumer<String> listener) {
        statustextListeners.add(Objects.requireNonNull(listener));
    }

    /** @return the fault injection of each channel, by channel number */
    public List<LinkFaults> linkFaults() {
        List<LinkFaults> l = new ArrayList<>();
        for (SimLink s : links) {
            l.add(s.faults());
        }
        return l;
    }

    /** @return the scheduler */
    Scheduler scheduler() {
        return scheduler;
    }

    // ------------------------------------------------------------------ boot

    private long now() {
        return scheduler.nanoTime();
    }

    private long bootMs() {
        return (now() - bootNs) / 1_000_000L;
    }

    private double elapsedS() {
        return (now() - bootNs) / 1e9;
    }

    private void boot() {
        bootNs = now();
        silent = false;
        initialised = config.firstHeartbeatDelay().toMillis() < 100 || !config.bootChatter();
        gpsDetected = gpsFix = ekfOrigin = ekfReady = false;
        homeSet = false;
        mode = CopterMode.STABILIZE;
        armed = false;
        autoArmed = false;
        neActive = true;
        takeoffActive = false;
        roi = null;
        gimbalCmdPitchDeg = Double.NaN;
        fixedYawDeg = Double.NaN;
        speedOverrideMps = Double.NaN;
        missionStarted = false;
        missionComplete = false;
        navIndex = 0;
        fenceEnabled = params.value("FENCE_ENABLE") != 0;
        fenceTypeActive = (int) params.value("FENCE_TYPE");
        if (config.flavour() == Flavour.PX4) {
            fenceEnabled = fence.hasPolygonFence();
            applyPx4Aliases();
        }
        breachBits = 0;
        breachType = 0;
        mitigation = 1;
        missions.reset();
        for (long[] a : intervalNs) {
            Arrays.fill(a, 0);
        }
        nextHeartbeatNs = bootNs + config.firstHeartbeatDelay().toNanos();
        long chain = bootNs;
        scheduler.schedule(config.firstHeartbeatDelay(), () -> heartbeatTimer(chain));
        nextTimesyncNs = bootNs + 9_900_000_000L;
        nextStatNs = bootNs + 30_350_000_000L;
        nextPrearmReportNs = bootNs + 30_360_000_000L;
        ekfFailsafeDone = false;
        if (config.bootChatter() && config.flavour() == Flavour.ARDUCOPTER) {
            scheduleBootChatter();
        }
    }

    private void scheduleBootChatter() {
        at(0.12, () -> {
            announce("ESC_CALIBRATION", 1336);
            for (String n : new String[] {"RELAY1_FUNCTION", "COMPASS_DEV_ID", "COMPASS_DEV_ID2", "COMPASS_DEV_ID3",
                "COMPASS_EXTERNAL", "COMPASS_DEV_ID", "COMPASS_DEV_ID2", "COMPASS_DEV_ID3"}) {
                announce(n);
            }
            statustext(7, "RCInput: decoding UDP (Pulses)");
        });
        at(0.23, () -> {
            announce("CAM1_TYPE");
            announce("CAM2_TYPE");
            announce("BARO_ALT_OFFSET");
            statustext(6, "Calibrating barometer");
        });
        at(1.82, () -> {
            for (String n : new String[] {"BARO1_GND_PRESS", "BARO2_GND_PRESS", "INS_GYR_ID", "INS_ACC_ID",
                "INS_GYR2_ID", "INS_ACC2_ID"}) {
                announce(n);
            }
            statustext(6, "Barometer 1 calibration complete");
            statustext(6, "Barometer 2 calibration complete");
        });
        at(2.355, () -> {
            for (String n : new String[] {"INS_GYROFFS_X", "INS_GYROFFS_Y", "INS_GYROFFS_Z", "INS_GYR_ID",
                "INS_GYR1_CALTEMP", "INS_GYR2OFFS_X", "INS_GYR2OFFS_Y", "INS_GYR2OFFS_Z", "INS_GYR2_ID",
                "INS_GYR2_CALTEMP", "INS_GYR3OFFS_X", "INS_GYR3OFFS_Y", "INS_GYR3OFFS_Z", "INS_GYR3_ID"}) {
                announce(n);
            }
        });
        at(2.36, () -> {
            statustext(6, "ArduPilot Ready");
            statustext(6, "AHRS: DCM active");
            initialised = true;
            if (mode == CopterMode.STABILIZE || mode == CopterMode.ALT_HOLD) {
                neActive = false;
            }
        });
        at(2.65, () -> statustext(6, "RC7: SaveWaypoint LOW"));
        at(3.35, () -> announce("EK3_SRC1_POSXY"));
        at(4.36, () -> {
            statustext(6, "EKF3 IMU0 initialised");
            statustext(6, "EKF3 IMU1 initialised");
            statustext(6, "AHRS: EKF3 active");
        });
        at(5.71, () -> {
            statustext(6, "EKF3 IMU0 tilt alignment complete");
            statustext(6, "EKF3 IMU1 tilt alignment complete");
        });
        at(5.80, () -> {
            statustext(6, "EKF3 IMU0 MAG0 initial yaw alignment complete");
            statustext(6, "EKF3 IMU1 MAG0 initial yaw alignment complete");
        });
        double gps = config.gpsFixDelay().toMillis() / 1000.0;
        if (gps > 3) {
            at(gps - 2.8, () -> statustext(6, "GPS 1: probing for u-blox at 230400 baud"));
            at(gps - 2.78, () -> statustext(6, "GPS 1: detected u-blox"));
        }
    }

    private void at(double seconds, Runnable r) {
        long bootAt = bootNs;
        timers.add(scheduler.schedule(Duration.ofNanos((long) (seconds * 1e9)), () -> {
            if (!silent && bootNs == bootAt && !closed) {
                r.run();
            }
        }));
    }

    private void announce(String name) {
        announce(name, params.count());
    }

    private void announce(String name, int count) {
        SimParams.Param p = params.get(name);
        if (p != null) {
            send(paramValue(p, 65535, count));
        }
    }

    // ------------------------------------------------------------------ readiness timeline

    private void updateReadiness(long now) {
        double t = elapsedS();
        if (!gpsDetected && t >= Math.max(0, config.gpsFixDelay().toMillis() / 1000.0 - 2.8)) {
            gpsDetected = true;
        }
        boolean fixNow = t >= config.gpsFixDelay().toMillis() / 1000.0 && !gpsLostFault;
        gpsFix = fixNow;
        if (gpsLostFault) {
            if (gpsLostSinceNs < 0) {
                gpsLostSinceNs = now;
            }
        } else {
            gpsLostSinceNs = -1;
        }
        if (!ekfOrigin && gpsFix && t >= config.ekfOriginDelay().toMillis() / 1000.0) {
            ekfOrigin = true;
            setHome(flight.northM, flight.eastM, config.homeAltAmslM() + flight.altM);
            if (config.flavour() == Flavour.ARDUCOPTER) {
                params.set("BARO1_GND_PRESS", 101324.94);
                params.set("BARO2_GND_PRESS", 101323.59);
                announce("BARO1_GND_PRESS");
                announce("BARO2_GND_PRESS");
            }
            if (config.bootChatter()) {
                statustext(6, "EKF3 IMU0 origin set");
                statustext(6, "Field Elevation Set: " + Math.round(config.homeAltAmslM()) + "m");
                at(0.19, () -> statustext(6, "EKF3 IMU1 origin set"));
            }
            sendPayload(-1, STREAM_IDS[S_ORIGIN], streamPayload(S_ORIGIN, now));
        }
        if (!ekfReady && ekfOrigin && t >= config.ekfReadyDelay().toMillis() / 1000.0) {
            ekfReady = true;
            if (config.bootChatter()) {
                statustext(6, "EKF3 IMU0 is using GPS");
                at(0.2, () -> statustext(6, "EKF3 IMU1 is using GPS"));
            }
        }
    }

    private void setHome(double n, double e, double altAmsl) {
        homeSet = true;
        homeNorthM = n;
        homeEastM = e;
        homeAltAmslM = altAmsl;
        missions.ensureHomeItem();
    }

    /** Whether the EKF has a usable absolute position. */
    boolean positionOk() {
        if (!ekfReady || ekfFailFault) {
            return false;
        }
        return gpsLostSinceNs < 0 || now() - gpsLostSinceNs < 5_000_000_000L;
    }

    // ------------------------------------------------------------------ incoming frames

    private void onFrame(MavlinkFrame frame, int channel) {
        if (closed || silent) {
            return;
        }
        int msgId = frame.msgId();
        if (signingOn && signatureChecker != null) {
            SignatureVerdict verdict = signatureChecker.check(frame);
            if (!verdict.accepted() && !(channel == 0 && config.unsignedAcceptedOnChannel0())) {
                framesRejectedBySignature++;
                return;
            }
        }
        int tsOff = TABLE.targetSystemOffset(msgId);
        if (tsOff != MessageTable.NONE) {
            int ts = frame.payloadByte(tsOff);
            if (ts != 0 && ts != sysId) {
                return;
            }
            int tcOff = TABLE.targetComponentOffset(msgId);
            if (tcOff != MessageTable.NONE) {
                int tc = frame.payloadByte(tcOff);
                if (tc != 0 && tc != compId && msgId != 11) {
                    return;
                }
            }
        }
        try {
            dispatch(frame, channel, msgId);
        } catch (RuntimeException e) {
            LOG.warn("sim {}: error handling message {}: {}", sysId, msgId, e.toString());
        }
    }

    private void dispatch(MavlinkFrame f, int ch, int msgId) {
        switch (msgId) {
            case 0 -> lastGcsHeartbeatNs = now();
            case 11 -> CODEC.decode(f, SetMode.class).ifPresent(m -> {
                if (m.targetSystem() == sysId) {
                    int r = setModeFromGcs(m.baseMode().value(), m.customMode());
                    reply(ch, commandAck(11, r, f));
                }
            });
            case 20 -> CODEC.decode(f, ParamRequestRead.class).ifPresent(m -> onParamRead(ch, m));
            case 21 -> CODEC.decode(f, ParamRequestList.class).ifPresent(m -> onParamList(ch));
            case 23 -> CODEC.decode(f, ParamSet.class).ifPresent(m -> onParamSet(m));
            case 39 -> CODEC.decode(f, MissionItem.class).ifPresent(m -> missions.onItem(ch, f.sysId(), f.compId(),
                    fromFloatItem(m)));
            case 73 -> CODEC.decode(f, MissionItemInt.class).ifPresent(m -> missions.onItem(ch, f.sysId(),
                    f.compId(), new SimMissionItem(m.seq(), m.frame().value(), m.command().value(),
                            m.autocontinue(), m.param1(), m.param2(), m.param3(), m.param4(), m.x(), m.y(), m.z(),
                            m.missionType().value())));
            case 40 -> CODEC.decode(f, MissionRequest.class).ifPresent(m -> missions.onRequest(ch, f.sysId(),
                    f.compId(), m.seq(), m.missionType().value(), true));
            case 51 -> CODEC.decode(f, MissionRequestInt.class).ifPresent(m -> missions.onRequest(ch, f.sysId(),
                    f.compId(), m.seq(), m.missionType().value(), false));
            case 43 -> CODEC.decode(f, MissionRequestList.class).ifPresent(m -> missions.onRequestList(ch,
                    f.sysId(), f.compId(), m.missionType().value()));
            case 44 -> CODEC.decode(f, MissionCount.class).ifPresent(m -> missions.onCount(ch, f.sysId(),
                    f.compId(), m.count(), m.missionType().value()));
            case 45 -> CODEC.decode(f, MissionClearAll.class).ifPresent(m -> {
                missions.onClearAll(ch, f.sysId(), f.compId(), m.missionType().value());
            });
            case 41 -> CODEC.decode(f, MissionSetCurrent.class).ifPresent(m -> onMissionSetCurrent(m.seq()));
            case 66 -> CODEC.decode(f, RequestDataStream.class).ifPresent(m -> onRequestDataStream(ch, m));
            case 75 -> CODEC.decode(f, CommandInt.class).ifPresent(m -> {
                lastCommandFrame = f;
                int r = command(ch, m.command().value(), m.param1(), m.param2(), m.param3(), m.param4(), m.x(),
                        m.y(), m.z(), m.frame().value(), true);
                if (r >= 0) {
                    reply(ch, commandAck(m.command().value(), r, f));
                }
            });
            case 76 -> CODEC.decode(f, CommandLong.class).ifPresent(m -> {
                lastCommandFrame = f;
                int r = command(ch, m.command().value(), m.param1(), m.param2(), m.param3(), m.param4(),
                        m.param5(), m.param6(), m.param7(), -1, false);
                if (r >= 0) {
                    reply(ch, commandAck(m.command().value(), r, f));
                }
            });
            case 86 -> CODEC.decode(f, SetPositionTargetGlobalInt.class).ifPresent(this::onSetPositionTarget);
            case 256 -> CODEC.decode(f, SetupSigning.class).ifPresent(m -> onSetupSigning(m, f));
            case 111 -> CODEC.decode(f, Timesync.class).ifPresent(m -> {
                if (m.tc1() == 0) {
                    reply(ch, Timesync.builder().tc1(now()).ts1(m.ts1()).targetSystem(f.sysId())
                            .targetComponent(f.compId()).build());
                }
            });
            default -> { }
        }
    }

    private static SimMissionItem fromFloatItem(MissionItem m) {
        int frame = m.frame().value();
        boolean global = frame == 0 || frame == 3 || frame == 10;
        int x = global ? (int) Math.round(m.x() * 1e7) : Math.round(m.x());
        int y = global ? (int) Math.round(m.y() * 1e7) : Math.round(m.y());
        return new SimMissionItem(m.seq(), frame, m.command().value(), m.autocontinue(), m.param1(), m.param2(),
                m.param3(), m.param4(), x, y, m.z(), m.missionType().value());
    }

    private CommandAck commandAck(int command, int result, MavlinkFrame f) {
        return CommandAck.builder().command(EnumValue.create(command)).result(EnumValue.create(result))
                .progress(0).resultParam2(0).targetSystem(f.sysId()).targetComponent(f.compId()).build();
    }

    // ------------------------------------------------------------------ signing

    /**
     * SETUP_SIGNING as ArduPilot handles it: no reply; a non-zero key turns signing on for every channel (link id =
     * channel, first timestamp = initial_timestamp + 60 s); an all-zero key turns it off. While signing is on, an
     * unsigned SETUP_SIGNING is ignored.
     */
    private void onSetupSigning(SetupSigning m, MavlinkFrame f) {
        if (m.targetSystem() != sysId) {
            return;
        }
        if (signingOn && !f.signed()) {
            return;
        }
        byte[] keyBytes = m.secretKey();
        if (keyBytes == null || keyBytes.length != 32) {
            return;
        }
        SigningKey key = SigningKey.of(keyBytes);
        if (key.isZero()) {
            signingOn = false;
            signatureChecker = null;
            for (SimLink l : links) {
                l.setSigner(null);
            }
            return;
        }
        long initial = m.initialTimestamp() == null ? 0 : m.initialTimestamp().longValue();
        try {
            SigningTimestamps ts = SigningTimestamps.open(scheduler, TimestampStore.inMemory(initial));
            signatureChecker = new SignatureChecker(key, ts);
            for (SimLink l : links) {
                l.setSigner(new MavlinkSigner(key, l.channel(), ts));
            }
            signingOn = true;
        } catch (java.io.IOException e) {
            LOG.warn("sim {}: cannot start signing: {}", sysId, e.toString());
        }
    }

    /** @return whether MAVLink 2 signing is on */
    public boolean signingOn() {
        return signingOn;
    }

    // ------------------------------------------------------------------ parameters

    private void onParamRead(int ch, ParamRequestRead m) {
        SimParams.Param p;
        int index;
        if (m.paramIndex() >= 0 && m.paramIndex() != 65535) {
            p = params.get(m.paramIndex());
            index = m.paramIndex();
        } else {
            p = params.get(trimName(m.paramId()));
            index = 65535;
        }
        if (p != null) {
            ParamValue v = paramValue(p, index, params.count());
            scheduler.schedule(PARAM_READ_LATENCY, () -> reply(ch, v));
        }
    }

    private void onParamList(int ch) {
        int count = params.count();
        List<SimParams.Param> all = params.all();
        for (SimParams.Param p : all) {
            reply(ch, paramValue(p, p.index(), count));
        }
    }

    private void onParamSet(ParamSet m) {
        String name = trimName(m.paramId());
        double value = config.flavour() == Flavour.PX4
                ? decodeBytewise(m.paramValue(), m.paramType() == null ? 9 : m.paramType().value())
                : m.paramValue();
        SimParams.Param p = params.set(name, value);
        if (p != null) {
            send(paramValue(p, 65535, params.count()));
        }
    }

    /**
     * Decodes a PX4 bytewise PARAM_SET value: for integer MAV_PARAM_TYPEs (1..6) the float's bytes hold the integer.
     *
     * @param wire the float as received
     * @param mavParamType MAV_PARAM_TYPE of the message
     * @return the numeric value
     */
    static double decodeBytewise(float wire, int mavParamType) {
        int bits = Float.floatToRawIntBits(wire);
        return switch (mavParamType) {
            case 1 -> bits & 0xFF;
            case 2 -> (byte) bits;
            case 3 -> bits & 0xFFFF;
            case 4 -> (short) bits;
            case 5 -> Integer.toUnsignedLong(bits);
            case 6 -> bits;
            default -> wire;
        };
    }

    private static String trimName(String s) {
        if (s == null) {
            return "";
        }
        int z = s.indexOf('\0');
        return (z >= 0 ? s.substring(0, z) : s).trim();
    }

    private ParamValue paramValue(SimParams.Param p, int index, int count) {
        // ArduPilot sends every value C-cast to float; PX4 puts an integer parameter's bits in the float's bytes
        float wire = config.flavour() == Flavour.PX4 && p.type() != 9
                ? Float.intBitsToFloat((int) Math.round(p.value())) : (float) p.value();
        return ParamValue.builder().paramId(p.name()).paramValue(wire)
                .paramType(EnumValue.create(p.type())).paramCount(count).paramIndex(index).build();
    }

    private void setParamAnnounced(String name, double value) {
        SimParams.Param p = params.set(name, value);
        if (p != null) {
            send(paramValue(p, 65535, params.count()));
        }
    }

    private void onParamChanged(String name, double value) {
        if (config.flavour() == Flavour.PX4) {
            applyPx4Aliases();
        }
        switch (name) {
            case "FENCE_ENABLE" -> {
                if (value != 0) {
                    fenceEnabled = true;
                    fenceTypeActive = (int) params.value("FENCE_TYPE");
                } else {
                    fenceEnabled = false;
                }
            }
            case "WPNAV_SPEED", "WPNAV_ACCEL", "WPNAV_SPEED_UP", "WPNAV_SPEED_DN", "WPNAV_ACCEL_Z", "LAND_SPEED",
                 "LAND_SPEED_HIGH", "LAND_ALT_LOW", "ATC_SLEW_YAW" -> applyParams();
            default -> { }
        }
    }

    /** Keeps the ArduCopter parameters the simulator flies by in step with PX4's names (PX4 flavour). */
    private void applyPx4Aliases() {
        params.setQuietly("MAV_SYSID", params.value("MAV_SYS_ID"));
        params.setQuietly("WPNAV_SPEED", params.value("MPC_XY_CRUISE") * 100);
        params.setQuietly("WPNAV_SPEED_UP", params.value("MPC_Z_VEL_MAX_UP") * 100);
        params.setQuietly("WPNAV_SPEED_DN", params.value("MPC_Z_VEL_MAX_DN") * 100);
        params.setQuietly("LAND_SPEED", params.value("MPC_LAND_SPEED") * 100);
        params.setQuietly("WPNAV_RADIUS", params.value("NAV_ACC_RAD") * 100);
        params.setQuietly("RTL_ALT", params.value("RTL_RETURN_ALT") * 100);
        params.setQuietly("DISARM_DELAY", Math.max(0, params.value("COM_DISARM_LAND")));
        double vert = params.value("GF_MAX_VER_DIST");
        double hor = params.value("GF_MAX_HOR_DIST");
        params.setQuietly("FENCE_ALT_MAX", vert > 0 ? vert : 1000);
        params.setQuietly("FENCE_RADIUS", hor > 0 ? hor : 10000);
        int action = switch ((int) params.value("GF_ACTION")) {
            case 2 -> 4;
            case 3 -> 1;
            case 5 -> 2;
            default -> 0;
        };
        params.setQuietly("FENCE_ACTION", action);
        fenceTypeActive = 4 | (vert > 0 ? 1 : 0) | (hor > 0 ? 2 : 0);
        applyParams();
    }

    private void applyParams() {
        flight.maxSpeedMps = Math.max(0.2, params.value("WPNAV_SPEED") / 100.0);
        flight.accelMps2 = Math.max(0.5, params.value("WPNAV_ACCEL") / 100.0);
        flight.climbMps = Math.max(0.1, params.value("WPNAV_SPEED_UP") / 100.0);
        flight.descentMps = Math.max(0.1, params.value("WPNAV_SPEED_DN") / 100.0);
        flight.accelZMps2 = Math.max(0.2, params.value("WPNAV_ACCEL_Z") / 100.0);
        flight.landSpeedMps = Math.max(0.1, params.value("LAND_SPEED") / 100.0);
        double high = params.value("LAND_SPEED_HIGH");
        flight.landSpeedHighMps = high > 0 ? high / 100.0 : flight.descentMps;
        flight.landAltLowM = params.value("LAND_ALT_LOW") / 100.0;
        flight.yawRateMaxDps = Math.max(5, params.value("ATC_SLEW_YAW") / 100.0);
    }

    // ------------------------------------------------------------------ streams

    private void onRequestDataStream(int ch, RequestDataStream m) {
        int stream = m.reqStreamId();
        int rate = m.startStop() == 0 ? 0 : m.reqMessageRate();
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        int[] slots = switch (stream) {
            case 0 -> new int[] {S_SYS_STATUS, S_MISSION_CURRENT, S_GPS_RAW, S_FENCE, S_POS_TARGET, S_GLOBAL_POS,
                S_ATTITUDE, S_VFR_HUD, S_SYSTEM_TIME, S_BATTERY, S_EKF, S_GIMBAL, S_EXT_STATE};
            case 2 -> new int[] {S_SYS_STATUS, S_MISSION_CURRENT, S_GPS_RAW, S_FENCE, S_POS_TARGET};
            case 6 -> new int[] {S_GLOBAL_POS};
            case 10 -> new int[] {S_ATTITUDE};
            case 11 -> new int[] {S_VFR_HUD};
            case 12 -> new int[] {S_SYSTEM_TIME, S_BATTERY, S_EKF, S_GIMBAL, S_EXT_STATE};
            default -> new int[0];
        };
        for (int s : slots) {
            setInterval(ch, s, interval);
        }
    }

    private void setInterval(int ch, int slot, long interval) {
        intervalNs[ch][slot] = interval;
        nextDueNs[ch][slot] = now() + Math.min(interval, 10_000_000L);
    }

    private static int slotOf(int msgId) {
        for (int i = 0; i < STREAM_IDS.length; i++) {
            if (STREAM_IDS[i] == msgId) {
                return i;
            }
        }
        return -1;
    }

    private void runStreams(long now) {
        Arrays.fill(streamCache, null);
        for (int ch = 0; ch < links.size(); ch++) {
            long[] iv = intervalNs[ch];
            long[] due = nextDueNs[ch];
            for (int s = 0; s < iv.length; s++) {
                if (iv[s] <= 0 || now < due[s]) {
                    continue;
                }
                due[s] = Math.max(due[s] + iv[s], now + iv[s] / 2);
                byte[] payload = streamCache[s];
                if (payload == null) {
                    payload = streamPayload(s, now);
                    if (payload == null) {
                        continue;
                    }
                    streamCache[s] = payload;
                }
                sendPayload(ch, STREAM_IDS[s], payload);
            }
        }
    }

    /** The payload of a streamable message now, or null if the vehicle cannot send it yet. */
    private byte[] streamPayload(int slot, long now) {
        switch (slot) {
            case S_SYS_STATUS: return sysStatus();
            case S_SYSTEM_TIME: return Payloads.systemTime(gpsFix ? scheduler.now().toEpochMilli() * 1000L : 0,
                    bootMs());
            case S_GPS_RAW: return gpsRaw();
            case S_ATTITUDE: return Payloads.attitude(bootMs(), (float) flight.rollRad, (float) flight.pitchRad,
                    (float) Math.toRadians(wrap180(flight.yawDeg)), 0, 0, (float) Math.toRadians(flight.yawRateDps));
            case S_GLOBAL_POS: return globalPosition();
            case S_MISSION_CURRENT: return missionCurrent();
            case S_VFR_HUD: return Payloads.vfrHud((float) flight.groundSpeedMps(), (float) flight.groundSpeedMps(),
                    (float) (config.homeAltAmslM() + flight.altM), (float) flight.vuMps,
                    (int) Math.round(flight.yawDeg) % 360, armed && !flight.onGround ? 37 : 0);
            case S_POS_TARGET: return CODEC.encodePayload(positionTarget());
            case S_BATTERY: return battery();
            case S_FENCE: return fenceEnabled ? CODEC.encodePayload(fenceStatus()) : null;
            case S_EKF: return ekfStatus();
            case S_HOME: return homeSet ? Payloads.homePosition(geo.latE7(homeNorthM), geo.lonE7(homeEastM),
                    (int) Math.round(homeAltAmslM * 1000), (float) homeNorthM, (float) homeEastM, 0,
                    new float[] {1, 0, 0, 0}, 0) : null;
            case S_EXT_STATE: return Payloads.extendedSysState(config.flavour() == Flavour.ARDUCOPTER ? 3 : 0,
                    landedState());
            case S_GIMBAL: return CODEC.encodePayload(gimbal());
            case S_ORIGIN: return ekfOrigin ? CODEC.encodePayload(GpsGlobalOrigin.builder()
                    .latitude(geo.latE7(homeNorthM)).longitude(geo.lonE7(homeEastM))
                    .altitude((int) Math.round(homeAltAmslM * 1000)).timeUsec(BigInteger.valueOf(bootMs() * 1000))
                    .build()) : null;
            default: return null;
        }
    }

    private static double wrap180(double deg) {
        double d = ((deg % 360) + 360) % 360;
        return d > 180 ? d - 360 : d;
    }

    private byte[] sysStatus() {
        int present = 0x5371fc0f | (gpsDetected ? 0x20 : 0);
        int enabled = 0x52419c0f | (gpsDetected ? 0x20 : 0) | (fenceEnabled ? 0x100000 : 0)
                | (ekfOrigin ? 0x200000 : 0);
        int health = 0x47419c0f | (gpsDetected && !gpsLostFault ? 0x20 : 0) | (breachBits == 0 ? 0x100000 : 0)
                | (ekfOrigin && !ekfFailFault ? 0x200000 : 0) | (prearmFailure() == null ? 0x10000000 : 0);
        if (armed) {
            enabled |= 0x01006000;
            health |= 0x6000;
        }
        int remaining = (int) Math.round(flight.remainingFraction() * 100);
        return Payloads.sysStatus(present, enabled, health, 0, (int) Math.round(flight.voltageV * 1000),
                (int) Math.round(flight.currentA * 100), remaining);
    }

    private byte[] gpsRaw() {
        boolean fix = gpsFix && !gpsLostFault;
        double n = flight.northM + gpsErrN;
        double e = flight.eastM + gpsErrE;
        int fixType = fix ? (config.flavour() == Flavour.ARDUCOPTER ? 6 : 3) : gpsDetected ? 1 : 0;
        int cog = fix ? (int) (Math.round(Math.toDegrees(Math.atan2(flight.veMps, flight.vnMps)) * 100 + 36000)
                % 36000) : 0;
        return Payloads.gpsRawInt(bootMs() * 1000, fixType, fix ? geo.latE7(n) : 0, fix ? geo.lonE7(e) : 0,
                fix ? (int) Math.round((config.homeAltAmslM() + flight.altM) * 1000) : 0, fix ? 121 : 65535,
                fix ? 200 : 65535, fix ? (int) Math.round(flight.groundSpeedMps() * 100) : 0, cog, fix ? 10 : 0);
    }

    private byte[] globalPosition() {
        double n = flight.northM + gpsErrN;
        double e = flight.eastM + gpsErrE;
        boolean known = ekfOrigin;
        return Payloads.globalPositionInt(bootMs(), known ? geo.latE7(n) : 0, known ? geo.lonE7(e) : 0,
                (int) Math.round((config.homeAltAmslM() + flight.altM) * 1000),
                (int) Math.round((flight.altM + config.homeAltAmslM() - homeAltAmslM) * 1000),
                (int) Math.round(flight.vnMps * 100), (int) Math.round(flight.veMps * 100),
                (int) Math.round(-flight.vuMps * 100), (int) (Math.round(flight.yawDeg * 100) % 36000));
    }

    private byte[] missionCurrent() {
        int count = missions.count(MissionServer.MISSION);
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        int total = ardu ? Math.max(0, count - 1) : count;
        int state;
        if (total == 0) {
            state = 1;
        } else if (missionComplete) {
            state = 5;
        } else if (missionStarted && mode == CopterMode.AUTO) {
            state = 3;
        } else if (missionStarted) {
            state = 4;
        } else {
            state = 2;
        }
        int seq = missionComplete ? 0 : navIndex;
        return Payloads.missionCurrent(seq, total, state, mode == CopterMode.AUTO ? 1 : 0);
    }

    private PositionTargetGlobalInt positionTarget() {
        return PositionTargetGlobalInt.builder().timeBootMs(bootMs()).coordinateFrame(EnumValue.create(0))
                .typeMask(EnumValue.create(0xfdf8)).latInt(geo.latE7(flight.tgtNorthM))
                .lonInt(geo.lonE7(flight.tgtEastM)).alt((float) (homeAltAmslM + flight.tgtAltM)).build();
    }

    private byte[] battery() {
        return Payloads.batteryStatus((int) Math.round(flight.consumedMah),
                (int) Math.round(flight.consumedMah * 3.6 * 11.1 / 100), 32767, (int) Math.round(flight.voltageV * 1000),
                (int) Math.round(flight.currentA * 100), (int) Math.round(flight.remainingFraction() * 100),
                battCritical ? 3 : battLow ? 2 : 1);
    }

    private FenceStatus fenceStatus() {
        return FenceStatus.builder().breachStatus(breachBits != 0 ? 1 : 0).breachCount(breachCount)
                .breachType(EnumValue.create(breachType)).breachTime(breachTimeMs)
                .breachMitigation(EnumValue.create(mitigation)).build();
    }

    private byte[] ekfStatus() {
        double t = elapsedS();
        int flags;
        if (ekfReady && !ekfFailFault && positionOk()) {
            flags = 0x33f;
        } else if (t >= Math.min(5.99, config.ekfReadyDelay().toMillis() / 1000.0)) {
            flags = 0xa7;
        } else if (t >= 5.48) {
            flags = 0;
        } else {
            flags = 0x400;
        }
        float var = ekfFailFault ? 1.2f : 0.01f;
        return Payloads.ekfStatusReport(var * 0.5f, var, 0.005f, 0.005f, 0, flags, 0);
    }

    private GimbalDeviceAttitudeStatus gimbal() {
        double pitch = 0;
        double yawRel = 0;
        // roll and pitch locked to the horizon; yaw in the vehicle frame: this two-axis gimbal turns with the vehicle
        int flags = 4 | 8 | 32;
        if (!Double.isNaN(gimbalCmdPitchDeg)) {
            // commanded attitude (DO_GIMBAL_MANAGER_PITCHYAW): this gimbal has a yaw axis for manual pointing
            pitch = Math.toRadians(gimbalCmdPitchDeg);
            yawRel = Math.toRadians(gimbalCmdYawDeg);
            flags = gimbalCmdEarthYaw ? 4 | 8 | 16 | 64 : 4 | 8 | 32;
        } else if (roi != null) {
            double dn = roi[0] - flight.northM;
            double de = roi[1] - flight.eastM;
            double dist = GeoNe.hypot(dn, de);
            double dAlt = roi[2] - flight.altM;
            pitch = Math.max(Math.toRadians(-90), Math.min(Math.toRadians(20), Math.atan2(dAlt, Math.max(dist,
                    0.01))));
            double bearing = Math.toDegrees(Math.atan2(de, dn));
            yawRel = Math.toRadians(wrap180(bearing - flight.yawDeg));
            // two-axis gimbal: no yaw axis, the vehicle yaws to the ROI
            yawRel = 0 * yawRel;
        }
        double cy = Math.cos(yawRel / 2);
        double sy = Math.sin(yawRel / 2);
        double cp = Math.cos(pitch / 2);
        double sp = Math.sin(pitch / 2);
        List<Float> q = Arrays.asList((float) (cp * cy), (float) (-sp * sy), (float) (sp * cy), (float) (cp * sy));
        return GimbalDeviceAttitudeStatus.builder().targetSystem(0).targetComponent(0).timeBootMs(bootMs())
                .flags(EnumValue.create(flags)).q(q).angularVelocityX(0).angularVelocityY(0)
                .angularVelocityZ(0).failureFlags(EnumValue.create(0)).build();
    }

    private AutopilotVersion autopilotVersion() {
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        return AutopilotVersion.builder().capabilities(EnumValue.create(ardu ? 0xfbef : 0xe4ef))
                .flightSwVersion(ardu ? 0x04070000L : 0x010e00ffL).middlewareSwVersion(0).osSwVersion(0)
                .boardVersion(0).flightCustomVersion("c9f8a98b".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .middlewareCustomVersion(new byte[8]).osCustomVersion(new byte[8]).vendorId(0).productId(0)
                .uid(BigInteger.valueOf(sysId)).build();
    }

    int landedState() {
        if (!armed || landComplete) {
            return 1;
        }
        if (flight.onGround && !isLanding()) {
            return 1;
        }
        if (takeoffActive && takeoffClimbing) {
            return 3;
        }
        if (isLanding()) {
            return 4;
        }
        return 2;
    }

    private boolean isLanding() {
        if (mode == CopterMode.LAND) {
            return true;
        }
        if (mode == CopterMode.RTL && rtlPhase == RtlPhase.LAND) {
            return true;
        }
        if (mode == CopterMode.AUTO && missionStarted && !missionComplete) {
            SimMissionItem it = navItem();
            return it != null && ((it.command() == 20 && rtlPhase == RtlPhase.LAND)
                    || (it.command() == 21 && flight.target == FlightModel.Target.LAND));
        }
        return false;
    }

    // ------------------------------------------------------------------ heartbeat

    /** One heartbeat chain per boot: each run sends the due heartbeat and schedules the next one. */
    private void heartbeatTimer(long chainBootNs) {
        if (closed || silent || chainBootNs != bootNs) {
            return;
        }
        long now = now();
        if (now >= nextHeartbeatNs) {
            nextHeartbeatNs += 1_000_000_000L;
            if (nextHeartbeatNs <= now) {
                nextHeartbeatNs = now + 1_000_000_000L;
            }
            sendHeartbeat();
        }
        scheduler.schedule(Duration.ofNanos(Math.max(0, nextHeartbeatNs - now)), () -> heartbeatTimer(chainBootNs));
    }

    private void sendHeartbeat() {
        sendPayload(-1, 0, heartbeat());
    }

    private byte[] heartbeat() {
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        int base;
        long custom;
        if (ardu) {
            base = 0x51 | (neActive ? 0x08 : 0) | (armed ? 0x80 : 0);
            custom = mode.number();
        } else {
            base = 0x01 | 0x40 | 0x10 | (armed ? 0x80 : 0);
            custom = Px4Modes.customMode(mode, takeoffActive);
            if (mode != CopterMode.STABILIZE && mode != CopterMode.ALT_HOLD) {
                base |= 0x08 | (mode == CopterMode.AUTO || mode == CopterMode.RTL || mode == CopterMode.LAND ? 0x04
                        : 0);
            }
        }
        int status;
        if (!initialised) {
            status = 1;
        } else if (armed && !landComplete) {
            status = 4;
        } else {
            status = 3;
        }
        return Payloads.heartbeat(2, ardu ? 3 : 12, base, custom, status);
    }

    // ------------------------------------------------------------------ sending

    private void send(Object message) {
        if (message == null || silent || closed) {
            return;
        }
        byte[] payload = CODEC.encodePayload(message);
        int id = IDS.get(message.getClass());
        for (SimLink l : links) {
            l.send(sysId, compId, id, payload);
        }
    }

    /** Sends a ready payload on one channel, or on every channel if {@code channel} is -1. */
    private void sendPayload(int channel, int msgId, byte[] payload) {
        if (payload == null || silent || closed) {
            return;
        }
        if (channel < 0 || channel >= links.size()) {
            for (SimLink l : links) {
                l.send(sysId, compId, msgId, payload);
            }
        } else {
            links.get(channel).send(sysId, compId, msgId, payload);
        }
    }

    private void reply(int channel, Object message) {
        if (message == null || silent || closed) {
            return;
        }
        if (channel < 0 || channel >= links.size()) {
            send(message);
            return;
        }
        byte[] payload = CODEC.encodePayload(message);
        links.get(channel).send(sysId, compId, IDS.get(message.getClass()), payload);
    }

    void statustext(int severity, String text) {
        String t = text.length() > 50 ? text.substring(0, 50) : text;
        send(Statustext.builder().severity(EnumValue.create(severity)).text(t).id(0).chunkSeq(0).build());
        for (Consumer<String> l : statustextListeners) {
            l.accept(t);
        }
    }

    // ------------------------------------------------------------------ commands

    /**
     * Executes a command.
     *
     * @return a MAV_RESULT, or -1 to send no acknowledgement
     */
    private int command(int ch, int cmd, float p1, float p2, float p3, float p4, double x, double y, float z,
                        int frame, boolean isInt) {
        Integer refused = faults.takeRefusal(cmd);
        if (refused != null) {
            return refused;
        }
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        int latE7 = isInt ? (int) x : (int) Math.round(x * 1e7);
        int lonE7 = isInt ? (int) y : (int) Math.round(y * 1e7);
        switch (cmd) {
            case 511: { // SET_MESSAGE_INTERVAL
                int slot = slotOf(Math.round(p1));
                if (slot < 0) {
                    return 4;
                }
                long interval;
                if (p2 < 0) {
                    interval = 0;
                } else if (p2 == 0) {
                    interval = 1_000_000_000L;
                } else {
                    interval = (long) p2 * 1000L;
                }
                setInterval(ch, slot, interval);
                return 0;
            }
            case 510: { // GET_MESSAGE_INTERVAL: MESSAGE_INTERVAL (-1 = not streamed), then the ACK
                int id = Math.round(p1);
                int slot = slotOf(id);
                long us = slot >= 0 && intervalNs[ch][slot] > 0 ? intervalNs[ch][slot] / 1000 : -1;
                if (id == 0) {
                    us = 1_000_000;
                }
                reply(ch, io.dronefleet.mavlink.common.MessageInterval.builder().messageId(id)
                        .intervalUs((int) us).build());
                return 0;
            }
            case 512: { // REQUEST_MESSAGE
                int id = Math.round(p1);
                byte[] m;
                if (id == 148) {
                    m = CODEC.encodePayload(autopilotVersion());
                } else if (id == 0) {
                    m = heartbeat();
                } else {
                    int slot = slotOf(id);
                    m = slot >= 0 ? streamPayload(slot, now()) : null;
                }
                if (m == null) {
                    return 4;
                }
                reply(ch, commandAck(cmd, 0, ackTarget(ch)));
                sendPayload(ch, id, m);
                return -1;
            }
            case 520: // REQUEST_AUTOPILOT_CAPABILITIES
                reply(ch, autopilotVersion());
                return 0;
            case 176: { // DO_SET_MODE
                long custom = config.flavour() == Flavour.PX4 ? Px4Modes.encode(Math.round(p2), Math.round(p3))
                        : (long) p2;
                return setModeFromGcs(Math.round(p1), custom);
            }
            case 400: // COMPONENT_ARM_DISARM
                if (p1 == 1) {
                    return arm(Math.round(p2) == 2989);
                } else if (p1 == 0) {
                    return disarmCommand(Math.round(p2) == 21196);
                }
                return 2;
            case 22: // NAV_TAKEOFF
                return takeoff(z);
            case 300: // MISSION_START
                return missionStart();
            case 192: // DO_REPOSITION
                if (!isInt && ardu) {
                    return 3;
                }
                return reposition(p1, (Math.round(p2) & 1) != 0, latE7, lonE7, z, isInt ? frame : 6);
            case 195: // DO_SET_ROI_LOCATION
                setRoi(latE7, lonE7, z, isInt ? frame : 3);
                return 0;
            case 201: // DO_SET_ROI
                if (Math.round(p1) == 3) {
                    setRoi(latE7, lonE7, z, isInt ? frame : 3);
                } else if (Math.round(p1) == 0) {
                    roi = null;
                    gimbalCmdPitchDeg = Double.NaN;
                }
                return 0;
            case 197: // DO_SET_ROI_NONE
                roi = null;
                gimbalCmdPitchDeg = Double.NaN;
                return 0;
            case 1000: // DO_GIMBAL_MANAGER_PITCHYAW
                return gimbalPitchYaw(p1, p2, Math.round(z), (int) Math.round(x));
            case 115: // CONDITION_YAW
                if (p1 < 0 || p1 > 360 || (p4 != 0 && p4 != 1)) {
                    return 4;
                }
                fixedYawDeg = p4 == 1 ? flight.yawDeg + (p3 < 0 ? -p1 : p1) : p1;
                fixedYawDeg = ((fixedYawDeg % 360) + 360) % 360;
                return 0;
            case 178: // DO_CHANGE_SPEED
                if (mode != CopterMode.AUTO && mode != CopterMode.GUIDED && mode != CopterMode.RTL) {
                    return 4;
                }
                if (p2 > 0 && (Math.round(p1) == 0 || Math.round(p1) == 1)) {
                    speedOverrideMps = p2;
                    return 0;
                }
                return 4;
            case 207: // DO_FENCE_ENABLE
                if (Math.round(p1) == 1) {
                    fenceEnabled = true;
                    fenceTypeActive = (int) params.value("FENCE_TYPE");
                } else if (Math.round(p1) == 0 || Math.round(p1) == 2) {
                    fenceEnabled = Math.round(p1) == 2 && fenceEnabled;
                    if (Math.round(p1) == 0) {
                        fenceEnabled = false;
                    }
                } else {
                    return 4;
                }
                return 0;
            case 246: // PREFLIGHT_REBOOT_SHUTDOWN
                if (Math.round(p1) != 1) {
                    return Math.round(p1) == 0 ? 0 : 3;
                }
                if (armed) {
                    return 4;
                }
                reply(ch, commandAck(cmd, 0, ackTarget(ch)));
                scheduler.schedule(Duration.ofMillis(100), this::reboot);
                return -1;
            case 20: // NAV_RETURN_TO_LAUNCH
                return setMode(CopterMode.RTL) ? 0 : 4;
            case 21: // NAV_LAND
                return setMode(CopterMode.LAND) ? 0 : 4;
            case 179: // DO_SET_HOME
                if (Math.round(p1) == 1) {
                    if (!positionOk()) {
                        return 4;
                    }
                    setHome(flight.northM, flight.eastM, config.homeAltAmslM() + flight.altM);
                } else {
                    if (x == 0 && y == 0) {
                        return 4;
                    }
                    double lat = isInt ? x : x * 1e7;
                    double lon = isInt ? y : y * 1e7;
                    setHome(geo.northM(lat), geo.eastM(lon), z);
                }
                return 0;
            case 519: // REQUEST_PROTOCOL_VERSION
                return 3;
            default:
                return 3;
        }
    }

    private MavlinkFrame lastCommandFrame;

    private MavlinkFrame ackTarget(int ch) {
        return lastCommandFrame;
    }

    // ------------------------------------------------------------------ modes

    private int setModeFromGcs(int baseMode, long customMode) {
        if ((baseMode & 1) == 0) {
            return 2;
        }
        CopterMode m = config.flavour() == Flavour.PX4 ? Px4Modes.fromCustomMode(customMode)
                : CopterMode.fromNumber(customMode);
        if (m == null) {
            statustext(4, "No such mode " + customMode);
            return 4;
        }
        return setMode(m) ? 0 : 4;
    }

    /**
     * Changes mode with ArduCopter's checks, as commanded by the GCS.
     *
     * @return true if the vehicle is now in that mode
     */
    boolean setMode(CopterMode m) {
        if (m == mode) {
            return true;
        }
        if (m.requiresPosition() && !positionOk()) {
            statustext(4, "Mode change to " + m.label() + " failed: requires position");
            return false;
        }
        if (m == CopterMode.AUTO) {
            int count = missions.count(MissionServer.MISSION);
            boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
            if (count <= (ardu ? 1 : 0)) {
                statustext(4, "Mode change to AUTO failed: init failed");
                return false;
            }
            if (ardu && armed && flight.onGround && !startsWithTakeoff()) {
                statustext(2, "Auto: Missing Takeoff Cmd");
                statustext(4, "Mode change to AUTO failed: init failed");
                return false;
            }
        }
        enterMode(m);
        return true;
    }

    private boolean startsWithTakeoff() {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        int first = config.flavour() == Flavour.ARDUCOPTER ? 1 : 0;
        for (int i = first; i < items.size(); i++) {
            if (isNav(items.get(i).command())) {
                return items.get(i).command() == 22;
            }
        }
        return false;
    }

    private void enterMode(CopterMode m) {
        CopterMode old = mode;
        mode = m;
        neActive = m != CopterMode.STABILIZE && m != CopterMode.ALT_HOLD;
        guidedVelocity = false;
        if (old == CopterMode.GUIDED || old == CopterMode.AUTO) {
            takeoffActive = takeoffActive && m == old;
        }
        if (m != CopterMode.AUTO) {
            speedOverrideMps = m == CopterMode.GUIDED ? speedOverrideMps : Double.NaN;
        }
        switch (m) {
            case GUIDED, LOITER, BRAKE, STABILIZE, ALT_HOLD -> {
                takeoffActive = false;
                if (!flight.onGround) {
                    flight.brake();
                } else {
                    flight.idle();
                }
                posTargetN = flight.tgtNorthM;
                posTargetE = flight.tgtEastM;
                posTargetAlt = flight.tgtAltM;
            }
            case RTL -> startRtl();
            case LAND -> {
                takeoffActive = false;
                flight.land();
            }
            case AUTO -> startAuto();
            default -> { }
        }
        sendHeartbeat();
    }

    // ------------------------------------------------------------------ arming

    /** @return the first failing pre-arm check as ArduCopter words it, or null if ready to arm */
    String prearmFailure() {
        if (elapsedS() < config.accelsSettleDelay().toMillis() / 1000.0) {
            return "Accels inconsistent";
        }
        if (fenceEnabled && !positionOk()) {
            return "Fence enabled, need position estimate";
        }
        if (mode.requiresPosition() && !positionOk()) {
            return "Need Position Estimate";
        }
        if (!gpsFix && (fenceEnabled || mode.requiresPosition())) {
            return "GPS 1: Bad fix";
        }
        double armMah = params.value("BATT_ARM_MAH");
        if (armMah > 0 && flight.capacityMah - flight.consumedMah < armMah) {
            return "Battery 1 below minimum arming capacity";
        }
        double armVolt = params.value("BATT_ARM_VOLT");
        if (armVolt > 0 && flight.voltageV < armVolt) {
            return "Battery 1 below minimum arming voltage";
        }
        if (battLow || battCritical) {
            return "Battery 1 low";
        }
        if (fenceEnabled && (fenceTypeActive & 4) != 0 && fence.hasPolygonFence()
                && !fence.containsHorizontally(flight.northM, flight.eastM)) {
            return "Vehicle breaching Polygon fence";
        }
        if (fenceEnabled && (fenceTypeActive & 2) != 0
                && GeoNe.hypot(flight.northM - homeNorthM, flight.eastM - homeEastM) > params.value("FENCE_RADIUS")) {
            return "Vehicle breaching Circle fence";
        }
        return null;
    }

    private int arm(boolean force) {
        if (armed) {
            return 0;
        }
        if (!force) {
            String why = prearmFailure();
            if (why != null) {
                statustext(2, "Arm: " + why);
                return 4;
            }
            boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
            if (ardu && (mode == CopterMode.AUTO || mode == CopterMode.RTL || mode == CopterMode.LAND
                    || mode == CopterMode.BRAKE)) {
                statustext(2, "Arm: " + mode.label() + " mode not armable");
                return 4;
            }
        }
        armed = true;
        autoArmed = config.flavour() == Flavour.PX4 && mode == CopterMode.AUTO;
        landComplete = true;
        idleOnGroundSinceNs = now();
        if (config.flavour() == Flavour.ARDUCOPTER) {
            statustext(6, "Arming motors");
        }
        if (autoArmed) {
            beginTakeoffIfNeeded();
        }
        return 0;
    }

    private int disarmCommand(boolean force) {
        if (!armed) {
            return 0;
        }
        if (!force && !(flight.onGround && landComplete)) {
            statustext(2, "Disarm: not landed");
            return 4;
        }
        disarm();
        return 0;
    }

    private void disarm() {
        if (!armed) {
            return;
        }
        if (config.flavour() == Flavour.ARDUCOPTER) {
            statustext(6, "Disarming motors");
        }
        armed = false;
        autoArmed = false;
        takeoffActive = false;
        flight.idle();
        if ((mode == CopterMode.AUTO || mode == CopterMode.RTL) && flight.onGround) {
            neActive = false;
        }
        announceStats();
        if (config.flavour() == Flavour.ARDUCOPTER) {
            announce("MOT_THST_HOVER");
        }
    }

    private void announceStats() {
        if (config.flavour() != Flavour.ARDUCOPTER) {
            return;
        }
        params.set("STAT_RUNTIME", Math.floor(elapsedS()));
        if (flightTimeS > 0) {
            params.set("STAT_FLTTIME", Math.floor(flightTimeS));
            announce("STAT_FLTTIME");
        }
        announce("STAT_RUNTIME");
    }

    // ------------------------------------------------------------------ guided

    private int takeoff(float altM) {
        if (!armed || !flight.onGround) {
            return 4;
        }
        if (config.flavour() == Flavour.PX4) {
            altM = Float.isNaN(altM) ? (float) params.value("MIS_TAKEOFF_ALT") : (float) (altM - homeAltAmslM);
        }
        if (mode != CopterMode.GUIDED && !(config.flavour() == Flavour.PX4)) {
            return 4;
        }
        if (altM <= 0) {
            return 4;
        }
        startTakeoff(altM);
        autoArmed = true;
        return 0;
    }

    private void startTakeoff(double altM) {
        takeoffActive = true;
        takeoffClimbing = false;
        takeoffAltM = altM;
        takeoffAtNs = now() + SPOOL_UP_NS;
        flight.idle();
    }

    private double altRelFromFrame(int frame, float z) {
        return switch (frame) {
            case 0, 5 -> z - homeAltAmslM;
            default -> z;
        };
    }

    /**
     * MAV_CMD_DO_REPOSITION as ArduCopter handles it: DENIED outside GUIDED unless the change-mode flag is set (then
     * GUIDED is entered), FAILED for a destination the fence forbids.
     */
    private int reposition(float speed, boolean changeMode, int latE7, int lonE7, float z, int frame) {
        if (config.flavour() == Flavour.PX4) {
            if (mode != CopterMode.LOITER && mode != CopterMode.GUIDED && !setMode(CopterMode.LOITER)) {
                return 4;
            }
        } else if (mode != CopterMode.GUIDED) {
            if (!changeMode) {
                return 2;
            }
            if (!setMode(CopterMode.GUIDED)) {
                return 4;
            }
        }
        double n = (latE7 == 0 && lonE7 == 0) ? flight.northM : geo.northM(latE7);
        double e = (latE7 == 0 && lonE7 == 0) ? flight.eastM : geo.eastM(lonE7);
        double alt = altRelFromFrame(frame, z);
        if (!destinationAllowed(n, e, alt)) {
            return 4;
        }
        if (speed > 0) {
            speedOverrideMps = speed;
        }
        guidedGoto(n, e, alt);
        return 0;
    }

    private void guidedGoto(double n, double e, double alt) {
        posTargetN = n;
        posTargetE = e;
        posTargetAlt = alt;
        guidedVelocity = false;
        if (takeoffActive) {
            guidedPending = true;
        } else if (!flight.onGround) {
            flight.flyTo(n, e, alt, wpSpeed());
        }
    }

    private double wpSpeed() {
        return Double.isNaN(speedOverrideMps) ? flight.maxSpeedMps : speedOverrideMps;
    }

    /** AC_Fence::check_destination_within_fence. */
    private boolean destinationAllowed(double n, double e, double altRel) {
        if (!fenceEnabled) {
            return true;
        }
        if ((fenceTypeActive & 1) != 0 && altRel > params.value("FENCE_ALT_MAX")) {
            return false;
        }
        if ((fenceTypeActive & 2) != 0 && GeoNe.hypot(n - homeNorthM, e - homeEastM) > params.value("FENCE_RADIUS")) {
            return false;
        }
        return (fenceTypeActive & 4) == 0 || fence.containsHorizontally(n, e);
    }

    private void onSetPositionTarget(SetPositionTargetGlobalInt m) {
        if (mode != CopterMode.GUIDED || !armed) {
            return;
        }
        int mask = m.typeMask().value();
        boolean usePos = (mask & 0x7) != 0x7;
        boolean useVel = (mask & 0x38) != 0x38;
        if ((mask & 0x400) == 0 && Float.isFinite(m.yaw())) {
            fixedYawDeg = ((Math.toDegrees(m.yaw()) % 360) + 360) % 360;
        }
        if (usePos) {
            int frame = m.coordinateFrame().value();
            double n = geo.northM(m.latInt());
            double e = geo.eastM(m.lonInt());
            double alt = altRelFromFrame(frame, m.alt());
            if (!destinationAllowed(n, e, alt)) {
                return;
            }
            guidedGoto(n, e, alt);
        } else if (useVel) {
            guidedVelocity = true;
            guidedVelocityUntilNs = now() + (long) (params.value("GUID_TIMEOUT") * 1e9);
            guidedVn = m.vx();
            guidedVe = m.vy();
            guidedVu = -m.vz();
            if (!flight.onGround) {
                flight.flyVelocity(guidedVn, guidedVe, guidedVu);
            }
        }
    }

    /**
     * MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW: points the single simulated gimbal (device id 0 = all, or 1) at a pitch and
     * yaw until the next ROI or gimbal command. NaN angles keep the current commanded angle (0 if none).
     */
    private int gimbalPitchYaw(float pitchDeg, float yawDeg, int deviceId, int flags) {
        if (deviceId != 0 && deviceId != 1) {
            return 2;
        }
        if ((!Float.isNaN(pitchDeg) && (pitchDeg < -90 || pitchDeg > 90))
                || (!Float.isNaN(yawDeg) && (yawDeg < -180 || yawDeg > 180))) {
            return 2;
        }
        boolean keep = !Double.isNaN(gimbalCmdPitchDeg);
        gimbalCmdPitchDeg = !Float.isNaN(pitchDeg) ? pitchDeg : keep ? gimbalCmdPitchDeg : 0;
        gimbalCmdYawDeg = !Float.isNaN(yawDeg) ? yawDeg : keep ? gimbalCmdYawDeg : 0;
        gimbalCmdEarthYaw = (flags & 16) != 0;
        return 0;
    }

    private void setRoi(int latE7, int lonE7, float z, int frame) {
        gimbalCmdPitchDeg = Double.NaN;
        if (latE7 == 0 && lonE7 == 0) {
            roi = null;
            return;
        }
        roi = new double[] {geo.northM(latE7), geo.eastM(lonE7), altRelFromFrame(frame, z)};
    }

    // ------------------------------------------------------------------ RTL

    private void startRtl() {
        takeoffActive = false;
        double rtlAltParam = params.value("RTL_ALT") / 100.0;
        double target = rtlAltParam <= 0 ? flight.altM : Math.max(rtlAltParam, flight.altM);
        if (fenceEnabled && (fenceTypeActive & 1) != 0) {
            target = Math.min(target, params.value("FENCE_ALT_MAX") - params.value("FENCE_MARGIN"));
        }
        rtlAltM = Math.max(target, Math.min(flight.altM, 2));
        double[] dest = rtlDestination();
        rtlN = dest[0];
        rtlE = dest[1];
        if (flight.onGround) {
            rtlPhase = RtlPhase.LAND;
            flight.land();
            return;
        }
        rtlPhase = RtlPhase.CLIMB;
        flight.flyTo(flight.northM, flight.eastM, rtlAltM, wpSpeed());
    }

    private double[] rtlDestination() {
        double bestN = homeNorthM;
        double bestE = homeEastM;
        double best = GeoNe.hypot(flight.northM - homeNorthM, flight.eastM - homeEastM);
        for (SimMissionItem r : missions.items(MissionServer.RALLY)) {
            double n = geo.northM(r.x());
            double e = geo.eastM(r.y());
            double d = GeoNe.hypot(flight.northM - n, flight.eastM - e);
            if (d < best) {
                best = d;
                bestN = n;
                bestE = e;
            }
        }
        return new double[] {bestN, bestE};
    }

    /** @return true when the RTL has finished (landed) */
    private boolean runRtl(long now) {
        double rtlSpeed = params.value("RTL_SPEED") > 0 ? params.value("RTL_SPEED") / 100.0 : wpSpeed();
        switch (rtlPhase) {
            case CLIMB -> {
                if (flight.altM >= rtlAltM - 0.5) {
                    rtlPhase = RtlPhase.RETURN;
                    flight.flyTo(rtlN, rtlE, rtlAltM, rtlSpeed);
                }
            }
            case RETURN -> {
                flight.flyTo(rtlN, rtlE, rtlAltM, rtlSpeed);
                if (flight.distanceToTargetM() < 1.0 && flight.groundSpeedMps() < 0.5) {
                    rtlPhase = RtlPhase.LOITER;
                    rtlLoiterUntilNs = now + (long) (params.value("RTL_LOIT_TIME") * 1e6);
                }
            }
            case LOITER -> {
                if (now >= rtlLoiterUntilNs) {
                    double fin = params.value("RTL_ALT_FINAL") / 100.0;
                    if (fin > 0) {
                        rtlPhase = RtlPhase.FINAL;
                        flight.flyTo(rtlN, rtlE, fin, rtlSpeed);
                    } else {
                        rtlPhase = RtlPhase.LAND;
                        flight.land();
                    }
                }
            }
            default -> { }
        }
        return false;
    }

    // ------------------------------------------------------------------ AUTO

    private static boolean isNav(int cmd) {
        return cmd < 80 || (cmd >= 80 && cmd <= 95);
    }

    private SimMissionItem navItem() {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        return navIndex > 0 || config.flavour() == Flavour.PX4 ? (navIndex < items.size() ? items.get(navIndex)
                : null) : null;
    }

    private int firstIndex() {
        return config.flavour() == Flavour.ARDUCOPTER ? 1 : 0;
    }

    private void startAuto() {
        takeoffActive = false;
        if (!missionStarted || missionComplete) {
            missionStarted = true;
            missionComplete = false;
            jumpsDone.clear();
            navIndex = firstIndex() - 1;
            advanceMission(false);
        } else {
            startNav(navItem());
        }
        if (armed && !flight.onGround) {
            autoArmed = true;
        }
        if (config.flavour() == Flavour.PX4 && armed) {
            autoArmed = true;
            beginTakeoffIfNeeded();
        }
    }

    private int missionStart() {
        if (mode != CopterMode.AUTO && !setMode(CopterMode.AUTO)) {
            return 4;
        }
        if (!armed) {
            return 0;
        }
        autoArmed = true;
        if (missionComplete) {
            startAuto();
        }
        beginTakeoffIfNeeded();
        return 0;
    }

    private void beginTakeoffIfNeeded() {
        SimMissionItem it = navItem();
        if (it != null && it.command() == 22 && flight.onGround && !takeoffActive) {
            startTakeoff(Math.max(1, altRelFromFrame(it.frame(), it.z())));
        }
    }

    private void onMissionSetCurrent(int seq) {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        if (seq < firstIndex() || seq >= items.size()) {
            return;
        }
        navIndex = seq - 1;
        missionComplete = false;
        missionStarted = true;
        advanceMission(false);
        sendPayload(-1, 42, missionCurrent());
    }

    /**
     * Completes the current navigation command and moves to the next one, executing DO commands on the way. Sends
     * one MISSION_ITEM_REACHED for the last completed item (ArduPilot's single deferred slot).
     */
    private void advanceMission(boolean navCompleted) {
        List<SimMissionItem> items = missions.items(MissionServer.MISSION);
        int lastReached = navCompleted ? navIndex : -1;
        int completedNav = navIndex;
        boolean px4 = config.flavour() == Flavour.PX4;
        int guard = 0;
        int i = navIndex + 1;
        while (true) {
            if (guard++ > 1000 || i >= items.size()) {
                finishMission();
                break;
            }
            SimMissionItem it = items.get(i);
            if (isNav(it.command())) {
                navIndex = i;
                startNav(it);
                break;
            }
            if (it.command() == 177) { // DO_JUMP
                int target = Math.round(it.param1());
                int repeat = Math.round(it.param2());
                int done = jumpsDone.getOrDefault(i, 0);
                if (repeat < 0 || done < repeat) {
                    jumpsDone.put(i, done + 1);
                    if (!px4) {
                        statustext(6, "Mission: " + i + " Jump");
                    }
                    i = target;
                    continue;
                }
                i++;
                continue;
            }
            if (!px4) {
                statustext(6, "Mission: " + i + " " + commandName(it.command()));
            }
            executeDo(it);
            lastReached = i;
            if (px4) {
                send(MissionItemReached.builder().seq(i).build());
            }
            i++;
        }
        if (navCompleted && px4) {
            send(MissionItemReached.builder().seq(completedNav).build());
        }
        if (lastReached >= 0 && !px4) {
            send(MissionItemReached.builder().seq(lastReached).build());
        }
        sendPayload(-1, 42, missionCurrent());
    }

    private void finishMission() {
        missionComplete = true;
        navIndex = 0;
        if (armed && flight.onGround) {
            disarm();
        } else if (armed) {
            flight.brake();
        }
    }

    private void startNav(SimMissionItem it) {
        if (it == null) {
            return;
        }
        navReached = false;
        navHoldUntilNs = 0;
        loiterSweptRad = 0;
        if (config.flavour() == Flavour.ARDUCOPTER) {
            statustext(6, "Mission: " + it.seq() + " " + commandName(it.command()));
        }
        if (!armed || !autoArmed) {
            return;
        }
        startNavFlying(it);
    }

    private void startNavFlying(SimMissionItem it) {
        switch (it.command()) {
            case 22 -> {
                double alt = altRelFromFrame(it.frame(), it.z());
                if (flight.onGround) {
                    startTakeoff(Math.max(1, alt));
                } else {
                    flight.flyTo(flight.northM, flight.eastM, Math.max(alt, flight.altM), wpSpeed());
                }
            }
            case 20 -> startRtl();
            case 21 -> {
                if (it.x() != 0 || it.y() != 0) {
                    flight.flyTo(geo.northM(it.x()), geo.eastM(it.y()), flight.altM, wpSpeed());
                } else {
                    flight.land();
                }
            }
            default -> {
                double[] p = itemPosition(it);
                flight.flyTo(p[0], p[1], p[2], wpSpeed());
            }
        }
    }

    private double[] itemPosition(SimMissionItem it) {
        double n = it.x() == 0 && it.y() == 0 ? flight.northM : geo.northM(it.x());
        double e = it.x() == 0 && it.y() == 0 ? flight.eastM : geo.eastM(it.y());
        double alt = it.z() == 0 && it.frame() != 0 ? flight.altM : altRelFromFrame(it.frame(), it.z());
        return new double[] {n, e, alt};
    }

    private void executeDo(SimMissionItem it) {
        switch (it.command()) {
            case 195 -> setRoi(it.x(), it.y(), it.z(), it.frame());
            case 201 -> {
                if (Math.round(it.param1()) == 3) {
                    setRoi(it.x(), it.y(), it.z(), it.frame());
                } else {
                    roi = null;
                }
            }
            case 197 -> {
                roi = null;
                gimbalCmdPitchDeg = Double.NaN;
            }
            case 178 -> {
                if (it.param2() > 0) {
                    speedOverrideMps = it.param2();
                }
            }
            case 207 -> fenceEnabled = Math.round(it.param1()) == 1;
            case 115 -> fixedYawDeg = it.param1();
            default -> { }
        }
    }

    private void runAuto(long now) {
        if (!missionStarted || missionComplete || !armed || !autoArmed) {
            return;
        }
        SimMissionItem it = navItem();
        if (it == null) {
            return;
        }
        if (flight.target == FlightModel.Target.IDLE && !flight.onGround && !takeoffActive) {
            startNavFlying(it);
        }
        switch (it.command()) {
            case 22 -> {
                if (!takeoffActive && !flight.onGround && flight.altM >= altRelFromFrame(it.frame(), it.z()) - 0.3) {
                    completeNav();
                }
            }
            case 16 -> {
                double r = it.param2() > 0 ? it.param2() : params.value("WPNAV_RADIUS") / 100.0;
                double[] p = itemPosition(it);
                if (!navReached) {
                    flight.flyTo(p[0], p[1], p[2], wpSpeed());
                    double d = GeoNe.hypot(p[0] - flight.northM, p[1] - flight.eastM);
                    if (d <= Math.max(0.5, r) && Math.abs(p[2] - flight.altM) < 1.0) {
                        navReached = true;
                        statustext(6, "Reached command #" + it.seq());
                        navHoldUntilNs = now + (long) (it.param1() * 1e9);
                    }
                }
                if (navReached && now >= navHoldUntilNs) {
                    completeNav();
                }
            }
            case 19 -> {
                double[] p = itemPosition(it);
                if (!navReached) {
                    flight.flyTo(p[0], p[1], p[2], wpSpeed());
                    if (flight.distanceToTargetM() < 1.0 && Math.abs(p[2] - flight.altM) < 1.0) {
                        navReached = true;
                        navHoldUntilNs = now + (long) (it.param1() * 1e9);
                    }
                } else if (now >= navHoldUntilNs) {
                    statustext(6, "Reached command #" + it.seq());
                    completeNav();
                }
            }
            case 18 -> runLoiterTurns(it);
            case 20 -> runRtl(now);
            case 21 -> {
                if (flight.target == FlightModel.Target.POSITION && flight.distanceToTargetM() < 1.0) {
                    flight.land();
                }
            }
            case 17 -> flight.flyTo(itemPosition(it)[0], itemPosition(it)[1], itemPosition(it)[2], wpSpeed());
            default -> completeNav();
        }
    }

    private void runLoiterTurns(SimMissionItem it) {
        double[] c = itemPosition(it);
        double radius = Math.max(1, Math.abs(it.param3()));
        double dir = it.param3() < 0 ? -1 : 1;
        double turns = Math.max(0, it.param1());
        if (!navReached) {
            double startN = c[0] + radius * Math.cos(loiterAngleRad);
            double startE = c[1] + radius * Math.sin(loiterAngleRad);
            if (loiterSweptRad == 0 && flight.distanceToTargetM() > 1.0) {
                loiterAngleRad = Math.atan2(flight.eastM - c[1], flight.northM - c[0]);
                startN = c[0] + radius * Math.cos(loiterAngleRad);
                startE = c[1] + radius * Math.sin(loiterAngleRad);
                flight.flyTo(startN, startE, c[2], wpSpeed());
                if (GeoNe.hypot(startN - flight.northM, startE - flight.eastM) < 1.0) {
                    navReached = true;
                }
                return;
            }
            navReached = true;
        }
        double speed = Math.min(wpSpeed(), 5.0);
        double omega = Math.min(Math.toRadians(20), speed / radius);
        double step = omega * dtS;
        loiterAngleRad += dir * step;
        loiterSweptRad += step;
        flight.flyTo(c[0] + radius * Math.cos(loiterAngleRad), c[1] + radius * Math.sin(loiterAngleRad), c[2],
                speed * 1.5);
        if (loiterSweptRad >= turns * 2 * Math.PI) {
            statustext(6, "Reached command #" + it.seq());
            completeNav();
        }
    }

    private void completeNav() {
        advanceMission(true);
    }

    private static String commandName(int cmd) {
        return switch (cmd) {
            case 16 -> "WP";
            case 17 -> "LoitUnlim";
            case 18 -> "LoitTurns";
            case 19 -> "LoitTime";
            case 20 -> "RTL";
            case 21 -> "Land";
            case 22 -> "Takeoff";
            case 93 -> "Delay";
            case 112 -> "CondDelay";
            case 114 -> "CondDist";
            case 115 -> "CondYaw";
            case 177 -> "Jump";
            case 178 -> "ChangeSpeed";
            case 179 -> "SetHome";
            case 195 -> "SetROILocation";
            case 197 -> "SetROINone";
            case 201 -> "ROI";
            case 207 -> "FenceEnable";
            default -> "Cmd" + cmd;
        };
    }

    // ------------------------------------------------------------------ the loop

    private void tick() {
        if (closed || bootNs == 0 && !started) {
            return;
        }
        long now = now();
        if (silent) {
            // rebooting: no software, motors stopped; a vehicle in the air falls
            flight.step(dtS, false);
            recordTruth();
            return;
        }
        updateReadiness(now);
        control(now);
        boolean motors = armed && (!takeoffActive || takeoffClimbing || !flight.onGround);
        boolean touched = flight.step(dtS, armed && motors);
        if (touched) {
            groundSinceNs = now;
            if (config.flavour() == Flavour.ARDUCOPTER && config.bootChatter()) {
                statustext(6, String.format(java.util.Locale.ROOT, "SIM Hit ground at %.6f m/s",
                        flight.lastTouchdownSpeedMps));
            }
        }
        if (armed && !flight.onGround) {
            flightTimeS += dtS;
        }
        updateGpsNoise();
        landDetector(now);
        fenceCheck(now);
        failsafes(now);
        missions.update();
        runStreams(now);
        if (now >= nextTimesyncNs) {
            nextTimesyncNs += 10_000_000_000L;
            send(Timesync.builder().tc1(0).ts1(now).targetSystem(0).targetComponent(0).build());
        }
        if (now >= nextStatNs) {
            nextStatNs += 31_000_000_000L;
            announceStats();
        }
        if (now >= nextPrearmReportNs && !armed) {
            nextPrearmReportNs += 30_000_000_000L;
            String why = prearmFailure();
            if (why != null && config.flavour() == Flavour.ARDUCOPTER) {
                statustext(2, "PreArm: " + why);
            }
        }
        recordTruth();
    }

    private void recordTruth() {
        truth.record(elapsedS(), geo.latDeg(flight.northM), geo.lonDeg(flight.eastM), flight.altM, flight.northM,
                flight.eastM, flight.groundSpeedMps(), flight.vuMps, flight.yawDeg, armed, mode.number(),
                flight.consumedMah);
    }

    private void updateGpsNoise() {
        double sigma = config.gpsNoiseM();
        if (sigma <= 0) {
            gpsErrN = gpsErrE = 0;
            return;
        }
        double a = Math.exp(-dtS / 10.0);
        double b = sigma * Math.sqrt(1 - a * a);
        gpsErrN = a * gpsErrN + b * random.nextGaussian();
        gpsErrE = a * gpsErrE + b * random.nextGaussian();
    }

    private void control(long now) {
        // yaw
        if (roi != null && !flight.onGround) {
            flight.desiredYawDeg = (Math.toDegrees(Math.atan2(roi[1] - flight.eastM, roi[0] - flight.northM)) + 360)
                    % 360;
        } else if (!Double.isNaN(fixedYawDeg)) {
            flight.desiredYawDeg = fixedYawDeg;
        } else if (flight.target == FlightModel.Target.POSITION && flight.distanceToTargetM() > 2
                && !(mode == CopterMode.RTL)) {
            flight.desiredYawDeg = (Math.toDegrees(Math.atan2(flight.tgtEastM - flight.eastM,
                    flight.tgtNorthM - flight.northM)) + 360) % 360;
        } else {
            flight.desiredYawDeg = Double.NaN;
        }
        // takeoff
        if (takeoffActive && armed) {
            if (!takeoffClimbing && now >= takeoffAtNs) {
                takeoffClimbing = true;
                flight.flyTo(flight.northM, flight.eastM, takeoffAltM, wpSpeed());
                idleOnGroundSinceNs = now;
            }
            if (takeoffClimbing && flight.altM >= takeoffAltM - 0.3) {
                takeoffActive = false;
                takeoffClimbing = false;
                if (mode == CopterMode.GUIDED && guidedPending) {
                    guidedPending = false;
                    flight.flyTo(posTargetN, posTargetE, posTargetAlt, wpSpeed());
                }
            }
        }
        if (!armed) {
            return;
        }
        switch (mode) {
            case GUIDED -> {
                if (guidedVelocity) {
                    if (now > guidedVelocityUntilNs) {
                        guidedVelocity = false;
                        flight.brake();
                    } else {
                        applyAvoidance();
                    }
                } else {
                    mitigation = 1;
                }
            }
            case AUTO -> runAuto(now);
            case RTL -> runRtl(now);
            default -> { }
        }
    }

    private void applyAvoidance() {
        int avoid = (int) params.value("AVOID_ENABLE");
        mitigation = 1;
        if (flight.onGround) {
            return;
        }
        flight.flyVelocity(guidedVn, guidedVe, guidedVu);
        if ((avoid & 1) == 0 || !fenceEnabled) {
            return;
        }
        double vn = guidedVn;
        double ve = guidedVe;
        double v = GeoNe.hypot(vn, ve);
        if (v < 1e-3) {
            return;
        }
        double margin = params.value("AVOID_MARGIN");
        double dist = Double.POSITIVE_INFINITY;
        if ((fenceTypeActive & 4) != 0) {
            dist = fence.distanceAlong(flight.northM, flight.eastM, vn / v, ve / v);
        }
        if ((fenceTypeActive & 2) != 0) {
            double r = params.value("FENCE_RADIUS");
            double fn = flight.northM - homeNorthM;
            double fe = flight.eastM - homeEastM;
            double b = fn * vn / v + fe * ve / v;
            double c = fn * fn + fe * fe - r * r;
            double disc = b * b - c;
            if (disc >= 0) {
                dist = Math.min(dist, -b + Math.sqrt(disc));
            }
        }
        if (!Double.isFinite(dist)) {
            return;
        }
        double allowed = Math.sqrt(2 * flight.accelMps2 * 0.5 * Math.max(0, dist - margin));
        if (allowed < v) {
            flight.tgtVnMps = vn / v * allowed;
            flight.tgtVeMps = ve / v * allowed;
            mitigation = 2;
        }
    }

    private void landDetector(long now) {
        if (!flight.onGround) {
            landComplete = false;
            return;
        }
        if (!landComplete && now - groundSinceNs >= LAND_DETECT_NS) {
            landComplete = true;
            idleOnGroundSinceNs = now;
            landDisarmPending = armed;
        }
        if (landDisarmPending && now - groundSinceNs >= LAND_DETECT_NS + LAND_DISARM_NS) {
            landDisarmPending = false;
            if (armed) {
                onLandComplete();
            }
        }
        if (armed && landComplete && !takeoffActive) {
            double delay = params.value("DISARM_DELAY");
            if (delay > 0 && now - idleOnGroundSinceNs >= (long) (delay * 1e9)) {
                disarm();
            }
        }
    }

    private void onLandComplete() {
        if (mode == CopterMode.LAND || mode == CopterMode.RTL) {
            disarm();
        } else if (mode == CopterMode.AUTO && missionStarted && !missionComplete) {
            SimMissionItem it = navItem();
            if (it != null && (it.command() == 20 || it.command() == 21)) {
                completeNav();
                if (armed) {
                    disarm();
                }
            }
        }
    }

    private void fenceCheck(long now) {
        if (!fenceEnabled) {
            if (breachBits != 0) {
                breachBits = 0;
                breachType = 0;
            }
            return;
        }
        int bits = 0;
        if ((fenceTypeActive & 1) != 0 && flight.altM > params.value("FENCE_ALT_MAX")) {
            bits |= 1;
        }
        if ((fenceTypeActive & 2) != 0
                && GeoNe.hypot(flight.northM - homeNorthM, flight.eastM - homeEastM) > params.value("FENCE_RADIUS")) {
            bits |= 2;
        }
        if ((fenceTypeActive & 4) != 0 && fence.hasPolygonFence()
                && !fence.containsHorizontally(flight.northM, flight.eastM)) {
            bits |= 4;
        }
        if (bits != 0 && breachBits == 0) {
            if (now < recoveryUntilNs) {
                return;
            }
            breachBits = bits;
            breachCount++;
            breachTimeMs = bootMs();
            breachType = (bits & 6) != 0 ? 3 : 2;
            String name = (bits & 4) != 0 ? "Polygon" : (bits & 2) != 0 ? "Circle" : "Max Alt";
            statustext(5, name + " fence breached");
            if (armed && !flight.onGround) {
                int action = (int) params.value("FENCE_ACTION");
                boolean changed = switch (action) {
                    case 0 -> false;
                    case 2 -> setModeForced(CopterMode.LAND);
                    case 4 -> setModeForced(CopterMode.BRAKE);
                    default -> setModeForced(CopterMode.RTL) || setModeForced(CopterMode.LAND);
                };
                if (changed) {
                    statustext(6, "Manual recovery started");
                    recoveryUntilNs = now + FENCE_RECOVERY_NS;
                }
            }
        } else if (bits == 0 && breachBits != 0) {
            breachBits = 0;
            breachType = 0;
            statustext(5, "Fence breach cleared");
        } else if (bits != 0) {
            breachBits = bits;
        }
    }

    private boolean setModeForced(CopterMode m) {
        if (mode == m) {
            return true;
        }
        if (m.requiresPosition() && !positionOk()) {
            return false;
        }
        enterMode(m);
        return true;
    }

    private void failsafes(long now) {
        // EKF / GPS loss: LAND like FS_EKF_ACTION 1
        if (armed && !flight.onGround && !positionOk() && mode.requiresPosition() && !ekfFailsafeDone) {
            ekfFailsafeDone = true;
            statustext(2, "EKF Failsafe: changed to LAND Mode");
            enterMode(CopterMode.LAND);
        }
        if (positionOk()) {
            ekfFailsafeDone = false;
        }
        // battery
        double lowMah = params.value("BATT_LOW_MAH");
        double lowVolt = params.value("BATT_LOW_VOLT");
        double critMah = params.value("BATT_CRT_MAH");
        double critVolt = params.value("BATT_CRT_VOLT");
        double remainingMah = flight.capacityMah - flight.consumedMah;
        boolean voltLow = lowVolt > 0 && flight.voltageV < lowVolt;
        if (voltLow) {
            if (battLowSinceNs < 0) {
                battLowSinceNs = now;
            }
        } else {
            battLowSinceNs = -1;
        }
        boolean low = (lowMah > 0 && remainingMah < lowMah) || (voltLow && now - battLowSinceNs >= 10_000_000_000L);
        boolean crit = (critMah > 0 && remainingMah < critMah) || (critVolt > 0 && flight.voltageV < critVolt);
        if (crit && !battCritical) {
            battCritical = true;
            statustext(2, String.format(java.util.Locale.ROOT, "Battery 1 is critical %.2fV used %.0f mAh",
                    flight.voltageV, flight.consumedMah));
            batteryAction((int) params.value("BATT_FS_CRT_ACT"));
        } else if (low && !battLow) {
            battLow = true;
            statustext(2, String.format(java.util.Locale.ROOT, "Battery 1 is low %.2fV used %.0f mAh",
                    flight.voltageV, flight.consumedMah));
            batteryAction((int) params.value("BATT_FS_LOW_ACT"));
        }
        // GCS link loss
        if (params.value("FS_GCS_ENABLE") > 0 && armed && !flight.onGround && lastGcsHeartbeatNs >= 0) {
            boolean lost = now - lastGcsHeartbeatNs > (long) (params.value("FS_GCS_TIMEOUT") * 1e9);
            if (lost && !gcsFailsafe) {
                gcsFailsafe = true;
                statustext(2, "GCS Failsafe");
                if (!setModeForced(CopterMode.RTL)) {
                    setModeForced(CopterMode.LAND);
                }
            } else if (!lost && gcsFailsafe) {
                gcsFailsafe = false;
                statustext(2, "GCS Failsafe Cleared");
            }
        }
    }

    private void batteryAction(int action) {
        if (!armed || flight.onGround) {
            return;
        }
        switch (action) {
            case 1 -> setModeForced(CopterMode.LAND);
            case 2, 3 -> {
                if (!setModeForced(CopterMode.RTL)) {
                    setModeForced(CopterMode.LAND);
                }
            }
            default -> { }
        }
    }

    // ------------------------------------------------------------------ faults support (event thread)

    void reboot() {
        if (closed) {
            return;
        }
        silent = true;
        armed = false;
        flight.idle();
        scheduler.schedule(Duration.ofNanos(REBOOT_SILENCE_NS), () -> {
            if (!closed) {
                boot();
            }
        });
    }

    void pilotMode(CopterMode m) {
        if (m.requiresPosition() && !positionOk()) {
            return;
        }
        if (m != mode) {
            enterMode(m);
        }
    }

    void setBatteryRemaining(double fraction) {
        flight.consumedMah = flight.capacityMah * (1 - Math.max(0, Math.min(1, fraction)));
    }

    void setWind(double northMps, double eastMps, double gustStdMps) {
        flight.windNorthMps = northMps;
        flight.windEastMps = eastMps;
        flight.gustStdMps = gustStdMps;
    }

    List<SimLink> links() {
        return links;
    }

    // ------------------------------------------------------------------ mission host

    private final class MissionHost implements MissionServer.Host {
        @Override
        public void reply(int channel, Object message) {
            SimVehicle.this.reply(channel, message);
        }

        @Override
        public void statustext(int severity, String text) {
            SimVehicle.this.statustext(severity, text);
        }

        @Override
        public void setParam(String name, double value) {
            if (params.get(name) != null && params.value(name) != value) {
                setParamAnnounced(name, value);
            }
        }

        @Override
        public long nowNs() {
            return now();
        }

        @Override
        public int systemId() {
            return sysId;
        }

        @Override
        public int componentId() {
            return compId;
        }

        @Override
        public SimMissionItem homeItem() {
            if (!homeSet) {
                return new SimMissionItem(0, 0, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            return new SimMissionItem(0, 0, 16, 1, 0, 0, 0, 0, geo.latE7(homeNorthM), geo.lonE7(homeEastM),
                    (float) homeAltAmslM, 0);
        }

        @Override
        public void listChanged(int missionType) {
            if (missionType == MissionServer.FENCE) {
                FenceModel f = FenceModel.compile(missions.items(MissionServer.FENCE), geo);
                fence = f != null ? f : new FenceModel();
                if (config.flavour() == Flavour.PX4) {
                    fenceEnabled = fence.hasPolygonFence();
                    applyPx4Aliases();
                }
            } else if (missionType == MissionServer.MISSION) {
                missionStarted = false;
                missionComplete = false;
                navIndex = 0;
            }
        }
    }
}
