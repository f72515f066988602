package org.vigie.geofence.plan;

import org.vigie.geofence.geodesy.GeoPoint;

/**
 * One 3-D point of a route.
 *
 * @param position latitude, longitude and altitude above home
 * @param kind     the waypoint's role
 */
public record Waypoint(GeoPoint position, WaypointKind kind) {

    /** Rejects nulls ({@link IllegalArgumentException}). */
    public Waypoint {
        if (position == null || kind == null) {
            throw new IllegalArgumentException("waypoint position and kind must not be null");
        }
    }
}
