package org.vigie.centre;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * A snapshot of one incident. Immutable.
 *
 * @param id            the incident id (also the alert id sent to the drone)
 * @param kind          what raised it
 * @param priority      its priority (the highest of its alerts)
 * @param district      the district it is in
 * @param position      where (the first alert's position)
 * @param state         where it stands
 * @param droneSystemId the drone serving it, 0 for none
 * @param alerts        how many alerts it gathers (1 + merged)
 * @param openedAt      when the first alert arrived (centre time)
 * @param launchedAt    when its drone took off for it (or was retasked to it), or null
 * @param onSceneAt     when a drone reached the scene, or null
 * @param endedAt       when it reached a terminal state, or null
 * @param reason        the reason of the last decision about it
 */
public record IncidentView(String id, IncidentKind kind, DispatchPriority priority, String district, GeoPoint position,
                           IncidentState state, int droneSystemId, int alerts, Instant openedAt,
                           @Nullable Instant launchedAt, @Nullable Instant onSceneAt, @Nullable Instant endedAt,
                           String reason) {
    /** Rejects nulls where not allowed. */
    public IncidentView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(reason, "reason");
    }
}
