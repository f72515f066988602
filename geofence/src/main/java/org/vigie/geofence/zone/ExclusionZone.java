package org.vigie.geofence.zone;

/**
 * An area the drone must never enter (a hospital helipad, a school, a ministry): a polygon or a circle, each with a
 * name and a reason a dispatcher can read. Closed set: {@link PolygonExclusion} and {@link CircleExclusion}.
 */
public sealed interface ExclusionZone permits PolygonExclusion, CircleExclusion {

    /** @return short unique name, e.g. {@code "Hôtel-Dieu helipad"} */
    String name();

    /** @return why the zone is closed, e.g. {@code "hospital helipad"} */
    String reason();
}
