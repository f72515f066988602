package org.vigie.mission.camera;

/**
 * Attitude of the gimbal (the camera platform), as Z-Y-X Euler angles in a {@link GimbalFrame}. Zero angles point
 * the camera along the frame's x axis (forward); pitch -90 looks straight down. Immutable.
 *
 * @param rollDeg roll about the boresight, degrees
 * @param pitchDeg pitch, degrees, up positive (down negative)
 * @param yawDeg yaw, degrees clockwise
 * @param frame the frame the angles are relative to
 */
public record GimbalAttitude(double rollDeg, double pitchDeg, double yawDeg, GimbalFrame frame) {

    /** Bit of GIMBAL_DEVICE_FLAGS: yaw locked to an absolute (earth) heading. */
    public static final int GIMBAL_DEVICE_FLAGS_YAW_LOCK = 16;
    /** Bit of GIMBAL_DEVICE_FLAGS (newer dialects): yaw expressed relative to the vehicle. */
    public static final int GIMBAL_DEVICE_FLAGS_YAW_IN_VEHICLE_FRAME = 32;
    /** Bit of GIMBAL_DEVICE_FLAGS (newer dialects): yaw expressed relative to north. */
    public static final int GIMBAL_DEVICE_FLAGS_YAW_IN_EARTH_FRAME = 64;

    /**
     * Validates the attitude.
     *
     * @throws IllegalArgumentException if an angle is not finite or the frame is null
     */
    public GimbalAttitude {
        VehiclePose.requireFinite("rollDeg", rollDeg);
        VehiclePose.requireFinite("pitchDeg", pitchDeg);
        VehiclePose.requireFinite("yawDeg", yawDeg);
        if (frame == null) {
            throw new IllegalArgumentException("gimbal frame is null");
        }
    }

    /**
     * A gimbal looking straight down, yaw aligned with the vehicle heading.
     *
     * @return the nadir attitude
     */
    public static GimbalAttitude nadir() {
        return new GimbalAttitude(0, -90, 0, GimbalFrame.HEADING_RELATIVE);
    }

    /**
     * From a unit quaternion (w, x, y, z), rotation from the frame to the gimbal.
     *
     * @param w scalar part
     * @param x x
     * @param y y
     * @param z z
     * @param frame frame of the quaternion
     * @return the attitude
     * @throws IllegalArgumentException if the quaternion is zero or not finite
     */
    public static GimbalAttitude fromQuaternion(double w, double x, double y, double z, GimbalFrame frame) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(n > 1e-9) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("quaternion (" + w + ", " + x + ", " + y + ", " + z + ") has no rotation");
        }
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        double roll = Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y));
        double sinp = Math.max(-1, Math.min(1, 2 * (w * y - z * x)));
        double pitch = Math.asin(sinp);
        double yaw = Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
        return new GimbalAttitude(Math.toDegrees(roll), Math.toDegrees(pitch), Math.toDegrees(yaw), frame);
    }

    /**
     * From GIMBAL_DEVICE_ATTITUDE_STATUS: quaternion {@code q = [w, x, y, z]} and {@code flags}. Without an earth-frame
     * flag the yaw is relative to the vehicle heading and roll/pitch to the horizon (gimbal protocol v2).
     *
     * @param q the quaternion, 4 elements
     * @param flags GIMBAL_DEVICE_FLAGS bit mask
     * @return the attitude
     * @throws IllegalArgumentException if q does not have 4 elements or is not a rotation
     */
    public static GimbalAttitude fromGimbalDeviceAttitudeStatus(float[] q, int flags) {
        if (q == null || q.length != 4) {
            throw new IllegalArgumentException("gimbal quaternion must have 4 elements");
        }
        GimbalFrame frame;
        if ((flags & GIMBAL_DEVICE_FLAGS_YAW_IN_EARTH_FRAME) != 0) {
            frame = GimbalFrame.EARTH;
        } else if ((flags & GIMBAL_DEVICE_FLAGS_YAW_IN_VEHICLE_FRAME) != 0) {
            frame = GimbalFrame.HEADING_RELATIVE;
        } else if ((flags & GIMBAL_DEVICE_FLAGS_YAW_LOCK) != 0) {
            frame = GimbalFrame.EARTH;
        } else {
            frame = GimbalFrame.HEADING_RELATIVE;
        }
        return fromQuaternion(q[0], q[1], q[2], q[3], frame);
    }

    /**
     * From ArduPilot's MOUNT_STATUS (pointing_a pitch, pointing_b roll, pointing_c yaw, centidegrees): pitch and roll
     * relative to the horizon, yaw relative to the vehicle heading.
     *
     * @param pitchCdeg pointing_a
     * @param rollCdeg pointing_b
     * @param yawCdeg pointing_c
     * @return the attitude
     */
    public static GimbalAttitude fromMountStatus(int pitchCdeg, int rollCdeg, int yawCdeg) {
        return new GimbalAttitude(rollCdeg / 100.0, pitchCdeg / 100.0, yawCdeg / 100.0, GimbalFrame.HEADING_RELATIVE);
    }
}
