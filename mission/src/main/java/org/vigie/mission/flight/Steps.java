package org.vigie.mission.flight;

import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.mission.DispatchRequest;
import org.vigie.mission.FlightOutcome;
import org.vigie.mission.FlightPhase;
import org.vigie.mission.flight.step.BrakeStep;
import org.vigie.mission.flight.step.FlightStep;
import org.vigie.mission.flight.step.StepHost;

/** The {@link StepHost} the controller gives its steps: what they may see and ask. Event thread only. */
final class Steps implements StepHost {

    private final FlightController c;

    Steps(FlightController c) {
        this.c = c;
    }

    @Override
    public FlightContext ctx() {
        return c.ctx;
    }

    @Override
    public FlavourStrategy strategy() {
        return c.strategy;
    }

    @Override
    public FlightPlan plan() {
        return c.plan;
    }

    @Override
    public FlightPhase phase() {
        return c.phase();
    }

    @Override
    public long phaseEnteredMs() {
        return c.rec.phaseEnteredMs();
    }

    @Override
    public DispatchRequest request() {
        return c.request;
    }

    @Override
    public long nowMs() {
        return c.ms();
    }

    @Override
    public void execute(Runnable task) {
        c.scheduler.execute(task);
    }

    @Override
    public void kick(FlightStep step) {
        c.kick(step);
    }

    @Override
    public void then(FlightStep next) {
        c.replace(next);
        c.kick(next);
    }

    @Override
    public void enter(FlightPhase to, String reason) {
        c.enter(to, reason);
    }

    @Override
    public void fail(FlightOutcome outcome, String reason) {
        c.fail(outcome, reason);
    }

    @Override
    public void failOnGround(String reason) {
        c.failOnGround(reason);
    }

    @Override
    public void failsafeLand(String reason) {
        c.failsafeLand(reason);
    }

    @Override
    public void landed(String reason) {
        c.landed(reason);
    }

    @Override
    public void brakeDone() {
        FlightPhase phase = c.phase();
        if (phase == FlightPhase.ON_SCENE || phase == FlightPhase.TRANSIT) {
            String why = c.plan.replanOutbound(c.here(), c.request, c.rec.elapsedS(c.ms()));
            if (why != null) {
                c.enter(FlightPhase.RETURN, "cannot re-plan to the scene after braking: " + why);
            } else if (phase == FlightPhase.ON_SCENE) {
                c.enter(FlightPhase.TRANSIT, "back to the scene along a planned route after braking");
            } else {
                c.replace(new org.vigie.mission.flight.step.LegStep(this, c.plan.legPoints(c.plan.outbound()), true));
                c.warn("re-planned to the scene after braking");
            }
        } else if (phase == FlightPhase.RETURN) {
            c.startReturn();
        }
    }

    /** Starts braking: the current step gives way to a {@link BrakeStep}. */
    BrakeStep brake() {
        BrakeStep b = new BrakeStep(this);
        c.replace(b);
        return b;
    }

    @Override
    public void warn(String message) {
        c.warn(message);
    }

    @Override
    public void requestMode(String mode, FlightStep owner, Runnable onAccepted) {
        c.requestMode(mode, owner, onAccepted);
    }

    @Override
    public boolean takeRelease() {
        boolean r = c.released;
        c.released = false;
        return r;
    }

    @Override
    public boolean modeConfirmed() {
        return c.modeConfirmed;
    }

    @Override
    public boolean dispatchLost() {
        return c.monitor.dispatchLost();
    }

    @Override
    public GeoPoint here() {
        return c.here();
    }

    @Override
    public double horizontalM(GeoPoint a, GeoPoint b) {
        return c.rec.horizontalM(a, b);
    }
}
