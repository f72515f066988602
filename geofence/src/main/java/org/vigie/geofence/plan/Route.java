package org.vigie.geofence.plan;

import java.util.List;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * A planned flight: 3-D waypoints to fly in order (straight lines between them), with lengths and the expected time.
 *
 * @param waypoints          the waypoints, first is {@link WaypointKind#START}
 * @param requestedTarget    the target asked for
 * @param destination        where the route ends horizontally (differs from the request for a stand-off outside an
 *                           exclusion zone or inside the margin)
 * @param horizontalLengthM  length of the horizontal path, metres
 * @param verticalLengthM    total climb plus descent, metres
 * @param expectedDurationS  horizontal length / speed + climb / climb rate + descent / descent rate, seconds
 */
public record Route(List<Waypoint> waypoints, GeoPoint requestedTarget, GeoPoint destination,
        double horizontalLengthM, double verticalLengthM, double expectedDurationS) {

    /** Copies the list; rejects an empty route ({@link IllegalArgumentException}). */
    public Route {
        waypoints = List.copyOf(waypoints);
        if (waypoints.isEmpty()) {
            throw new IllegalArgumentException("a route has at least one waypoint");
        }
    }

    /** @return the horizontal positions of the waypoints where the horizontal path bends or ends, in order */
    public List<GeoPoint> horizontalPath() {
        java.util.ArrayList<GeoPoint> out = new java.util.ArrayList<>();
        for (Waypoint w : waypoints) {
            GeoPoint p = w.position().withAltitudeRelM(0);
            if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
