package org.vigie.geofence.zone;

import org.vigie.geofence.geodesy.GeoPoint;

/**
 * A circular exclusion zone.
 *
 * @param name    unique name, not blank
 * @param reason  human-readable reason, not null
 * @param centre  the centre (altitude ignored)
 * @param radiusM radius in metres, finite and &gt; 0
 */
public record CircleExclusion(String name, String reason, GeoPoint centre, double radiusM) implements ExclusionZone {

    /** Validates the fields ({@link IllegalArgumentException}). */
    public CircleExclusion {
        PolygonExclusion.requireName(name);
        reason = reason == null ? "" : reason;
        if (centre == null) {
            throw new IllegalArgumentException("exclusion '" + name + "' has no centre");
        }
        if (!Double.isFinite(radiusM) || radiusM <= 0.0) {
            throw new IllegalArgumentException("exclusion '" + name + "' radius " + radiusM + " m must be > 0");
        }
    }
}
