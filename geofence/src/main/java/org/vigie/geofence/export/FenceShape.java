package org.vigie.geofence.export;

import java.util.List;

/**
 * One shape of an exported fence, in the autopilot's own resolution (degrees × 10^7), neutral to any protocol: the
 * companion maps it to MAVLink fence items (MAV_CMD_NAV_FENCE_*), a ground station to its own format.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface FenceShape permits FenceShape.Polygon, FenceShape.Circle, FenceShape.ReturnPoint {

    /** Whether a shape keeps the vehicle in or out. */
    enum Role {
        /** The vehicle must stay inside. */
        INCLUSION,
        /** The vehicle must stay outside. */
        EXCLUSION
    }

    /**
     * A simple polygon, counter-clockwise, not closed (the last vertex is not the first again).
     *
     * @param role     inclusion or exclusion
     * @param vertices at least 3 vertices
     */
    record Polygon(Role role, List<LatLonE7> vertices) implements FenceShape {
        /**
         * Copies the vertices.
         *
         * @throws IllegalArgumentException if role is null or there are fewer than 3 vertices
         */
        public Polygon {
            if (role == null) {
                throw new IllegalArgumentException("polygon role is null");
            }
            vertices = List.copyOf(vertices);
            if (vertices.size() < 3) {
                throw new IllegalArgumentException("a fence polygon needs at least 3 vertices, had " + vertices.size());
            }
        }
    }

    /**
     * A circle.
     *
     * @param role    inclusion or exclusion
     * @param centre  the centre
     * @param radiusM the radius, metres, &gt; 0
     */
    record Circle(Role role, LatLonE7 centre, float radiusM) implements FenceShape {
        /** @throws IllegalArgumentException on a null role or centre, or a radius that is not positive and finite */
        public Circle {
            if (role == null || centre == null) {
                throw new IllegalArgumentException("circle role and centre are required");
            }
            if (!(radiusM > 0) || !Float.isFinite(radiusM)) {
                throw new IllegalArgumentException("circle radius " + radiusM + " m must be positive and finite");
            }
        }
    }

    /**
     * Where the autopilot returns on a fence breach.
     *
     * @param point the point
     */
    record ReturnPoint(LatLonE7 point) implements FenceShape {
        /** @throws IllegalArgumentException if point is null */
        public ReturnPoint {
            if (point == null) {
                throw new IllegalArgumentException("return point is null");
            }
        }
    }

    /**
     * A position in degrees × 10^7, as autopilots store it.
     *
     * @param latE7 latitude, degrees × 10^7
     * @param lonE7 longitude, degrees × 10^7
     */
    record LatLonE7(int latE7, int lonE7) {
        /** @throws IllegalArgumentException if the position is out of range */
        public LatLonE7 {
            if (Math.abs((long) latE7) > 900_000_000L || Math.abs((long) lonE7) > 1_800_000_000L) {
                throw new IllegalArgumentException("position " + latE7 + "," + lonE7 + " (degE7) is out of range");
            }
        }

        /** @return latitude, degrees */
        public double latDeg() {
            return latE7 / 1e7;
        }

        /** @return longitude, degrees */
        public double lonDeg() {
            return lonE7 / 1e7;
        }
    }
}
