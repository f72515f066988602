package org.vigie.geofence.ed269;

import java.util.List;
import java.util.Objects;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * The horizontal extent of an ED-269 airspace volume ({@code horizontalProjection}): a polygon or a circle. Immutable.
 */
public sealed interface HorizontalProjection {

    /**
     * A polygon ({@code "type": "Polygon"}): its outer ring; holes of the file are not kept, which only makes the
     * zone larger (conservative).
     *
     * @param ring the outer ring, open (first vertex not repeated), at least 3 vertices
     */
    record Polygon(List<GeoPoint> ring) implements HorizontalProjection {
        /** Copies the ring; at least 3 vertices. */
        public Polygon {
            ring = List.copyOf(ring);
            if (ring.size() < 3) {
                throw new IllegalArgumentException("a polygon needs at least 3 distinct vertices, has " + ring.size());
            }
        }
    }

    /**
     * A circle ({@code "type": "Circle"}).
     *
     * @param centre  the centre (altitude ignored)
     * @param radiusM the radius, metres, &gt; 0
     */
    record Circle(GeoPoint centre, double radiusM) implements HorizontalProjection {
        /** Checks the radius. */
        public Circle {
            Objects.requireNonNull(centre, "centre");
            if (!(radiusM > 0) || !Double.isFinite(radiusM)) {
                throw new IllegalArgumentException("radius " + radiusM + " m must be finite and > 0");
            }
        }
    }
}
