package org.vigie.geofence.export;

/**
 * One fence item as the MAVLink mission protocol carries it (MISSION_ITEM_INT with mission type FENCE, frame
 * MAV_FRAME_GLOBAL): the command, param1, and the position in degrees times 10^7.
 *
 * @param command one of {@link #POLYGON_VERTEX_INCLUSION}, {@link #POLYGON_VERTEX_EXCLUSION},
 *                {@link #CIRCLE_INCLUSION}, {@link #CIRCLE_EXCLUSION}, {@link #RETURN_POINT}
 * @param param1  for a polygon vertex: the polygon's vertex count; for a circle: the radius in metres; else 0
 * @param latE7   latitude, degrees * 1e7
 * @param lonE7   longitude, degrees * 1e7
 */
public record FenceItem(int command, float param1, int latE7, int lonE7) {

    /** MAV_CMD_NAV_FENCE_RETURN_POINT. */
    public static final int RETURN_POINT = 5000;
    /** MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION. */
    public static final int POLYGON_VERTEX_INCLUSION = 5001;
    /** MAV_CMD_NAV_FENCE_POLYGON_VERTEX_EXCLUSION. */
    public static final int POLYGON_VERTEX_EXCLUSION = 5002;
    /** MAV_CMD_NAV_FENCE_CIRCLE_INCLUSION. */
    public static final int CIRCLE_INCLUSION = 5003;
    /** MAV_CMD_NAV_FENCE_CIRCLE_EXCLUSION. */
    public static final int CIRCLE_EXCLUSION = 5004;

    /** Rejects unknown commands and out-of-range positions ({@link IllegalArgumentException}). */
    public FenceItem {
        if (command < RETURN_POINT || command > CIRCLE_EXCLUSION) {
            throw new IllegalArgumentException("command " + command + " is not a fence command (5000..5004)");
        }
        if (Math.abs((long) latE7) > 900_000_000L || Math.abs((long) lonE7) > 1_800_000_000L) {
            throw new IllegalArgumentException("position " + latE7 + "," + lonE7 + " (degE7) is out of range");
        }
        if (!Float.isFinite(param1)) {
            throw new IllegalArgumentException("param1 " + param1 + " is not finite");
        }
    }

    /** @return latitude in degrees */
    public double latDeg() {
        return latE7 / 1e7;
    }

    /** @return longitude in degrees */
    public double lonDeg() {
        return lonE7 / 1e7;
    }
}
