package org.vigie.link.telemetry;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of what the autopilot last reported. A group is null until its first message arrives; every
 * group carries the scheduler time it was received ({@code receivedMs}, monotonic milliseconds). {@link #stale()}
 * lists the groups not updated within {@link TelemetryOptions#staleAfterMs()} when the snapshot was taken.
 *
 * <p>Thread-safe (immutable); cheap to share.
 *
 * @param snapshotMs scheduler monotonic milliseconds when this snapshot was made
 * @param status HEARTBEAT fields, or null
 * @param position GLOBAL_POSITION_INT fields, or null
 * @param attitude ATTITUDE fields, or null
 * @param battery SYS_STATUS / BATTERY_STATUS fields, or null
 * @param gps GPS_RAW_INT fields, or null
 * @param ekf EKF_STATUS_REPORT fields, or null
 * @param home HOME_POSITION fields, or null
 * @param mission MISSION_CURRENT fields, or null
 * @param gimbal gimbal attitude, or null
 * @param fence FENCE_STATUS fields, or null
 * @param time SYSTEM_TIME fields, or null
 * @param landed EXTENDED_SYS_STATE fields, or null
 * @param stale groups flagged stale (received once, then silent too long)
 */
public record VehicleState(long snapshotMs, @Nullable Status status, @Nullable Position position,
                           @Nullable Attitude attitude, @Nullable Battery battery, @Nullable Gps gps,
                           @Nullable Ekf ekf, @Nullable Home home, @Nullable MissionProgress mission,
                           @Nullable Gimbal gimbal, @Nullable Fence fence, @Nullable AutopilotTime time,
                           @Nullable Landed landed, Set<StateGroup> stale) {

    /** Copies the stale set. */
    public VehicleState {
        stale = stale.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stale));
    }

    /** @return an empty state (nothing received yet) */
    public static VehicleState empty() {
        return new VehicleState(0, null, null, null, null, null, null, null, null, null, null, null, null, Set.of());
    }

    /**
     * Whether a group is flagged stale.
     *
     * @param group the group
     * @return true if stale
     */
    public boolean isStale(StateGroup group) {
        return stale.contains(group);
    }

    /** @return true if the last HEARTBEAT said armed; false if disarmed or unknown */
    public boolean armed() {
        return status != null && status.armed();
    }

    /**
     * HEARTBEAT fields.
     *
     * @param armed MAV_MODE_FLAG_SAFETY_ARMED set
     * @param baseMode base_mode
     * @param customMode custom_mode (unsigned 32-bit)
     * @param systemStatus MAV_STATE
     * @param receivedMs when received
     */
    public record Status(boolean armed, int baseMode, long customMode, int systemStatus, long receivedMs) {}

    /**
     * GLOBAL_POSITION_INT fields.
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param altitudeAmslM altitude above mean sea level, metres
     * @param altitudeRelM altitude above home, metres
     * @param velocityNorthMps velocity north, m/s
     * @param velocityEastMps velocity east, m/s
     * @param velocityDownMps velocity down, m/s
     * @param headingDeg heading 0..360 degrees, NaN if unknown
     * @param timeBootMs autopilot time since boot, ms
     * @param receivedMs when received
     */
    public record Position(double latDeg, double lonDeg, double altitudeAmslM, double altitudeRelM,
                           double velocityNorthMps, double velocityEastMps, double velocityDownMps, double headingDeg,
                           long timeBootMs, long receivedMs) {}

    /**
     * ATTITUDE fields.
     *
     * @param rollRad roll, radians
     * @param pitchRad pitch, radians
     * @param yawRad yaw, radians (-pi..pi)
     * @param timeBootMs autopilot time since boot, ms
     * @param receivedMs when received
     */
    public record Attitude(double rollRad, double pitchRad, double yawRad, long timeBootMs, long receivedMs) {}

    /**
     * Battery fields.
     *
     * @param voltageV battery voltage, volts (NaN unknown)
     * @param currentA current, amperes (NaN unknown)
     * @param remainingPercent remaining 0..100, -1 unknown
     * @param consumedMah consumed charge, mAh (NaN unknown: only BATTERY_STATUS carries it)
     * @param receivedMs when received
     */
    public record Battery(double voltageV, double currentA, int remainingPercent, double consumedMah,
                         long receivedMs) {}

    /**
     * GPS_RAW_INT fields.
     *
     * @param fixType GPS_FIX_TYPE (0 no GPS, 1 no fix, 2 2-D, 3 3-D, 4 DGPS, 5 RTK float, 6 RTK fixed)
     * @param satellites visible satellites, -1 unknown
     * @param hdop horizontal dilution, NaN unknown
     * @param receivedMs when received
     */
    public record Gps(int fixType, int satellites, double hdop, long receivedMs) {}

    /**
     * EKF_STATUS_REPORT fields.
     *
     * @param flags EKF_STATUS_FLAGS bits
     * @param receivedMs when received
     */
    public record Ekf(int flags, long receivedMs) {
        /** Attitude, horizontal and vertical velocity, absolute horizontal and vertical position. */
        public static final int REQUIRED = 0x01 | 0x02 | 0x04 | 0x10 | 0x20;
        /** Constant position mode, uninitialised, GPS glitch. */
        public static final int BAD = 0x80 | 0x400 | 0x8000;

        /**
         * Whether the EKF can be flown on (what ArduCopter's pre-arm check needs): every REQUIRED bit set and no BAD
         * bit (ArduCopter reports 0x033f once ready).
         *
         * @return true if healthy
         */
        public boolean healthy() {
            return (flags & REQUIRED) == REQUIRED && (flags & BAD) == 0;
        }
    }

    /**
     * HOME_POSITION fields.
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param altitudeAmslM altitude AMSL, metres
     * @param receivedMs when received
     */
    public record Home(double latDeg, double lonDeg, double altitudeAmslM, long receivedMs) {}

    /**
     * MISSION_CURRENT fields.
     *
     * @param seq current item
     * @param total items as the autopilot counts them (ArduPilot excludes home), -1 if not sent
     * @param missionState MISSION_STATE (0 unknown .. 5 complete)
     * @param receivedMs when received
     */
    public record MissionProgress(int seq, int total, int missionState, long receivedMs) {}

    /**
     * Gimbal attitude: a quaternion (GIMBAL_DEVICE_ATTITUDE_STATUS) or Euler angles (MOUNT_STATUS, converted).
     *
     * @param w quaternion w
     * @param x quaternion x
     * @param y quaternion y
     * @param z quaternion z
     * @param rollDeg roll, degrees
     * @param pitchDeg pitch, degrees
     * @param yawDeg yaw, degrees
     * @param source "GIMBAL_DEVICE_ATTITUDE_STATUS" or "MOUNT_STATUS"
     * @param flags GIMBAL_DEVICE_FLAGS of GIMBAL_DEVICE_ATTITUDE_STATUS (they say in which frame the quaternion's yaw
     *              is: YAW_IN_EARTH_FRAME / YAW_LOCK); 0 for MOUNT_STATUS, whose angles are relative to the vehicle
     * @param receivedMs when received
     */
    public record Gimbal(double w, double x, double y, double z, double rollDeg, double pitchDeg, double yawDeg,
                         String source, int flags, long receivedMs) {

        /**
         * A gimbal attitude without device flags (MOUNT_STATUS).
         *
         * @param w quaternion w
         * @param x quaternion x
         * @param y quaternion y
         * @param z quaternion z
         * @param rollDeg roll, degrees
         * @param pitchDeg pitch, degrees
         * @param yawDeg yaw, degrees
         * @param source where it came from
         * @param receivedMs when received
         */
        public Gimbal(double w, double x, double y, double z, double rollDeg, double pitchDeg, double yawDeg,
                      String source, long receivedMs) {
            this(w, x, y, z, rollDeg, pitchDeg, yawDeg, source, 0, receivedMs);
        }
    }

    /**
     * FENCE_STATUS fields.
     *
     * @param breached breach_status != 0
     * @param breachCount breaches since boot
     * @param breachType FENCE_BREACH (0 none, 1 min alt, 2 max alt, 3 boundary)
     * @param breachTimeBootMs time_boot_ms of the last breach
     * @param mitigation FENCE_MITIGATE (0 unknown, 1 none, 2 velocity limiting)
     * @param receivedMs when received
     */
    public record Fence(boolean breached, int breachCount, int breachType, long breachTimeBootMs, int mitigation,
                        long receivedMs) {}

    /**
     * SYSTEM_TIME fields.
     *
     * @param timeBootMs autopilot time since boot, ms
     * @param unixTimeUs autopilot's UTC, microseconds since 1970 (0 if it has no time)
     * @param receivedMs when received
     */
    public record AutopilotTime(long timeBootMs, long unixTimeUs, long receivedMs) {}

    /**
     * EXTENDED_SYS_STATE fields.
     *
     * @param landedState MAV_LANDED_STATE (0 undefined, 1 on ground, 2 in air, 3 taking off, 4 landing)
     * @param vtolState MAV_VTOL_STATE
     * @param receivedMs when received
     */
    public record Landed(int landedState, int vtolState, long receivedMs) {
        /** @return true if landed_state is MAV_LANDED_STATE_ON_GROUND */
        public boolean onGround() {
            return landedState == 1;
        }
    }
}
