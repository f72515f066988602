package org.vigie.mission.flight;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.flight.step.BrakeStep;
import org.vigie.mission.flight.step.FlightStep;
import org.vigie.mission.flight.step.LegStep;
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
    public @Nullable Readiness readiness() {
        return c.readiness;
    }

    @Override
    public @Nullable FlavourStrategy strategy() {
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
    public org.vigie.link.time.Cancellable schedule(long delayMs, Runnable task) {
        return c.scheduler.schedule(java.time.Duration.ofMillis(delayMs), () -> c.guarded(task));
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
        if (c.t.armed()) {
            quietly(c.ctx.commands().disarm(false));
        }
        c.fail(c.cancelled ? FlightOutcome.ABORTED : FlightOutcome.FAILED, reason);
    }

    @Override
    public void failsafeLand(String reason) {
        c.failsafeLand(reason);
    }

    @Override
    public void landed(String where) {
        FlightOutcome outcome = c.cancelled || !c.reachedScene ? FlightOutcome.ABORTED : FlightOutcome.COMPLETED;
        String prefix = c.cancelled ? "cancelled by the operator; "
                : !c.reachedScene ? "did not reach the scene (" + c.returnReason + "); " : "";
        c.finish(FlightPhase.DONE, outcome, prefix + where);
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
                c.replace(new LegStep(this, c.plan.legPoints(Objects.requireNonNull(c.plan.outbound(), "planned")),
                        true));
                c.warn("re-planned to the scene after braking");
            }
        } else if (phase == FlightPhase.RETURN) {
            startReturn();
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
        c.expectedMode = mode;
        c.modeConfirmed = false;
        owner.await(c.ctx.commands().setMode(mode), o -> {
            if (o.accepted()) {
                onAccepted.run();
            } else if (c.phase().isAirborne()) {
                c.warn("mode " + mode + " refused: " + o.result() + FlightStep.describe(o));
            } else {
                failOnGround("mode " + mode + " refused: " + o.result() + FlightStep.describe(o));
            }
        });
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

    /** Plans the return home from here and flies it; lands where it is when no return can be planned. */
    void startReturn() {
        quietly(c.ctx.commands().setRoiNone());
        String why = c.plan.replanReturn(c.here(), c.rec.elapsedS(c.ms()));
        if (why == null) {
            c.replace(new LegStep(this, c.plan.legPoints(Objects.requireNonNull(c.plan.inbound(), "planned")), false));
        } else {
            // a straight-line RTL can cross an exclusion zone: land where we are instead
            c.failsafeLand("no return route from here (" + why + ")");
        }
    }

    /** Sends without waiting for the answer; only a link failure (the link closed) matters, and fails the flight. */
    void quietly(CompletableFuture<?> f) {
        org.vigie.link.Futures.listen(f, (v, err) -> {
            if (err != null) {
                c.scheduler.execute(() -> {
                    if (!c.finished) {
                        c.fail(FlightOutcome.FAILED, "link failure during " + c.phase() + ": " + err);
                    }
                });
            }
        });
    }
}
