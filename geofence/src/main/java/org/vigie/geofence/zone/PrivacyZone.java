package org.vigie.geofence.zone;

import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * An area the camera must not record (a courtyard, a school playground). The drone may fly over it; streaming masks it.
 *
 * @param name unique name, not blank
 * @param ring the boundary, open or closed; at least 3 distinct vertices (stored open)
 */
public record PrivacyZone(String name, List<GeoPoint> ring) {

    /** Validates name and vertex count ({@link IllegalArgumentException}). */
    public PrivacyZone {
        PolygonExclusion.requireName(name);
        ring = GeoPolygon.openRing(ring, "privacy zone '" + name + "'");
    }
}
