package org.vigie.mission.flight;

import io.dronefleet.mavlink.ardupilotmega.EkfStatusReport;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.FenceStatus;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.SystemTime;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.link.vehicle.FlightModes;

/**
 * The latest telemetry of one autopilot, as the flight needs it, with the scheduler time each part was last seen.
 *
 * <p>Subscribes on the port to HEARTBEAT, GLOBAL_POSITION_INT, GPS_RAW_INT, SYS_STATUS, BATTERY_STATUS,
 * EKF_STATUS_REPORT, HOME_POSITION, EXTENDED_SYS_STATE, FENCE_STATUS, ATTITUDE and STATUSTEXT, keeping only frames
 * from the autopilot (the first system that sends a HEARTBEAT with a real autopilot type, component 1 by default).
 * Detects reboots: the autopilot's boot time going backwards by more than a second.
 *
 * <p>Threading: updated and read only on the port's event thread (the scheduler); not thread-safe otherwise.
 */
public final class VehicleTelemetry implements AutoCloseable {

    /** EKF_STATUS_REPORT flags that must all be set for a healthy navigation solution (attitude, velocities, positions). */
    public static final int EKF_REQUIRED_FLAGS = 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x20;
    /** EKF_CONST_POS_MODE: the EKF has no position reference; unhealthy. */
    public static final int EKF_CONST_POS_MODE = 0x80;
    /** EKF_UNINITIALIZED. */
    public static final int EKF_UNINITIALIZED = 0x400;
    /** EKF_GPS_GLITCHING. */
    public static final int EKF_GPS_GLITCHING = 0x8000;

    private final MavlinkPort port;
    private final List<Subscription> subs = new ArrayList<>();
    private final List<BiConsumer<Integer, String>> statusListeners = new ArrayList<>();
    private final List<Runnable> rebootListeners = new ArrayList<>();
    private final List<Runnable> attitudeListeners = new ArrayList<>();
    private int targetSysId = -1;
    private int targetCompId = -1;

    private AutopilotFlavour flavour = AutopilotFlavour.GENERIC;
    private long heartbeatMs = Long.MIN_VALUE;
    private int heartbeats;
    private boolean armed;
    private long customMode = -1;
    private int systemStatus;
    private long positionMs = Long.MIN_VALUE;
    private double latDeg = Double.NaN;
    private double lonDeg = Double.NaN;
    private double altAmslM = Double.NaN;
    private double altRelM = Double.NaN;
    private double velNorthMps;
    private double velEastMps;
    private double velUpMps;
    private double headingDeg = Double.NaN;
    private long bootMs = -1;
    private int reboots;
    private int gpsFixType = -1;
    private int satellites = -1;
    private long gpsMs = Long.MIN_VALUE;
    private int ekfFlags = -1;
    private long ekfMs = Long.MIN_VALUE;
    private boolean homeKnown;
    private double homeLatDeg = Double.NaN;
    private double homeLonDeg = Double.NaN;
    private double homeAmslM = Double.NaN;
    private int batteryPercent = -1;
    private double batteryVoltageV = Double.NaN;
    private int energyConsumedHj = -1;
    private int landedState = -1;
    private int fenceBreachStatus = -1;
    private int fenceBreachCount;
    private double rollRad;
    private double pitchRad;
    private double yawRad;
    private long attitudeMs = Long.MIN_VALUE;
    private float[] gimbalQ;
    private int gimbalFlags;
    private long gimbalMs = Long.MIN_VALUE;
    private long utcMinusBootUs = Long.MIN_VALUE;

    /**
     * Subscribes to the autopilot's telemetry.
     *
     * @param port         the link
     * @param targetSysId  autopilot system id, or -1 to lock onto the first autopilot heard
     * @param targetCompId autopilot component id, or -1 for any component of that system
     */
    public VehicleTelemetry(MavlinkPort port, int targetSysId, int targetCompId) {
        this.port = port;
        this.targetSysId = targetSysId;
        this.targetCompId = targetCompId;
        subs.add(port.subscribe(Heartbeat.class, this::onHeartbeat));
        subs.add(port.subscribe(GlobalPositionInt.class, (m, f) -> {
            if (ours(f)) {
                onPosition(m);
            }
        }));
        subs.add(port.subscribe(GpsRawInt.class, (m, f) -> {
            if (ours(f)) {
                gpsFixType = m.fixType() == null ? 0 : m.fixType().value();
                satellites = m.satellitesVisible();
                gpsMs = nowMs();
            }
        }));
        subs.add(port.subscribe(SysStatus.class, (m, f) -> {
            if (ours(f)) {
                int r = (byte) m.batteryRemaining();
                batteryPercent = r;
                batteryVoltageV = m.voltageBattery() == 0xFFFF ? Double.NaN : m.voltageBattery() / 1000.0;
            }
        }));
        subs.add(port.subscribe(BatteryStatus.class, (m, f) -> {
            if (ours(f) && m.id() == 0) {
                int r = (byte) m.batteryRemaining();
                if (r >= 0) {
                    batteryPercent = r;
                }
                energyConsumedHj = m.energyConsumed();
            }
        }));
        subs.add(port.subscribe(EkfStatusReport.class, (m, f) -> {
            if (ours(f)) {
                ekfFlags = m.flags() == null ? 0 : m.flags().value();
                ekfMs = nowMs();
            }
        }));
        subs.add(port.subscribe(HomePosition.class, (m, f) -> {
            if (ours(f)) {
                homeKnown = true;
                homeLatDeg = m.latitude() / 1e7;
                homeLonDeg = m.longitude() / 1e7;
                homeAmslM = m.altitude() / 1000.0;
            }
        }));
        subs.add(port.subscribe(ExtendedSysState.class, (m, f) -> {
            if (ours(f)) {
                landedState = m.landedState() == null ? 0 : m.landedState().value();
            }
        }));
        subs.add(port.subscribe(FenceStatus.class, (m, f) -> {
            if (ours(f)) {
                fenceBreachStatus = m.breachStatus();
                fenceBreachCount = m.breachCount();
            }
        }));
        subs.add(port.subscribe(Attitude.class, (m, f) -> {
            if (ours(f)) {
                checkBoot(m.timeBootMs());
                rollRad = m.roll();
                pitchRad = m.pitch();
                yawRad = m.yaw();
                attitudeMs = nowMs();
                for (Runnable r : List.copyOf(attitudeListeners)) {
                    r.run();
                }
            }
        }));
        subs.add(port.subscribe(GimbalDeviceAttitudeStatus.class, (m, f) -> {
            if (f.sysId() == this.targetSysId && m.q() != null && m.q().size() == 4) {
                gimbalQ = new float[] {m.q().get(0), m.q().get(1), m.q().get(2), m.q().get(3)};
                gimbalFlags = m.flags() == null ? 0 : m.flags().value();
                gimbalMs = nowMs();
            }
        }));
        subs.add(port.subscribe(SystemTime.class, (m, f) -> {
            if (ours(f) && m.timeUnixUsec() != null && m.timeUnixUsec().signum() > 0) {
                utcMinusBootUs = m.timeUnixUsec().longValue() - m.timeBootMs() * 1000L;
            }
        }));
        subs.add(port.subscribe(Statustext.class, (m, f) -> {
            if (ours(f)) {
                int sev = m.severity() == null ? 6 : m.severity().value();
                for (BiConsumer<Integer, String> l : List.copyOf(statusListeners)) {
                    l.accept(sev, m.text());
                }
            }
        }));
    }

    private long nowMs() {
        return port.scheduler().monotonicMs();
    }

    private boolean ours(MavlinkFrame f) {
        return targetSysId >= 0 && f.sysId() == targetSysId && (targetCompId < 0 || f.compId() == targetCompId);
    }

    private void onHeartbeat(Heartbeat h, MavlinkFrame f) {
        int autopilot = h.autopilot() == null ? 0 : h.autopilot().value();
        if (targetSysId < 0) {
            if (autopilot == AutopilotFlavour.MAV_AUTOPILOT_INVALID || f.compId() != 1) {
                return;
            }
            targetSysId = f.sysId();
            targetCompId = f.compId();
        }
        if (!ours(f)) {
            return;
        }
        flavour = AutopilotFlavour.fromMavAutopilot(autopilot);
        long now = nowMs();
        long gapMs = heartbeats > 0 ? now - heartbeatMs : 0;
        boolean wasArmed = armed;
        int oldStatus = systemStatus;
        heartbeatMs = now;
        heartbeats++;
        int base = h.baseMode() == null ? 0 : h.baseMode().value();
        armed = (base & 0x80) != 0;
        customMode = h.customMode();
        systemStatus = h.systemStatus() == null ? 0 : h.systemStatus().value();
        // a silence followed by BOOT, or by "disarmed" when the vehicle was too high to have landed meanwhile
        double lastAlt = Double.isNaN(altRelM) ? 0 : altRelM;
        boolean backToBoot = systemStatus == 1 && oldStatus > 1;
        boolean droppedInAir = wasArmed && !armed && lastAlt > 3 && gapMs < lastAlt / 3.0 * 1000;
        if (gapMs > 1000 && (backToBoot || droppedInAir)) {
            fireReboot();
        }
    }

    private void fireReboot() {
        reboots++;
        homeKnown = false;
        bootMs = -1;
        for (Runnable r : List.copyOf(rebootListeners)) {
            r.run();
        }
    }

    private void onPosition(GlobalPositionInt m) {
        checkBoot(m.timeBootMs());
        latDeg = m.lat() / 1e7;
        lonDeg = m.lon() / 1e7;
        altAmslM = m.alt() / 1000.0;
        altRelM = m.relativeAlt() / 1000.0;
        velNorthMps = m.vx() / 100.0;
        velEastMps = m.vy() / 100.0;
        velUpMps = -m.vz() / 100.0;
        headingDeg = m.hdg() == 0xFFFF ? Double.NaN : m.hdg() / 100.0;
        positionMs = nowMs();
    }

    private void checkBoot(long timeBootMs) {
        if (bootMs >= 0 && timeBootMs + 1000 < bootMs) {
            fireReboot();
        }
        bootMs = timeBootMs;
    }

    /** @param l called with (MAV_SEVERITY, text) for each STATUSTEXT from the autopilot, on the event thread */
    public void onStatusText(BiConsumer<Integer, String> l) {
        statusListeners.add(l);
    }

    /**
     * @param r called on the event thread after each ATTITUDE from the autopilot (the fastest stream, 10 Hz as the
     *          companion requests it)
     * @return a handle that removes the listener
     */
    public org.vigie.link.Subscription onAttitude(Runnable r) {
        attitudeListeners.add(r);
        return () -> attitudeListeners.remove(r);
    }

    /** @param r called on the event thread when the autopilot's boot time goes backwards (a reboot) */
    public void onReboot(Runnable r) {
        rebootListeners.add(r);
    }

    /** @return autopilot system id, -1 until one was heard */
    public int targetSysId() {
        return targetSysId;
    }

    /** @return autopilot component id, -1 until one was heard */
    public int targetCompId() {
        return targetCompId;
    }

    /** @return the autopilot flavour from its HEARTBEAT (GENERIC until heard) */
    public AutopilotFlavour flavour() {
        return flavour;
    }

    /** @return true once at least one HEARTBEAT was heard */
    public boolean heard() {
        return heartbeats > 0;
    }

    /** @return milliseconds since the last HEARTBEAT (scheduler time), Long.MAX_VALUE if never */
    public long heartbeatAgeMs() {
        return heartbeatMs == Long.MIN_VALUE ? Long.MAX_VALUE : nowMs() - heartbeatMs;
    }

    /** @return milliseconds since the last GLOBAL_POSITION_INT, Long.MAX_VALUE if never */
    public long positionAgeMs() {
        return positionMs == Long.MIN_VALUE ? Long.MAX_VALUE : nowMs() - positionMs;
    }

    /** @return whether the last HEARTBEAT said armed */
    public boolean armed() {
        return armed;
    }

    /** @return the custom mode of the last HEARTBEAT, -1 if none */
    public long customMode() {
        return customMode;
    }

    /** @return the current mode's name for the flavour (e.g. GUIDED, AUTO_LOITER), "NONE" before any HEARTBEAT */
    public String modeName() {
        return customMode < 0 ? "NONE" : FlightModes.modeName(flavour, customMode);
    }

    /** @return MAV_STATE of the last HEARTBEAT */
    public int systemStatus() {
        return systemStatus;
    }

    /** @return latitude, degrees (NaN before the first position) */
    public double latDeg() {
        return latDeg;
    }

    /** @return longitude, degrees (NaN before the first position) */
    public double lonDeg() {
        return lonDeg;
    }

    /** @return altitude AMSL, metres */
    public double altitudeAmslM() {
        return altAmslM;
    }

    /** @return altitude above home, metres */
    public double altitudeRelM() {
        return altRelM;
    }

    /** @return velocity north, m/s */
    public double velNorthMps() {
        return velNorthMps;
    }

    /** @return velocity east, m/s */
    public double velEastMps() {
        return velEastMps;
    }

    /** @return velocity up, m/s */
    public double velUpMps() {
        return velUpMps;
    }

    /** @return horizontal speed, m/s */
    public double groundSpeedMps() {
        return Math.hypot(velNorthMps, velEastMps);
    }

    /** @return heading, degrees from north, NaN if unknown */
    public double headingDeg() {
        return headingDeg;
    }

    /** @return roll, radians (ATTITUDE) */
    public double rollRad() {
        return rollRad;
    }

    /** @return pitch, radians */
    public double pitchRad() {
        return pitchRad;
    }

    /** @return yaw, radians */
    public double yawRad() {
        return yawRad;
    }

    /** @return milliseconds since the last ATTITUDE, Long.MAX_VALUE if never */
    public long attitudeAgeMs() {
        return attitudeMs == Long.MIN_VALUE ? Long.MAX_VALUE : nowMs() - attitudeMs;
    }

    /** @return the last gimbal quaternion (w, x, y, z) from GIMBAL_DEVICE_ATTITUDE_STATUS, or null if none */
    public float[] gimbalQuaternion() {
        return gimbalQ == null ? null : gimbalQ.clone();
    }

    /** @return GIMBAL_DEVICE_FLAGS of the last gimbal status */
    public int gimbalFlags() {
        return gimbalFlags;
    }

    /** @return milliseconds since the last gimbal status, Long.MAX_VALUE if never */
    public long gimbalAgeMs() {
        return gimbalMs == Long.MIN_VALUE ? Long.MAX_VALUE : nowMs() - gimbalMs;
    }

    /**
     * @return UTC microseconds at the autopilot's last known boot time (SYSTEM_TIME), or -1 when the autopilot has
     *     not reported UTC: the time of validity of its latest position
     */
    public long utcMicros() {
        if (utcMinusBootUs == Long.MIN_VALUE || bootMs < 0) {
            return -1;
        }
        return utcMinusBootUs + bootMs * 1000L;
    }

    /** @return the autopilot's last time since boot, ms, -1 if unknown */
    public long bootMs() {
        return bootMs;
    }

    /** @return reboots detected since this object was created */
    public int reboots() {
        return reboots;
    }

    /** @return GPS_FIX_TYPE (3 = 3-D), -1 before any GPS_RAW_INT */
    public int gpsFixType() {
        return gpsFixType;
    }

    /** @return satellites visible, -1 if unknown */
    public int satellites() {
        return satellites;
    }

    /** @return EKF_STATUS_REPORT flags, -1 before any report */
    public int ekfFlags() {
        return ekfFlags;
    }

    /** @return whether an EKF_STATUS_REPORT was ever received */
    public boolean ekfReported() {
        return ekfFlags >= 0;
    }

    /** @return whether the last EKF report shows a healthy absolute position solution */
    public boolean ekfHealthy() {
        return ekfFlags >= 0 && (ekfFlags & EKF_REQUIRED_FLAGS) == EKF_REQUIRED_FLAGS
                && (ekfFlags & (EKF_CONST_POS_MODE | EKF_UNINITIALIZED | EKF_GPS_GLITCHING)) == 0;
    }

    /** @return whether HOME_POSITION was received since the last reboot */
    public boolean homeKnown() {
        return homeKnown;
    }

    /** @return home latitude, degrees */
    public double homeLatDeg() {
        return homeLatDeg;
    }

    /** @return home longitude, degrees */
    public double homeLonDeg() {
        return homeLonDeg;
    }

    /** @return home altitude AMSL, metres */
    public double homeAmslM() {
        return homeAmslM;
    }

    /** @return remaining battery, percent, -1 if unknown */
    public int batteryPercent() {
        return batteryPercent;
    }

    /** @return battery voltage, volts, NaN if unknown */
    public double batteryVoltageV() {
        return batteryVoltageV;
    }

    /** @return energy consumed from BATTERY_STATUS, hectojoules, -1 if unknown */
    public int energyConsumedHj() {
        return energyConsumedHj;
    }

    /** @return MAV_LANDED_STATE (1 on ground, 2 in air, 3 taking off, 4 landing), -1 if unknown */
    public int landedState() {
        return landedState;
    }

    /** @return FENCE_STATUS breach_status (1 = breached), -1 before any FENCE_STATUS */
    public int fenceBreachStatus() {
        return fenceBreachStatus;
    }

    /** @return FENCE_STATUS breach_count */
    public int fenceBreachCount() {
        return fenceBreachCount;
    }

    /** Unsubscribes. */
    @Override
    public void close() {
        subs.forEach(Subscription::close);
        subs.clear();
    }
}
