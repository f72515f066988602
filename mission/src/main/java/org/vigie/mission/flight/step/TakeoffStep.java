package org.vigie.mission.flight.step;

import java.util.Locale;
import java.util.Objects;
import org.vigie.link.command.CommandResult;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.VehicleTelemetry;

/**
 * TAKEOFF: sends the strategy's take-off to the profile's minimum height before moving horizontally (at most the
 * transit altitude: {@link org.vigie.mission.flight.AircraftProfile#takeoffHeightM}; the first leg climbs the rest
 * while moving) (again when unanswered, up to
 * {@code takeoffAttempts} sends), then waits for HEARTBEAT to show the vehicle armed in the guided mode (within
 * {@code modeConfirmTimeout} of entering the phase) and for the altitude; enters TRANSIT at that height,
 * lands when the climb misses its deadline.
 *
 * <p>Stages: SEND -&gt; CLIMBING.
 */
public final class TakeoffStep extends FlightStep {

    /** MAV_LANDED_STATE_TAKEOFF. */
    private static final int MAV_LANDED_STATE_TAKEOFF = 3;

    private enum Stage { SEND, CLIMBING }

    /** ArduCopter's arming delay (2 s) and spool-up (1 s) with a margin: a first take-off shows by then. */
    private static final long RESEND_GRACE_MS = 5000;

    private Stage stage = Stage.SEND;
    private boolean waiting;
    private long deadlineMs;
    private int attempts;
    /** When a resent take-off was refused before telemetry showed the first under way (0: not pending). */
    private long refusedAfterResendMs;

    /** @param host the state machine */
    public TakeoffStep(StepHost host) {
        super(host);
    }

    /** {@inheritDoc} <p>Yes: it judges on position and altitude. */
    @Override
    public boolean reactsToPosition() {
        return true;
    }

    @Override
    protected void step(long now) {
        VehicleTelemetry t = host.telemetry();
        FlightConfig.Steps cfg = host.cfg().steps();
        double alt = host.cfg().profile().takeoffHeightM(host.ctx().district().transitAltitudeRelM());
        if (stage == Stage.SEND) {
            stage = Stage.CLIMBING;
            waiting = true;
            deadlineMs = now + (long) ((alt / host.cfg().climbRateMps()) * (cfg.takeoffTimeFactor() * 1000))
                    + cfg.takeoffDeadlineSlack().toMillis();
            await(Objects.requireNonNull(host.strategy(), "the autopilot was heard")
                    .takeoff(host.ctx().commands(), alt, t.homeAmslM()), o -> {
                waiting = false;
                if (o.result() == CommandResult.TIMEOUT && ++attempts < cfg.takeoffAttempts()) {
                    stage = Stage.SEND;
                } else if (!o.accepted()) {
                    if ((attempts > 0 || o.attempts() > 1) && !underway(t, cfg)) {
                        // a resend (an ACK was lost) refused while the first send is still in ArduCopter's arming
                        // delay and spool-up: judged on telemetry a few seconds later, not at once
                        refusedAfterResendMs = host.nowMs();
                        host.warn("take-off resend answered " + o.result() + "; waiting for telemetry to show the"
                                + " first send under way");
                    } else if (underway(t, cfg)) {
                        // an earlier send took effect and its ACK was lost: a resend finds the vehicle off the ground
                        host.warn("take-off answered " + o.result() + " but telemetry shows it under way (at "
                                + fmt(t.altitudeRelM()) + " m, landed state " + t.landedState() + ")");
                    } else {
                        host.failOnGround("take-off refused: " + o.result() + describe(o));
                    }
                }
            });
            return;
        }
        String guided = Objects.requireNonNull(host.strategy(), "the autopilot was heard").guidedMode();
        if (!host.modeConfirmed() || !t.armed()) {
            long sinceEntered = now - host.phaseEnteredMs();
            if (sinceEntered > host.cfg().modeConfirmTimeout().toMillis()) {
                String seen = "HEARTBEAT shows " + t.modeName() + (t.armed() ? ", armed" : ", disarmed");
                if (t.altitudeRelM() > cfg.airborneAltitudeM()) {
                    host.failsafeLand(seen + ", not armed in " + guided);
                } else {
                    host.failOnGround(seen + " " + sinceEntered / 1000.0 + " s after arming, not armed in " + guided);
                }
            }
            return;
        }
        if (waiting) {
            return;
        }
        if (refusedAfterResendMs > 0) {
            if (underway(t, cfg)) {
                refusedAfterResendMs = 0;
            } else if (now - refusedAfterResendMs > RESEND_GRACE_MS) {
                host.failOnGround("take-off refused (" + RESEND_GRACE_MS / 1000 + " s later still not under way)");
                return;
            } else {
                return;
            }
        }
        boolean settled = t.altitudeRelM() >= alt - cfg.takeoffSettledToleranceM()
                && Math.abs(t.velUpMps()) < cfg.settledClimbRateMps();
        if (t.altitudeRelM() >= alt - cfg.takeoffReachedToleranceM() || settled) {
            var plan = host.plan();
            host.enter(FlightPhase.TRANSIT, String.format(Locale.ROOT, "at %.1f m, flying %d legs (%.0f m) to the scene",
                    t.altitudeRelM(), plan.legPoints(Objects.requireNonNull(plan.outbound(), "planned")).size(),
                    Objects.requireNonNull(plan.outbound(), "planned").horizontalLengthM()));
        } else if (now > deadlineMs) {
            host.failsafeLand("take-off did not reach " + alt + " m in time (at " + fmt(t.altitudeRelM()) + " m)");
        }
    }

    /** @return whether telemetry shows the vehicle armed and taking off (landed state TAKEOFF, or climbing, or up) */
    private static boolean underway(VehicleTelemetry t, FlightConfig.Steps cfg) {
        return t.armed() && (t.landedState() == MAV_LANDED_STATE_TAKEOFF || t.velUpMps() > cfg.takeoffUnderwayClimbRateMps()
                || t.altitudeRelM() > cfg.takeoffUnderwayAltitudeM());
    }
}
