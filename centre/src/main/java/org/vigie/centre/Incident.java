package org.vigie.centre;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.alert.IncidentKind;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.link.time.Cancellable;

/** One incident's mutable state, owned by the centre's event thread. Not thread-safe. */
final class Incident {

    final long seq;
    final String id;
    final IncidentKind kind;
    final String district;
    final GeoPoint position;
    final Instant openedAt;
    final String description;
    DispatchPriority priority;
    IncidentState state;
    int droneSystemId;
    int alerts = 1;
    @Nullable Instant launchedAt;
    @Nullable Instant onSceneAt;
    @Nullable Instant endedAt;
    String reason;
    /** Launch-then-confirm: true once the agent confirmed. */
    boolean confirmed;
    /** Counted once in the queued statistic. */
    boolean everQueued;
    /** Launch-then-confirm: a confirmation is awaited. */
    boolean awaitingConfirmation;
    /** The actor who asked for the order in progress (the centre or an agent). */
    String orderedBy = "centre";
    @Nullable Cancellable deadline;

    Incident(long seq, String id, IncidentKind kind, String district, GeoPoint position, Instant openedAt,
             DispatchPriority priority, String description) {
        this.seq = seq;
        this.id = id;
        this.kind = kind;
        this.district = district;
        this.position = position;
        this.openedAt = openedAt;
        this.priority = priority;
        this.description = description;
        this.state = IncidentState.QUEUED;
        this.reason = "opened";
    }

    /** Cancels the pending deadline (approval, confirmation or queue wait), if any. */
    void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    IncidentView view() {
        return new IncidentView(id, kind, priority, district, position, state, droneSystemId, alerts, openedAt,
                launchedAt, onSceneAt, endedAt, reason);
    }
}
