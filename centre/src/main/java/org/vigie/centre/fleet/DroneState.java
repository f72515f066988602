package org.vigie.centre.fleet;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * A snapshot of one drone as the centre sees it. Immutable.
 *
 * @param drone          the registration
 * @param availability   what it can do now
 * @param phase          the phase of its current or last flight, or null before any
 * @param flightId       its current flight (0: none)
 * @param incidentId     the incident it serves, or null
 * @param position       its last reported position, or null before any
 * @param batteryPct     its last reported battery, percent 0..100, or NaN before any
 * @param healthy        false when its last report said a sensor or the autopilot is unhealthy
 * @param linkQualityPct dispatch-link heartbeats heard over the last 10 s, percent (100: one a second)
 * @param lastHeard      when it was last heard on the dispatch link (centre time), or null if never
 * @param note           why it is in this state (a sentence)
 */
public record DroneState(DroneRecord drone, Availability availability, @Nullable FlightPhase phase, long flightId,
                         @Nullable String incidentId, @Nullable GeoPoint position, double batteryPct, boolean healthy,
                         double linkQualityPct, @Nullable Instant lastHeard, String note) {
    /** Rejects null where not allowed. */
    public DroneState {
        Objects.requireNonNull(drone, "drone");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(note, "note");
    }
}
