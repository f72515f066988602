package org.vigie.mission.camera;

/**
 * The camera's field of view and how it is mounted on the gimbal (a fixed rotation, Z-Y-X Euler angles, identity
 * when the boresight is the gimbal's x axis). Immutable.
 *
 * @param horizontalFovDeg horizontal field of view, degrees, in (0, 180)
 * @param verticalFovDeg vertical field of view, degrees, in (0, 180)
 * @param mountRollDeg mounting roll, degrees
 * @param mountPitchDeg mounting pitch, degrees
 * @param mountYawDeg mounting yaw, degrees
 */
public record CameraModel(double horizontalFovDeg, double verticalFovDeg, double mountRollDeg, double mountPitchDeg,
        double mountYawDeg) {

    /**
     * Validates the model.
     *
     * @throws IllegalArgumentException if a field of view is not in (0, 180) or an angle is not finite
     */
    public CameraModel {
        if (!(horizontalFovDeg > 0 && horizontalFovDeg < 180)) {
            throw new IllegalArgumentException("horizontal field of view " + horizontalFovDeg + " deg is not in (0, 180)");
        }
        if (!(verticalFovDeg > 0 && verticalFovDeg < 180)) {
            throw new IllegalArgumentException("vertical field of view " + verticalFovDeg + " deg is not in (0, 180)");
        }
        VehiclePose.requireFinite("mountRollDeg", mountRollDeg);
        VehiclePose.requireFinite("mountPitchDeg", mountPitchDeg);
        VehiclePose.requireFinite("mountYawDeg", mountYawDeg);
    }

    /**
     * A camera mounted along the gimbal's boresight.
     *
     * @param horizontalFovDeg horizontal field of view, degrees
     * @param verticalFovDeg vertical field of view, degrees
     * @return the model
     */
    public static CameraModel of(double horizontalFovDeg, double verticalFovDeg) {
        return new CameraModel(horizontalFovDeg, verticalFovDeg, 0, 0, 0);
    }
}
