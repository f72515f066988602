package org.vigie.centre;

import org.vigie.centre.CentreLog.Counter;
import org.vigie.centre.fleet.Availability;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.dispatch.FlightStatusUpdate;

/**
 * Follows what the drones say: FLIGHT_STATUS (take-off, on scene, flying home, the flight's outcome), heartbeats
 * (a down drone comes back) and silence (a drone silent too long is down). The consequences for incidents and queues
 * go through the {@link Dispatcher}. Event thread only; not thread-safe.
 */
final class FlightFollower {

    private final CentreContext ctx;
    private final CentreLog log;
    private final Dispatcher dispatcher;

    FlightFollower(CentreContext ctx, Dispatcher dispatcher) {
        this.ctx = ctx;
        this.log = ctx.log();
        this.dispatcher = dispatcher;
    }

    /** A FLIGHT_STATUS from a drone; one for a flight not yet acknowledged is kept to be replayed. */
    void onStatus(FlightStatusUpdate u) {
        Drone d = ctx.fleet().get(u.droneSystemId());
        if (d == null) {
            return;
        }
        onHeard(d);
        DispatchMessage.FlightStatus s = u.status();
        if (s.flightId() != d.flightId) {
            if (d.flightId == 0 && d.ordering != null) {
                d.early = u;
            }
            return;
        }
        d.phase = s.phase();
        Incident named = ctx.book().get(s.alertId());
        Incident inc = named != null && named == d.incident ? named : null;
        if (inc != null && s.phase() == FlightPhase.TAKEOFF && inc.launchedAt == null) {
            inc.launchedAt = ctx.scheduler().now();
            log.record(CentreAction.LAUNCHED, inc.id, d.id(), "drone " + d.id() + " took off");
            log.changed(inc);
        } else if (inc != null && s.phase() == FlightPhase.ON_SCENE && !inc.state.terminal()) {
            inc.state = IncidentState.ON_SCENE;
            inc.onSceneAt = ctx.scheduler().now();
            inc.endedAt = inc.onSceneAt;
            if (inc.launchedAt == null) {
                inc.launchedAt = inc.onSceneAt;
            }
            inc.reason = "drone " + d.id() + " on scene";
            log.count(Counter.ON_SCENE);
            log.record(CentreAction.ON_SCENE, inc.id, d.id(), inc.reason);
            log.changed(inc);
        } else if ((s.phase() == FlightPhase.RETURN || s.phase() == FlightPhase.LAND) && s.outcome().isEmpty()) {
            d.availability = Availability.RETURNING;
            d.note = "flying home (" + s.phase() + ")";
            Incident current = d.incident;
            if (current != null && !current.state.terminal() && d.ordering == null) {
                dispatcher.refuse(current, "drone " + d.id() + " turned back before the scene: " + s.message());
            }
            if (d.ordering == null) {
                d.incident = null;
            }
            dispatcher.pump(d);
        }
        if (s.outcome().isPresent()) {
            FlightOutcome outcome = s.outcome().get();
            Incident current = d.incident;
            d.flightId = 0;
            d.incident = null;
            if (current != null && !current.state.terminal()) {
                dispatcher.refuse(current, "flight of drone " + d.id() + " ended " + outcome + " before the scene: "
                        + s.message());
            }
            switch (outcome) {
                case COMPLETED, ABORTED -> dispatcher.charge(d);
                case REFUSED -> dispatcher.ready(d, "ready (its flight never took off: " + s.message() + ")");
                case FAILED -> {
                    d.availability = Availability.MAINTENANCE;
                    d.note = "flight failed: " + s.message();
                    log.record(CentreAction.MAINTENANCE, null, d.id(), "drone " + d.id()
                            + " needs maintenance: its flight failed (" + s.message() + ")");
                    dispatcher.refuseQueue(d, "drone " + d.id() + " of district '" + d.record.district()
                            + "' is in maintenance after a failed flight");
                    log.emit(new CentreEvent.MaintenanceNeeded(d.id(), d.record.district(), s.message()));
                }
            }
        }
    }

    void onHeard(Drone d) {
        String back = ctx.fleet().heard(d, ctx.scheduler().now(), ctx.scheduler().monotonicMs());
        if (back == null) {
            return;
        }
        log.record(CentreAction.DRONE_BACK, null, d.id(), back);
        log.emit(new CentreEvent.DroneBack(d.id(), d.record.district()));
        dispatcher.pump(d);
    }

    /** Marks down every drone silent for longer than the silence timeout. */
    void sweep() {
        long limitMs = ctx.options().silenceTimeout().toMillis();
        for (Fleet.Silent s : ctx.fleet().silent(ctx.scheduler().monotonicMs(), limitMs)) {
            dispatcher.markDown(s.drone(), s.why());
        }
    }
}
