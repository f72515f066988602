package org.vigie.geofence.plan;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * Why and where a route ends short of its target: the target lies where the drone may not fly (inside an exclusion
 * zone, or within the fence's safety margin), so the route ends at the nearest point a route reaches.
 *
 * @param zoneName   the exclusion zone the target lies in, as named in the district; null when the target lies in the
 *                   safety margin of the fence rather than in a zone
 * @param zoneReason the zone's reason ("" when none or not in a zone)
 * @param point      where the route ends instead (altitude 0)
 * @param distanceM  from the target to that point, metres
 */
public record StandOff(@Nullable String zoneName, String zoneReason, GeoPoint point, double distanceM) {

    /** Rejects nulls and a negative or non-finite distance. */
    public StandOff {
        Objects.requireNonNull(zoneReason, "zoneReason");
        Objects.requireNonNull(point, "point");
        if (!(distanceM >= 0) || !Double.isFinite(distanceM)) {
            throw new IllegalArgumentException("distanceM " + distanceM + " must be finite and >= 0");
        }
    }

    /**
     * The sentence for a dispatcher.
     *
     * @return e.g. {@code "target lies in exclusion 'police cordon'; on scene at the nearest reachable point, 45 m
     *     away"}
     */
    public String sentence() {
        String where = zoneName != null ? "target lies in exclusion '" + zoneName + "'"
                : "target lies within the fence's safety margin";
        return String.format(java.util.Locale.ROOT, "%s; on scene at the nearest reachable point, %.0f m away", where,
                distanceM);
    }
}
