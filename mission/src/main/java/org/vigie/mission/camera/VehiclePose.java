package org.vigie.mission.camera;

/**
 * Position and attitude of the vehicle, as the autopilot reports them (GLOBAL_POSITION_INT and ATTITUDE).
 *
 * <p>Attitude is the aerospace Z-Y-X (yaw, pitch, roll) sequence from the local NED frame to the body frame
 * (x forward, y right, z down). Immutable.
 *
 * @param latitudeDeg WGS84 latitude, degrees
 * @param longitudeDeg WGS84 longitude, degrees
 * @param altitudeAmslM altitude above mean sea level, metres
 * @param rollDeg roll, degrees, right side down positive
 * @param pitchDeg pitch, degrees, nose up positive
 * @param yawDeg yaw (true heading), degrees clockwise from north
 */
public record VehiclePose(double latitudeDeg, double longitudeDeg, double altitudeAmslM, double rollDeg,
        double pitchDeg, double yawDeg) {

    /**
     * Validates the pose.
     *
     * @throws IllegalArgumentException if a value is not finite or latitude/longitude is out of range
     */
    public VehiclePose {
        requireFinite("latitudeDeg", latitudeDeg);
        requireFinite("longitudeDeg", longitudeDeg);
        requireFinite("altitudeAmslM", altitudeAmslM);
        requireFinite("rollDeg", rollDeg);
        requireFinite("pitchDeg", pitchDeg);
        requireFinite("yawDeg", yawDeg);
        if (Math.abs(latitudeDeg) > 90 || Math.abs(longitudeDeg) > 180) {
            throw new IllegalArgumentException(
                    "position " + latitudeDeg + "," + longitudeDeg + " is outside WGS84 latitude/longitude ranges");
        }
    }

    static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " " + v + " is not a finite number");
        }
    }
}
