package org.vigie.mission.camera;

/** The reference frame a gimbal attitude is expressed in. */
public enum GimbalFrame {
    /** Full rotation relative to the vehicle body: camera = vehicle attitude x gimbal x mounting. */
    BODY,
    /**
     * Roll and pitch relative to the horizon, yaw relative to the vehicle heading: the MAVLink gimbal protocol v2
     * default (GIMBAL_DEVICE_ATTITUDE_STATUS without yaw lock) and ArduPilot's MOUNT_STATUS.
     */
    HEADING_RELATIVE,
    /** Full rotation relative to the local NED frame (yaw locked to north, GIMBAL_DEVICE_FLAGS_YAW_LOCK). */
    EARTH
}
