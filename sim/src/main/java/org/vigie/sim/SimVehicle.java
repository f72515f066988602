package org.vigie.sim;

import io.dronefleet.mavlink.common.Timesync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.Cancellable;
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
 * <p>This class keeps the boot (readiness timeline and its chatter), the heartbeat, the routing of incoming frames
 * and the physics loop, and wires the parts that do the rest: {@link FrameRouter} hands incoming frames to
 * {@link ParamServer}, {@link TelemetryStreams},
 * {@link CommandHandler} with {@link Modes} and {@link Arming}, the flight controllers ({@link GuidedController},
 * {@link RtlController}, {@link AutoController}, {@link LandController}), {@link Pointing}, {@link Failsafes},
 * {@link MissionServer}, {@link SimSigning}; they share the vehicle's mutable state through one {@link SimState}.
 *
 * <p>Threading: all simulation state lives on the scheduler's event thread. Incoming frames are parsed on each
 * transport's thread and posted to the scheduler. Public accessors read volatile snapshots and may be called from
 * any thread; {@link Faults} methods post to the event thread.
 */
public final class SimVehicle implements AutoCloseable {

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

    private final SimState state;
    private final Outbox out;
    private final ParamServer paramServer;
    private final SimSigning signing;
    private final Pointing pointing;
    private final Arming arming;
    private final SimRemoteId remoteId;
    private final GuidedController guided;
    private final RtlController rtl;
    private final AutoController auto;
    private final LandController land;
    private final Modes modes;
    private final Failsafes failsafes;
    private final TelemetryStreams streams;
    private final FrameRouter router;

    private volatile @Nullable String panicMessage;
    private boolean started;
    private boolean initialised;
    private long nextTimesyncNs;
    private long nextStatNs;
    private long nextHeartbeatNs;
    private long nextPrearmReportNs;

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
        this.state = new SimState(scheduler, config.homeAltAmslM());
        this.truth = new GroundTruth(config.groundTruthCapacity());
        this.missions = new MissionServer(new MissionHost(), config.flavour(), config.fenceStorageBytes(),
                config.statesFenceCapacity());
        this.faults = new Faults(this);
        for (int i = 0; i < transports.length; i++) {
            Transport t = Objects.requireNonNull(transports[i], "transport " + i);
            links.add(new SimLink(i, t, scheduler, new LinkFaults(config.seed() * 131 + i), this::onFrame));
        }
        this.out = new Outbox(links, state, sysId, compId);
        this.paramServer = new ParamServer(config, scheduler, params, flight, state, out);
        this.signing = new SimSigning(config, scheduler, links);
        this.pointing = new Pointing(state, flight, geo);
        this.remoteId = new SimRemoteId(state, params);
        this.arming = new Arming(config, state, flight, params, paramServer, out, remoteId);
        this.guided = new GuidedController(config, state, flight, params, geo, pointing);
        this.rtl = new RtlController(state, flight, params, geo, missions);
        this.auto = new AutoController(config, state, flight, params, geo, missions, out, arming, guided, rtl,
                pointing);
        this.land = new LandController(state, flight, params, arming, auto, rtl);
        this.modes = new Modes(config, state, flight, out, missions, guided, rtl, land, auto, this::sendHeartbeat);
        this.failsafes = new Failsafes(state, flight, params, out, modes);
        this.streams = new TelemetryStreams(config, scheduler, state, flight, geo, out, links.size(), arming, auto,
                land, failsafes, pointing);
        CommandHandler commands = new CommandHandler(config, scheduler, state, flight, geo, params, out, faults,
                streams, modes, arming, guided, auto, pointing, new CommandHost());
        this.router = new FrameRouter(config, state, out, signing, paramServer, missions, streams, commands, guided,
                auto, failsafes, remoteId);
        if (config.flavour() == Flavour.PX4) {
            paramServer.applyPx4Aliases();
        }
        paramServer.applyParams();
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

    /**
     * Fits a Remote ID transmitter driven as ArduPilot's AP_OpenDroneID drives one (ArduCopter flavour): the DID_*
     * parameters appear and, with {@link RemoteIdModule#enforceArming()}, arming is refused ("Arm: OpenDroneID: ...")
     * until the ground has sent what only the operator knows. Call before {@link #start()}.
     *
     * @param module the transmitter
     * @return this vehicle
     * @throws IllegalStateException if the vehicle has started
     */
    public SimVehicle withRemoteId(RemoteIdModule module) {
        if (started) {
            throw new IllegalStateException("fit the Remote ID module before start()");
        }
        remoteId.install(Objects.requireNonNull(module, "module"));
        return this;
    }

    /** Stops the simulation timers and closes the transports. Idempotent. */
    @Override
    public void close() {
        if (state.closed) {
            return;
        }
        state.closed = true;
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
        return state.mode;
    }

    /** @return whether the motors are armed */
    public boolean armed() {
        return state.armed;
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
        out.onStatustext(listener);
    }

    /** @return the fault injection of each channel, by channel number */
    public List<LinkFaults> linkFaults() {
        List<LinkFaults> l = new ArrayList<>();
        for (SimLink s : links) {
            l.add(s.faults());
        }
        return l;
    }

    /** @return whether MAVLink 2 signing is on */
    public boolean signingOn() {
        return signing.on();
    }

    /** @return the scheduler */
    Scheduler scheduler() {
        return scheduler;
    }

    // ------------------------------------------------------------------ boot

    private void boot() {
        state.bootNs = state.now();
        state.silent = false;
        initialised = config.firstHeartbeatDelay().toMillis() < 100 || !config.bootChatter();
        state.gpsDetected = state.gpsFix = state.ekfOrigin = state.ekfReady = false;
        state.homeSet = false;
        state.homeLocked = false;
        state.mode = CopterMode.STABILIZE;
        state.armed = false;
        state.autoArmed = false;
        state.neActive = true;
        state.takeoffActive = false;
        pointing.reset();
        state.speedOverrideMps = Double.NaN;
        auto.resetMission();
        state.fenceEnabled = params.value("FENCE_ENABLE") != 0;
        state.fenceTypeActive = (int) params.value("FENCE_TYPE");
        if (config.flavour() == Flavour.PX4) {
            state.fenceEnabled = state.fence.hasPolygonFence();
            paramServer.applyPx4Aliases();
        }
        failsafes.resetOnBoot();
        state.mitigation = 1;
        missions.reset();
        streams.stopAll();
        long bootNs = state.bootNs;
        nextHeartbeatNs = bootNs + config.firstHeartbeatDelay().toNanos();
        scheduler.schedule(config.firstHeartbeatDelay(), () -> heartbeatTimer(bootNs));
        nextTimesyncNs = bootNs + 9_900_000_000L;
        nextStatNs = bootNs + 30_350_000_000L;
        nextPrearmReportNs = bootNs + 30_360_000_000L;
        if (config.bootChatter() && config.flavour() == Flavour.ARDUCOPTER) {
            scheduleBootChatter();
        }
    }

    private void scheduleBootChatter() {
        at(0.12, () -> {
            paramServer.announce("ESC_CALIBRATION", 1336);
            for (String n : new String[] {"RELAY1_FUNCTION", "COMPASS_DEV_ID", "COMPASS_DEV_ID2", "COMPASS_DEV_ID3",
                "COMPASS_EXTERNAL", "COMPASS_DEV_ID", "COMPASS_DEV_ID2", "COMPASS_DEV_ID3"}) {
                paramServer.announce(n);
            }
            out.statustext(7, "RCInput: decoding UDP (Pulses)");
        });
        at(0.23, () -> {
            paramServer.announce("CAM1_TYPE");
            paramServer.announce("CAM2_TYPE");
            paramServer.announce("BARO_ALT_OFFSET");
            out.statustext(6, "Calibrating barometer");
        });
        at(1.82, () -> {
            for (String n : new String[] {"BARO1_GND_PRESS", "BARO2_GND_PRESS", "INS_GYR_ID", "INS_ACC_ID",
                "INS_GYR2_ID", "INS_ACC2_ID"}) {
                paramServer.announce(n);
            }
            out.statustext(6, "Barometer 1 calibration complete");
            out.statustext(6, "Barometer 2 calibration complete");
        });
        at(2.355, () -> {
            for (String n : new String[] {"INS_GYROFFS_X", "INS_GYROFFS_Y", "INS_GYROFFS_Z", "INS_GYR_ID",
                "INS_GYR1_CALTEMP", "INS_GYR2OFFS_X", "INS_GYR2OFFS_Y", "INS_GYR2OFFS_Z", "INS_GYR2_ID",
                "INS_GYR2_CALTEMP", "INS_GYR3OFFS_X", "INS_GYR3OFFS_Y", "INS_GYR3OFFS_Z", "INS_GYR3_ID"}) {
                paramServer.announce(n);
            }
        });
        at(2.36, () -> {
            out.statustext(6, "ArduPilot Ready");
            out.statustext(6, "AHRS: DCM active");
            initialised = true;
            if (state.mode == CopterMode.STABILIZE || state.mode == CopterMode.ALT_HOLD) {
                state.neActive = false;
            }
        });
        at(2.65, () -> out.statustext(6, "RC7: SaveWaypoint LOW"));
        at(3.35, () -> paramServer.announce("EK3_SRC1_POSXY"));
        at(4.36, () -> {
            out.statustext(6, "EKF3 IMU0 initialised");
            out.statustext(6, "EKF3 IMU1 initialised");
            out.statustext(6, "AHRS: EKF3 active");
        });
        at(5.71, () -> {
            out.statustext(6, "EKF3 IMU0 tilt alignment complete");
            out.statustext(6, "EKF3 IMU1 tilt alignment complete");
        });
        at(5.80, () -> {
            out.statustext(6, "EKF3 IMU0 MAG0 initial yaw alignment complete");
            out.statustext(6, "EKF3 IMU1 MAG0 initial yaw alignment complete");
        });
        double gps = config.gpsFixDelay().toMillis() / 1000.0;
        if (gps > 3) {
            at(gps - 2.8, () -> out.statustext(6, "GPS 1: probing for u-blox at 230400 baud"));
            at(gps - 2.78, () -> out.statustext(6, "GPS 1: detected u-blox"));
        }
    }

    /** Runs {@code r} that many seconds from now, unless the vehicle has rebooted or closed meanwhile. */
    private void at(double seconds, Runnable r) {
        long bootAt = state.bootNs;
        timers.add(scheduler.schedule(Duration.ofNanos((long) (seconds * 1e9)), () -> {
            if (!state.silent && state.bootNs == bootAt && !state.closed) {
                r.run();
            }
        }));
    }

    // ------------------------------------------------------------------ readiness timeline

    private void updateReadiness(long now) {
        double t = state.elapsedS();
        if (!state.gpsDetected && t >= Math.max(0, config.gpsFixDelay().toMillis() / 1000.0 - 2.8)) {
            state.gpsDetected = true;
        }
        state.gpsFix = t >= config.gpsFixDelay().toMillis() / 1000.0 && !state.gpsLostFault;
        if (state.gpsLostFault) {
            if (state.gpsLostSinceNs < 0) {
                state.gpsLostSinceNs = now;
            }
        } else {
            state.gpsLostSinceNs = -1;
        }
        if (!state.ekfOrigin && state.gpsFix && t >= config.ekfOriginDelay().toMillis() / 1000.0) {
            state.ekfOrigin = true;
            setHome(flight.northM, flight.eastM, config.homeAltAmslM() + flight.altM);
            if (config.flavour() == Flavour.ARDUCOPTER) {
                params.set("BARO1_GND_PRESS", 101324.94);
                params.set("BARO2_GND_PRESS", 101323.59);
                paramServer.announce("BARO1_GND_PRESS");
                paramServer.announce("BARO2_GND_PRESS");
            }
            if (config.bootChatter()) {
                out.statustext(6, "EKF3 IMU0 origin set");
                out.statustext(6, "Field Elevation Set: " + Math.round(config.homeAltAmslM()) + "m");
                at(0.19, () -> out.statustext(6, "EKF3 IMU1 origin set"));
            }
            streams.sendOrigin(now);
        }
        if (!state.ekfReady && state.ekfOrigin && t >= config.ekfReadyDelay().toMillis() / 1000.0) {
            state.ekfReady = true;
            if (config.bootChatter()) {
                out.statustext(6, "EKF3 IMU0 is using GPS");
                at(0.2, () -> out.statustext(6, "EKF3 IMU1 is using GPS"));
            }
        }
    }

    private void setHome(double n, double e, double altAmsl) {
        state.homeSet = true;
        state.homeNorthM = n;
        state.homeEastM = e;
        state.homeAltAmslM = altAmsl;
        missions.ensureHomeItem();
        if (config.flavour() == Flavour.ARDUCOPTER) {
            streams.sendHome(state.now());
        }
    }

    // ------------------------------------------------------------------ incoming frames

    private void onFrame(MavlinkFrame frame, int channel) {
        router.onFrame(frame, channel);
    }

    // ------------------------------------------------------------------ heartbeat

    /** One heartbeat chain per boot: each run sends the due heartbeat and schedules the next one. */
    private void heartbeatTimer(long chainBootNs) {
        if (state.closed || state.silent || chainBootNs != state.bootNs) {
            return;
        }
        long now = state.now();
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
        out.sendPayload(-1, 0, heartbeat());
    }

    private byte[] heartbeat() {
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        CopterMode mode = state.mode;
        boolean armed = state.armed;
        int base;
        long custom;
        if (ardu) {
            base = 0x51 | (state.neActive ? 0x08 : 0) | (armed ? 0x80 : 0);
            custom = mode.number();
        } else {
            base = 0x01 | 0x40 | 0x10 | (armed ? 0x80 : 0);
            custom = Px4Modes.customMode(mode, state.takeoffActive);
            if (mode != CopterMode.STABILIZE && mode != CopterMode.ALT_HOLD) {
                base |= 0x08 | (mode == CopterMode.AUTO || mode == CopterMode.RTL || mode == CopterMode.LAND ? 0x04
                        : 0);
            }
        }
        int status;
        if (!initialised) {
            status = 1;
        } else if (armed && !state.landComplete) {
            status = 4;
        } else {
            status = 3;
        }
        return Payloads.heartbeat(2, ardu ? 3 : 12, base, custom, status);
    }

    // ------------------------------------------------------------------ the loop

    private void tick() {
        if (state.closed || (state.bootNs == 0 && !started)) {
            return;
        }
        long now = state.now();
        if (state.silent) {
            // rebooting: no software, motors stopped; a vehicle in the air falls
            flight.step(dtS, false);
            recordTruth();
            return;
        }
        updateReadiness(now);
        control(now);
        boolean motors = state.armed && (!state.takeoffActive || state.takeoffClimbing || !flight.onGround);
        boolean touched = flight.step(dtS, state.armed && motors);
        if (touched) {
            land.onTouchdown(now);
            if (config.flavour() == Flavour.ARDUCOPTER && config.bootChatter()) {
                out.statustext(6, String.format(Locale.ROOT, "SIM Hit ground at %.6f m/s",
                        flight.lastTouchdownSpeedMps));
            }
        }
        if (state.armed && !flight.onGround) {
            state.flightTimeS += dtS;
        }
        updateGpsNoise();
        land.run(now);
        failsafes.checkFence(now);
        failsafes.check(now);
        missions.update();
        streams.run(now);
        if (now >= nextTimesyncNs) {
            nextTimesyncNs += 10_000_000_000L;
            out.send(Timesync.builder().tc1(0).ts1(now).targetSystem(0).targetComponent(0).build());
        }
        if (now >= nextStatNs) {
            nextStatNs += 31_000_000_000L;
            arming.announceStats();
        }
        if (now >= nextPrearmReportNs && !state.armed) {
            nextPrearmReportNs += 30_000_000_000L;
            String why = arming.prearmFailure();
            if (why != null && config.flavour() == Flavour.ARDUCOPTER) {
                out.statustext(2, "PreArm: " + why);
            }
        }
        recordTruth();
    }

    private void recordTruth() {
        truth.record(state.elapsedS(), geo.latDeg(flight.northM), geo.lonDeg(flight.eastM), flight.altM,
                flight.northM, flight.eastM, flight.groundSpeedMps(), flight.vuMps, flight.yawDeg, state.armed,
                state.mode.number(), flight.consumedMah);
    }

    private void updateGpsNoise() {
        double sigma = config.gpsNoiseM();
        if (sigma <= 0) {
            state.gpsErrNorthM = state.gpsErrEastM = 0;
            return;
        }
        double a = Math.exp(-dtS / 10.0);
        double b = sigma * Math.sqrt(1 - a * a);
        state.gpsErrNorthM = a * state.gpsErrNorthM + b * random.nextGaussian();
        state.gpsErrEastM = a * state.gpsErrEastM + b * random.nextGaussian();
    }

    private void control(long now) {
        pointing.steerYaw();
        guided.runTakeoff(now);
        if (!state.armed) {
            return;
        }
        switch (state.mode) {
            case GUIDED -> guided.run(now);
            case AUTO -> auto.run(now);
            case RTL -> rtl.run(now);
            default -> { }
        }
    }

    // ------------------------------------------------------------------ faults support (event thread)

    /**
     * @return why the simulated autopilot stopped as ArduPilot SITL does on an internal panic (it then sends nothing
     *         until closed), or null while it runs
     */
    public @Nullable String panicked() {
        return panicMessage;
    }

    /** Reboots now: silence for 1.5 s, motors stopped, then a fresh boot. */
    void reboot() {
        if (state.closed) {
            return;
        }
        state.silent = true;
        state.armed = false;
        flight.idle();
        scheduler.schedule(Duration.ofNanos(REBOOT_SILENCE_NS), () -> {
            if (!state.closed) {
                boot();
            }
        });
    }

    /**
     * A ground station opened a new session (a TCP client connected): posted to the event thread. While disarmed the
     * battery is charged full again unless {@code keepBattery}, so every session's flight starts as the first did;
     * with {@code bootNow}, the vehicle boots again at once (time_boot_ms from 0, readiness timeline from the start),
     * as ArduCopter SITL boots only once its first client connects.
     *
     * @param keepBattery keep the state of charge the last session left
     * @param bootNow boot again now
     */
    void newSession(boolean keepBattery, boolean bootNow) {
        scheduler.execute(() -> {
            if (state.closed || state.armed) {
                return;
            }
            if (!keepBattery) {
                setBatteryRemaining(1.0);
            }
            if (bootNow) {
                boot();
            }
        });
    }

    /** @return milliseconds since the last boot (event thread) */
    long timeBootMs() {
        return state.bootMs();
    }

    /** @return the state of charge, [0, 1] (event thread) */
    double batteryRemaining() {
        return flight.remainingFraction();
    }

    /** Loses or regains the GPS. */
    void setGpsLost(boolean lost) {
        state.gpsLostFault = lost;
    }

    /** Fails or heals the EKF. */
    void setEkfFailed(boolean failed) {
        state.ekfFailFault = failed;
    }

    /** A pilot selects a mode on the transmitter. */
    void pilotMode(CopterMode m) {
        modes.pilotMode(m);
    }

    void statusText(int severity, String text) {
        out.statustext(severity, text);
    }

    /** Sets the state of charge, [0, 1]. */
    void setBatteryRemaining(double fraction) {
        flight.consumedMah = flight.capacityMah * (1 - Math.max(0, Math.min(1, fraction)));
    }

    /** Sets the wind: steady north and east components and gust standard deviation, m/s. */
    void setWind(double northMps, double eastMps, double gustStdMps) {
        flight.windNorthMps = northMps;
        flight.windEastMps = eastMps;
        flight.gustStdMps = gustStdMps;
    }

    // ------------------------------------------------------------------ hosts of the parts

    private final class CommandHost implements CommandHandler.Host {
        @Override
        public byte[] heartbeat() {
            return SimVehicle.this.heartbeat();
        }

        @Override
        public void reboot() {
            SimVehicle.this.reboot();
        }

        @Override
        public void setHome(double northM, double eastM, double altAmslM) {
            SimVehicle.this.setHome(northM, eastM, altAmslM);
        }
    }

    private final class MissionHost implements MissionServer.Host {
        @Override
        public void panic(String message) {
            panicMessage = message;
            state.silent = true;
            state.armed = false;
            flight.idle();
        }

        @Override
        public void reply(int channel, Object message) {
            out.reply(channel, message);
        }

        @Override
        public void statustext(int severity, String text) {
            out.statustext(severity, text);
        }

        @Override
        public void setParam(String name, double value) {
            if (params.get(name) != null && params.value(name) != value) {
                paramServer.setAnnounced(name, value);
            }
        }

        @Override
        public long nowNs() {
            return state.now();
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
            if (!state.homeSet) {
                return new SimMissionItem(0, 0, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            return new SimMissionItem(0, 0, 16, 1, 0, 0, 0, 0, geo.latE7(state.homeNorthM),
                    geo.lonE7(state.homeEastM), (float) state.homeAltAmslM, 0);
        }

        @Override
        public void listChanged(int missionType) {
            if (missionType == MissionServer.FENCE) {
                FenceModel f = FenceModel.compile(missions.items(MissionServer.FENCE), geo);
                state.fence = f != null ? f : new FenceModel();
                if (config.flavour() == Flavour.PX4) {
                    state.fenceEnabled = state.fence.hasPolygonFence();
                    paramServer.applyPx4Aliases();
                }
            } else if (missionType == MissionServer.MISSION) {
                auto.resetMission();
            }
        }
    }
}
