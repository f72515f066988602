package org.vigie.mission.flight;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.RetaskDecision;
import org.vigie.mission.flight.step.LegStep;

/**
 * The state machine's answer to the operator: retask (a new target, re-planned from where the drone is, refused with
 * a reason when it cannot be flown) and cancel. Part of {@link FlightController}; event thread only.
 */
final class OperatorOrders {

    private final FlightController c;

    OperatorOrders(FlightController c) {
        this.c = c;
    }

    RetaskDecision retask(DispatchRequest nr) {
        FlightPhase phase = c.phase();
        if (c.finished || phase.isTerminal()) {
            return refuse(nr, "the flight has ended (" + phase + ")");
        }
        if (phase == FlightPhase.LAND) {
            return refuse(nr, "the drone is landing");
        }
        if (!c.inCommand()) {
            return refuse(nr, "the companion is not in command (" + (c.yielded ? c.yieldReason
                    : c.monitor.autopilotLost() ? "autopilot link lost" : "navigation lost") + ")");
        }
        if (c.monitor.batteryReturning()) {
            return refuse(nr, "returning on battery reserve");
        }
        boolean airborne = phase.isAirborne() && phase != FlightPhase.TAKEOFF;
        GeoPoint from = airborne ? c.here() : c.ctx.district().home().withAltitudeRelM(0);
        FlightPlan.RoundTrip trip = c.plan.roundTrip(from, nr, 0, "the new scene");
        if (trip instanceof FlightPlan.RoundTrip.Refused r) {
            return refuse(nr, r.reason());
        }
        FlightPlan.RoundTrip.Planned p = (FlightPlan.RoundTrip.Planned) trip;
        OptionalDouble avail = c.ctx.energy().availableWh(c.t.batteryPercent());
        if (avail.isPresent() && avail.getAsDouble() < p.budget().requiredWh()) {
            return refuse(nr, String.format(Locale.ROOT, "battery holds %.1f Wh, the new target needs %.1f Wh with "
                    + "reserve", avail.getAsDouble(), p.budget().requiredWh()));
        }
        c.request(nr);
        c.rec.retasked();
        c.plan.adoptRetask(p, nr, c.rec.elapsedS(c.ms()));
        String reason = "retasked to " + new GeoPoint(nr.targetLatDeg(), nr.targetLonDeg(), 0).latLonText()
                + " for alert " + nr.alertId() + " by " + nr.requesterId() + ": " + nr.reason();
        c.emit(new FlightEvent.Retasked(c.scheduler.now(), nr, true, reason));
        switch (phase) {
            case TRANSIT -> c.replace(new LegStep(c.steps(),
                    c.plan.legPoints(Objects.requireNonNull(c.plan.outbound(), "planned")), true));
            case ON_SCENE, RETURN -> c.enter(FlightPhase.TRANSIT, reason);
            default -> {
                // on the ground or climbing: the new plan is flown when TRANSIT starts
            }
        }
        return new RetaskDecision(true, reason);
    }

    private RetaskDecision refuse(DispatchRequest nr, String why) {
        String reason = "retask to " + nr.targetLatDeg() + "," + nr.targetLonDeg() + " refused: " + why;
        c.emit(new FlightEvent.Retasked(c.scheduler.now(), nr, false, reason));
        return new RetaskDecision(false, reason);
    }

    String cancel() {
        FlightPhase phase = c.phase();
        if (c.finished) {
            return "the flight had already ended (" + phase + ")";
        }
        c.cancelled = true;
        switch (phase) {
            case PREFLIGHT, UPLOAD -> {
                c.fail(FlightOutcome.ABORTED, "cancelled by the operator before take-off");
                return "cancelled before take-off";
            }
            case ARM -> {
                c.steps().failOnGround("cancelled by the operator before take-off");
                return "cancelled before take-off; disarming";
            }
            case TAKEOFF, TRANSIT, ON_SCENE -> {
                c.enter(FlightPhase.RETURN, "cancelled by the operator: returning home along a planned route");
                return "returning home";
            }
            default -> {
                return "already " + phase + "; the flight goes on home";
            }
        }
    }
}
