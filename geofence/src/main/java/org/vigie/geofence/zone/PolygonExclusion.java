package org.vigie.geofence.zone;

import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * A polygonal exclusion zone.
 *
 * @param name   unique name, not blank
 * @param reason human-readable reason, not null
 * @param ring   the boundary, open or closed; at least 3 distinct vertices (stored open)
 */
public record PolygonExclusion(String name, String reason, List<GeoPoint> ring) implements ExclusionZone {

    /** Validates name and vertex count ({@link IllegalArgumentException}). */
    public PolygonExclusion {
        requireName(name);
        reason = reason == null ? "" : reason;
        ring = GeoPolygon.openRing(ring, "exclusion '" + name + "'");
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("zone name is blank");
        }
    }
}
