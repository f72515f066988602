package org.vigie.mission.flight;

import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.vigie.link.Subscription;
import org.vigie.link.telemetry.StateGroup;
import org.vigie.link.telemetry.TelemetryService;
import org.vigie.link.telemetry.VehicleState;
import org.vigie.link.time.Scheduler;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.link.vehicle.FlightModes;

/**
 * The flight's view of the autopilot's telemetry: plain accessors in the units and conventions the flight decides
 * with (NaN / -1 for unknown, metres, m/s up-positive, ages in scheduler milliseconds), read from the one decoder of
 * vehicle telemetry in the project, {@link TelemetryService}'s immutable {@link VehicleState} snapshot, plus the
 * autopilot's identity and HEARTBEAT liveness from {@link AutopilotLock}. It decodes nothing itself.
 *
 * <p>Flight-specific judgements stay here: {@link #ekfHealthy()} requires the relative horizontal position flag too
 * (stricter than {@link VehicleState.Ekf#healthy()}), and {@link #modeName()} names the custom mode for the flavour.
 * After an autopilot reboot the service clears its state, so position, home, EKF and status read unknown until the
 * autopilot sends them again.
 *
 * <p>Threading: accessors may be called from any thread (they read the service's volatile snapshot); the flight reads
 * them on the event thread. Listeners registered here run on the event thread (the scheduler), hopping from the
 * service's callback executor.
 */
public final class VehicleTelemetry {

    /** EKF_STATUS_REPORT flags that must all be set for a healthy navigation solution (attitude, velocities, positions). */
    public static final int EKF_REQUIRED_FLAGS = 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x20;
    /** EKF_CONST_POS_MODE: the EKF has no position reference; unhealthy. */
    public static final int EKF_CONST_POS_MODE = 0x80;
    /** EKF_UNINITIALIZED. */
    public static final int EKF_UNINITIALIZED = 0x400;
    /** EKF_GPS_GLITCHING. */
    public static final int EKF_GPS_GLITCHING = 0x8000;

    private final Scheduler scheduler;
    private final AutopilotLock autopilot;
    private final TelemetryService service;
    private final AtomicInteger reboots = new AtomicInteger();

    /**
     * @param scheduler the event thread and clock (the port's)
     * @param autopilot which autopilot, and its HEARTBEAT liveness
     * @param service   the telemetry service addressed to that autopilot
     */
    public VehicleTelemetry(Scheduler scheduler, AutopilotLock autopilot, TelemetryService service) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.autopilot = Objects.requireNonNull(autopilot, "autopilot");
        this.service = Objects.requireNonNull(service, "service");
        service.onReboot(reason -> reboots.incrementAndGet());
    }

    private VehicleState s() {
        return service.state();
    }

    private long ageMs(long receivedMs) {
        return scheduler.monotonicMs() - receivedMs;
    }

    /** @return the underlying service (stream requests, raw snapshot) */
    public TelemetryService service() {
        return service;
    }

    /**
     * @param l called with (MAV_SEVERITY, text) for each STATUSTEXT from the autopilot (multi-chunk messages joined),
     *          on the event thread
     * @return a handle that removes the listener
     */
    public Subscription onStatusText(BiConsumer<Integer, String> l) {
        Objects.requireNonNull(l, "listener");
        return service.addStatusTextListener(t -> scheduler.execute(() -> l.accept(t.severity(), t.text())));
    }

    /**
     * @param r called on the event thread after each ATTITUDE from the autopilot (the fastest stream, 10 Hz as the
     *          companion requests it), and once when the attitude stream turns stale
     * @return a handle that removes the listener
     */
    public Subscription onAttitude(Runnable r) {
        Objects.requireNonNull(r, "listener");
        return service.addListener(EnumSet.of(StateGroup.ATTITUDE), st -> scheduler.execute(r));
    }

    /**
     * @param r called on the event thread after each GLOBAL_POSITION_INT from the autopilot (position, altitude,
     *          velocity), and once when the position stream turns stale
     * @return a handle that removes the listener
     */
    public Subscription onPosition(Runnable r) {
        Objects.requireNonNull(r, "listener");
        return service.addListener(EnumSet.of(StateGroup.POSITION), st -> scheduler.execute(r));
    }

    /**
     * @param r called on the event thread after each HEARTBEAT from the autopilot (armed, mode), and once when it turns
     *          stale
     * @return a handle that removes the listener
     */
    public Subscription onHeartbeat(Runnable r) {
        Objects.requireNonNull(r, "listener");
        return service.addListener(EnumSet.of(StateGroup.STATUS), st -> scheduler.execute(r));
    }

    /**
     * @param r called on the event thread when the service detects an autopilot reboot (boot time going back, a BOOT
     *          heartbeat, or a disarmed heartbeat after a silence high in the air)
     * @return a handle that removes the listener
     */
    public Subscription onReboot(Runnable r) {
        Objects.requireNonNull(r, "listener");
        return service.onReboot(reason -> scheduler.execute(r));
    }

    /** @return autopilot system id, -1 until one was heard */
    public int targetSysId() {
        return autopilot.sysId();
    }

    /** @return autopilot component id, -1 until one was heard */
    public int targetCompId() {
        return autopilot.compId();
    }

    /** @return the autopilot flavour from its HEARTBEAT (GENERIC until heard) */
    public AutopilotFlavour flavour() {
        return autopilot.flavour();
    }

    /** @return true once at least one HEARTBEAT was heard */
    public boolean heard() {
        return autopilot.heard();
    }

    /** @return milliseconds since the last HEARTBEAT (scheduler time), Long.MAX_VALUE if never */
    public long heartbeatAgeMs() {
        return autopilot.heartbeatAgeMs();
    }

    /** @return milliseconds since the last GLOBAL_POSITION_INT, Long.MAX_VALUE if none since the last reboot */
    public long positionAgeMs() {
        VehicleState.Position p = s().position();
        return p == null ? Long.MAX_VALUE : ageMs(p.receivedMs());
    }

    /** @return whether the last HEARTBEAT said armed (false when unknown) */
    public boolean armed() {
        return s().armed();
    }

    /** @return the custom mode of the last HEARTBEAT, -1 if none */
    public long customMode() {
        VehicleState.Status st = s().status();
        return st == null ? -1 : st.customMode();
    }

    /** @return the current mode's name for the flavour (e.g. GUIDED, AUTO_LOITER), "NONE" before any HEARTBEAT */
    public String modeName() {
        long m = customMode();
        return m < 0 ? "NONE" : FlightModes.modeName(autopilot.flavour(), m);
    }

    /** @return MAV_STATE of the last HEARTBEAT, 0 if unknown */
    public int systemStatus() {
        VehicleState.Status st = s().status();
        return st == null ? 0 : st.systemStatus();
    }

    /** @return latitude, degrees (NaN before the first position) */
    public double latDeg() {
        VehicleState.Position p = s().position();
        return p == null ? Double.NaN : p.latDeg();
    }

    /** @return longitude, degrees (NaN before the first position) */
    public double lonDeg() {
        VehicleState.Position p = s().position();
        return p == null ? Double.NaN : p.lonDeg();
    }

    /** @return altitude AMSL, metres (NaN unknown) */
    public double altitudeAmslM() {
        VehicleState.Position p = s().position();
        return p == null ? Double.NaN : p.altitudeAmslM();
    }

    /** @return altitude above home, metres (NaN unknown) */
    public double altitudeRelM() {
        VehicleState.Position p = s().position();
        return p == null ? Double.NaN : p.altitudeRelM();
    }

    /** @return velocity north, m/s (0 unknown) */
    public double velNorthMps() {
        VehicleState.Position p = s().position();
        return p == null ? 0 : p.velocityNorthMps();
    }

    /** @return velocity east, m/s (0 unknown) */
    public double velEastMps() {
        VehicleState.Position p = s().position();
        return p == null ? 0 : p.velocityEastMps();
    }

    /** @return velocity up, m/s (0 unknown) */
    public double velUpMps() {
        VehicleState.Position p = s().position();
        return p == null ? 0 : -p.velocityDownMps();
    }

    /** @return horizontal speed, m/s */
    public double groundSpeedMps() {
        VehicleState.Position p = s().position();
        return p == null ? 0 : Math.hypot(p.velocityNorthMps(), p.velocityEastMps());
    }

    /** @return heading, degrees from north, NaN if unknown */
    public double headingDeg() {
        VehicleState.Position p = s().position();
        return p == null ? Double.NaN : p.headingDeg();
    }

    /** @return roll, radians (ATTITUDE; 0 unknown) */
    public double rollRad() {
        VehicleState.Attitude a = s().attitude();
        return a == null ? 0 : a.rollRad();
    }

    /** @return pitch, radians (0 unknown) */
    public double pitchRad() {
        VehicleState.Attitude a = s().attitude();
        return a == null ? 0 : a.pitchRad();
    }

    /** @return yaw, radians (0 unknown) */
    public double yawRad() {
        VehicleState.Attitude a = s().attitude();
        return a == null ? 0 : a.yawRad();
    }

    /** @return milliseconds since the last ATTITUDE, Long.MAX_VALUE if none since the last reboot */
    public long attitudeAgeMs() {
        VehicleState.Attitude a = s().attitude();
        return a == null ? Long.MAX_VALUE : ageMs(a.receivedMs());
    }

    /** @return the last gimbal quaternion (w, x, y, z), or null if none */
    public float @Nullable [] gimbalQuaternion() {
        VehicleState.Gimbal g = s().gimbal();
        return g == null ? null : new float[] {(float) g.w(), (float) g.x(), (float) g.y(), (float) g.z()};
    }

    /** @return GIMBAL_DEVICE_FLAGS of the last gimbal status (0 for MOUNT_STATUS or none) */
    public int gimbalFlags() {
        VehicleState.Gimbal g = s().gimbal();
        return g == null ? 0 : g.flags();
    }

    /** @return milliseconds since the last gimbal status, Long.MAX_VALUE if never */
    public long gimbalAgeMs() {
        VehicleState.Gimbal g = s().gimbal();
        return g == null ? Long.MAX_VALUE : ageMs(g.receivedMs());
    }

    /**
     * @return UTC microseconds at the autopilot's latest time since boot (SYSTEM_TIME's UTC offset applied to the
     *     newest of ATTITUDE / GLOBAL_POSITION_INT), or -1 when the autopilot has not reported UTC
     */
    public long utcMicros() {
        VehicleState st = s();
        VehicleState.AutopilotTime t = st.time();
        long boot = bootMs(st);
        if (t == null || t.unixTimeUs() <= 0 || boot < 0) {
            return -1;
        }
        return t.unixTimeUs() - t.timeBootMs() * 1000L + boot * 1000L;
    }

    /** @return the autopilot's last time since boot, ms, -1 if unknown */
    public long bootMs() {
        return bootMs(s());
    }

    private static long bootMs(VehicleState st) {
        VehicleState.Position p = st.position();
        VehicleState.Attitude a = st.attitude();
        if (p == null) {
            return a == null ? -1 : a.timeBootMs();
        }
        if (a == null) {
            return p.timeBootMs();
        }
        return a.receivedMs() >= p.receivedMs() ? a.timeBootMs() : p.timeBootMs();
    }

    /** @return reboots detected since this view was created */
    public int reboots() {
        return reboots.get();
    }

    /** @return GPS_FIX_TYPE (3 = 3-D), -1 before any GPS_RAW_INT */
    public int gpsFixType() {
        VehicleState.Gps g = s().gps();
        return g == null ? -1 : g.fixType();
    }

    /** @return satellites visible, -1 if unknown */
    public int satellites() {
        VehicleState.Gps g = s().gps();
        return g == null ? -1 : g.satellites();
    }

    /** @return EKF_STATUS_REPORT flags, -1 before any report */
    public int ekfFlags() {
        VehicleState.Ekf e = s().ekf();
        return e == null ? -1 : e.flags();
    }

    /** @return whether an EKF_STATUS_REPORT was received (since the last reboot) */
    public boolean ekfReported() {
        return s().ekf() != null;
    }

    /** @return whether the last EKF report shows a healthy absolute and relative position solution */
    public boolean ekfHealthy() {
        int f = ekfFlags();
        return f >= 0 && (f & EKF_REQUIRED_FLAGS) == EKF_REQUIRED_FLAGS
                && (f & (EKF_CONST_POS_MODE | EKF_UNINITIALIZED | EKF_GPS_GLITCHING)) == 0;
    }

    /** @return whether HOME_POSITION was received since the last reboot */
    public boolean homeKnown() {
        return s().home() != null;
    }

    /** @return home latitude, degrees (NaN unknown) */
    public double homeLatDeg() {
        VehicleState.Home h = s().home();
        return h == null ? Double.NaN : h.latDeg();
    }

    /** @return home longitude, degrees (NaN unknown) */
    public double homeLonDeg() {
        VehicleState.Home h = s().home();
        return h == null ? Double.NaN : h.lonDeg();
    }

    /** @return home altitude AMSL, metres (NaN unknown) */
    public double homeAmslM() {
        VehicleState.Home h = s().home();
        return h == null ? Double.NaN : h.altitudeAmslM();
    }

    /** @return remaining battery, percent, -1 if unknown */
    public int batteryPercent() {
        VehicleState.Battery b = s().battery();
        if (b == null) {
            return -1;
        }
        int r = (byte) b.remainingPercent(); // int8 on the wire: 255 read unsigned is -1
        return r < 0 || r > 100 ? -1 : r;
    }

    /** @return battery voltage, volts, NaN if unknown */
    public double batteryVoltageV() {
        VehicleState.Battery b = s().battery();
        return b == null ? Double.NaN : b.voltageV();
    }

    /** @return charge consumed, mAh (BATTERY_STATUS), NaN if unknown */
    public double consumedMah() {
        VehicleState.Battery b = s().battery();
        return b == null ? Double.NaN : b.consumedMah();
    }

    /** @return MAV_LANDED_STATE (1 on ground, 2 in air, 3 taking off, 4 landing), -1 if unknown */
    public int landedState() {
        VehicleState.Landed l = s().landed();
        return l == null ? -1 : l.landedState();
    }

    /** @return FENCE_STATUS breach_status (1 = breached), -1 before any FENCE_STATUS */
    public int fenceBreachStatus() {
        VehicleState.Fence f = s().fence();
        return f == null ? -1 : f.breached() ? 1 : 0;
    }

    /** @return FENCE_STATUS breach_count (0 unknown) */
    public int fenceBreachCount() {
        VehicleState.Fence f = s().fence();
        return f == null ? 0 : f.breachCount();
    }
}
