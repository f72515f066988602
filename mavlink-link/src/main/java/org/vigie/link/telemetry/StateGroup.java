package org.vigie.link.telemetry;

/**
 * Groups of {@link VehicleState} fields, each fed by one or two messages; listeners and stale flags work per group.
 */
public enum StateGroup {
    /** HEARTBEAT of the target: armed, base/custom mode, system status. */
    STATUS,
    /** GLOBAL_POSITION_INT: position, altitudes, velocity, heading. */
    POSITION,
    /** ATTITUDE: roll, pitch, yaw. */
    ATTITUDE,
    /** SYS_STATUS and BATTERY_STATUS. */
    BATTERY,
    /** GPS_RAW_INT. */
    GPS,
    /** EKF_STATUS_REPORT (ArduPilot). */
    EKF,
    /** HOME_POSITION. */
    HOME,
    /** MISSION_CURRENT. */
    MISSION,
    /** GIMBAL_DEVICE_ATTITUDE_STATUS or MOUNT_STATUS. */
    GIMBAL,
    /** FENCE_STATUS. */
    FENCE,
    /** SYSTEM_TIME. */
    TIME,
    /** EXTENDED_SYS_STATE. */
    LANDED
}
