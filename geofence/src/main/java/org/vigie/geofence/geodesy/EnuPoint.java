package org.vigie.geofence.geodesy;

/**
 * A position in a {@link LocalFrame}: metres east, north and up of the frame's origin (the district's home).
 *
 * @param eastM  metres east of the origin
 * @param northM metres north of the origin
 * @param upM    metres above the origin
 */
public record EnuPoint(double eastM, double northM, double upM) {

    /** Rejects non-finite coordinates with an {@link IllegalArgumentException}. */
    public EnuPoint {
        if (!Double.isFinite(eastM) || !Double.isFinite(northM) || !Double.isFinite(upM)) {
            throw new IllegalArgumentException("ENU coordinates must be finite: " + eastM + ", " + northM + ", " + upM);
        }
    }

    /**
     * Horizontal distance to another point of the same frame.
     *
     * @param other the other point
     * @return metres, ignoring the vertical
     */
    public double horizontalDistanceM(EnuPoint other) {
        return Math.hypot(eastM - other.eastM, northM - other.northM);
    }
}
