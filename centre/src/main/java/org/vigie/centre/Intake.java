package org.vigie.centre;

import java.time.Duration;
import java.time.Instant;
import org.vigie.centre.CentreLog.Counter;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.alert.Refusal;
import org.vigie.geofence.geodesy.Geodesy;

/**
 * Takes an alert in: screens it ({@link AlertScreen}), merges it into a nearby open incident of its district (raising
 * the incident's priority, which may take it out of its queue to be decided again) or opens a new incident and
 * routes it to the {@link AgentDesk}. Every alert and refusal is counted and recorded. Event thread only.
 */
final class Intake {

    private final AlertScreen screen;
    private final CentreContext ctx;
    private final CentreLog log;
    private final Dispatcher dispatcher;
    private final AgentDesk desk;

    Intake(CentreContext ctx, AlertScreen screen, Dispatcher dispatcher, AgentDesk desk) {
        this.ctx = ctx;
        this.log = ctx.log();
        this.screen = screen;
        this.dispatcher = dispatcher;
        this.desk = desk;
    }

    /** @return the incident opened or joined, or the refusal naming the field */
    IntakeResult take(Alert alert) {
        log.count(Counter.ALERTS);
        Instant now = ctx.scheduler().now();
        AlertScreen.Screened screened = screen.screen(alert, ctx.scheduler().monotonicMs());
        if (screened instanceof AlertScreen.Rejected r) {
            return refuse(r.refusal());
        }
        AlertScreen.Admitted a = (AlertScreen.Admitted) screened;
        Incident near = ctx.book().mergeTarget(a.district(), a.where(), now);
        if (near != null) {
            return merge(a, near, now);
        }
        Incident inc = ctx.book().open(a.kind(), a.district(), a.where(), now, a.priority(), a.description());
        log.count(Counter.OPENED);
        log.record(CentreAction.OPENED, inc.id, 0, a.description() + " in district '" + a.district() + "' ("
                + a.priority() + ")");
        desk.route(inc);
        return new IntakeResult.Opened(inc.view());
    }

    private IntakeResult merge(AlertScreen.Admitted a, Incident near, Instant now) {
        near.alerts++;
        log.count(Counter.MERGED);
        String why = a.description() + ": merged into " + near.id + " ("
                + Math.round(Geodesy.distanceM(a.where(), near.position)) + " m away, opened "
                + Duration.between(near.openedAt, now).toSeconds() + " s ago)";
        if (a.priority().outranks(near.priority)) {
            near.priority = a.priority();
            why += "; priority raised to " + a.priority();
            if (near.state == IncidentState.QUEUED) {
                Drone d = ctx.fleet().inDistrict(near.district);
                if (d != null && d.queue.remove(near)) {
                    near.cancelDeadline();
                    dispatcher.decide(near, log.centreId());
                }
            }
        }
        log.record(CentreAction.MERGED, near.id, near.droneSystemId, why);
        log.changed(near);
        return new IntakeResult.Merged(near.view());
    }

    private IntakeResult refuse(Refusal r) {
        log.count(switch (r.code()) {
            case INVALID -> Counter.REFUSED_INVALID;
            case UNKNOWN_BUTTON -> Counter.REFUSED_UNKNOWN_BUTTON;
            case OUTSIDE_DISTRICTS -> Counter.REFUSED_OUTSIDE;
            case FLOOD -> Counter.REFUSED_FLOOD;
        });
        log.record(CentreAction.INTAKE_REFUSED, null, 0, r.code() + " " + r.field() + ": " + r.message());
        return new IntakeResult.Refused(r);
    }
}
