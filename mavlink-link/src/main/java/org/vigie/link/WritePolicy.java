package org.vigie.link;

import java.util.Arrays;

/**
 * Which outgoing messages a full write queue may drop.
 *
 * <p>Only periodic telemetry-class messages, where a newer sample replaces an older one, are droppable: when a
 * transport's queue is full, the oldest queued droppable frame is dropped (counted in
 * {@link LinkStats#droppedWrites()}). Everything else (commands, acknowledgements, mission, fence and rally transfer,
 * parameters, STATUSTEXT, signing, setpoints, anything not listed) is never dropped by the queue: if the queue holds
 * only such frames it grows past its capacity instead.
 *
 * <p>Droppable ids: HEARTBEAT 0, SYS_STATUS 1, SYSTEM_TIME 2, GPS_RAW_INT 24, SCALED_IMU 26, RAW_IMU 27,
 * SCALED_PRESSURE 29, ATTITUDE 30, ATTITUDE_QUATERNION 31, LOCAL_POSITION_NED 32, GLOBAL_POSITION_INT 33,
 * RC_CHANNELS_RAW 35, SERVO_OUTPUT_RAW 36, NAV_CONTROLLER_OUTPUT 62, RC_CHANNELS 65, VFR_HUD 74, ATTITUDE_TARGET 83,
 * POSITION_TARGET_LOCAL_NED 85, POSITION_TARGET_GLOBAL_INT 87, VISION_POSITION_ESTIMATE 102, HIGHRES_IMU 105,
 * RADIO_STATUS 109, SCALED_IMU2 116, GPS2_RAW 124, SCALED_IMU3 129, DISTANCE_SENSOR 132, TERRAIN_REPORT 136,
 * SCALED_PRESSURE2 137, ALTITUDE 141, BATTERY_STATUS 147, MOUNT_STATUS 158, AHRS 163, AHRS2 178, EKF_STATUS_REPORT 193,
 * ESTIMATOR_STATUS 230, VIBRATION 241, EXTENDED_SYS_STATE 245, NAMED_VALUE_FLOAT 251, NAMED_VALUE_INT 252, DEBUG 254,
 * GIMBAL_DEVICE_ATTITUDE_STATUS 285, ODOMETRY 331.
 *
 * <p>Immutable table; thread-safe.
 */
public final class WritePolicy {

    private static final int[] DROPPABLE = {0, 1, 2, 24, 26, 27, 29, 30, 31, 32, 33, 35, 36, 62, 65, 74, 83, 85, 87,
        102, 105, 109, 116, 124, 129, 132, 136, 137, 141, 147, 158, 163, 178, 193, 230, 241, 245, 251, 252, 254, 285,
        331};

    static {
        Arrays.sort(DROPPABLE);
    }

    private WritePolicy() {}

    /**
     * Whether a full write queue may drop frames of this message id.
     *
     * @param msgId MAVLink message id
     * @return true for the telemetry-class ids listed in the class comment
     */
    public static boolean droppable(int msgId) {
        return Arrays.binarySearch(DROPPABLE, msgId) >= 0;
    }
}
