package org.vigie.mission.flight.step;

import java.util.Objects;
import org.vigie.dispatch.FlightPhase;

/**
 * ARM: asks for the strategy's guided mode, then arms (up to {@code armAttempts} times, {@code armRetryDelay} apart,
 * as ArduCopter refuses while its sensors settle); each answer is awaited at most twice {@code modeConfirmTimeout}.
 * HEARTBEAT must then confirm both before the vehicle climbs (checked by {@link TakeoffStep}), without blocking the
 * next command on the 1 Hz HEARTBEAT. Driven by events only: the answers, the answer deadline and the retry wait are
 * timers of this step.
 *
 * <p>Stages: MODE -&gt; ARMING -&gt; (RETRY_WAIT -&gt; ARMING)* -&gt; TAKEOFF entered.
 */
public final class ArmStep extends FlightStep {

    private enum Stage { MODE, ARMING, RETRY_WAIT }

    private Stage stage = Stage.MODE;
    private boolean waiting;
    private int attempts;

    /** @param host the state machine */
    public ArmStep(StepHost host) {
        super(host);
    }

    @Override
    protected void step(long now) {
        if (waiting) {
            return;
        }
        long answerMs = host.cfg().modeConfirmTimeout().toMillis() * 2;
        String guided = Objects.requireNonNull(host.strategy(), "the autopilot was heard").guidedMode();
        switch (stage) {
            case MODE -> {
                waiting = true;
                timerAt(now + answerMs, () -> noAnswer("the mode change to " + guided));
                host.requestMode(guided, this, () -> {
                    cancelTimer();
                    stage = Stage.ARMING;
                    waiting = false;
                    kick();
                });
            }
            case ARMING -> {
                waiting = true;
                attempts++;
                timerAt(now + answerMs, () -> noAnswer("the arming command"));
                await(host.ctx().commands().arm(), o -> {
                    cancelTimer();
                    waiting = false;
                    if (o.accepted()) {
                        host.enter(FlightPhase.TAKEOFF, "arming accepted in " + guided);
                    } else if (attempts < host.cfg().armAttempts()) {
                        host.warn("arming refused (" + o.result() + describe(o) + "), retrying");
                        stage = Stage.RETRY_WAIT;
                        timerAt(host.nowMs() + host.cfg().steps().armRetryDelay().toMillis(), () -> {
                            stage = Stage.ARMING;
                            kick();
                        });
                    } else {
                        host.failOnGround("the autopilot refused to arm " + attempts + " times: " + o.result()
                                + describe(o));
                    }
                });
            }
            case RETRY_WAIT -> {
                // the retry timer moves on
            }
        }
    }

    private void noAnswer(String what) {
        host.failOnGround("the autopilot did not answer " + what + " within "
                + host.cfg().modeConfirmTimeout().toSeconds() * 2 + " s");
    }
}
