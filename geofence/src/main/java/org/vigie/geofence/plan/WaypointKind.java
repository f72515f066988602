package org.vigie.geofence.plan;

/** What a {@link Waypoint} of a {@link Route} is for. */
public enum WaypointKind {
    /** Where the drone is when the plan starts (its current altitude). */
    START,
    /** Above the start (or the re-entry point), at transit altitude: the climb (or descent) ends here. */
    TO_TRANSIT_ALTITUDE,
    /** The nearest point back inside the fence when the start was outside it. */
    REENTRY,
    /** A bend of the horizontal path, at transit altitude. */
    TURN,
    /** Above the destination, at transit altitude. */
    ARRIVAL,
    /** The destination at on-scene altitude (outbound routes only). */
    ON_SCENE
}
