package org.vigie.mission.flight.step;

import org.vigie.mission.FlightPhase;

/**
 * ARM: asks for the strategy's guided mode, then arms (up to {@code armAttempts} times, {@code armRetryDelay} apart,
 * as ArduCopter refuses while its sensors settle); each answer is awaited at most twice {@code modeConfirmTimeout}.
 * HEARTBEAT must then confirm both before the vehicle climbs (checked by {@link TakeoffStep}), without blocking the
 * next command on the 1 Hz HEARTBEAT.
 *
 * <p>Stages: MODE -&gt; ARMING -&gt; (RETRY_WAIT -&gt; ARMING)* -&gt; TAKEOFF entered.
 */
public final class ArmStep extends FlightStep {

    private enum Stage { MODE, ARMING, RETRY_WAIT }

    private Stage stage = Stage.MODE;
    private boolean waiting;
    private long deadlineMs;
    private int attempts;

    /** @param host the state machine */
    public ArmStep(StepHost host) {
        super(host);
    }

    @Override
    protected void step(long now) {
        long answerMs = host.cfg().modeConfirmTimeout().toMillis() * 2;
        String guided = host.strategy().guidedMode();
        if (waiting) {
            if (now > deadlineMs) {
                host.failOnGround("the autopilot did not answer " + (stage == Stage.MODE ? "the mode change to "
                        + guided : "the arming command") + " within " + host.cfg().modeConfirmTimeout().toSeconds() * 2
                        + " s");
            }
            return;
        }
        switch (stage) {
            case MODE -> {
                waiting = true;
                deadlineMs = now + answerMs;
                host.requestMode(guided, this, () -> {
                    stage = Stage.ARMING;
                    waiting = false;
                    kick();
                });
            }
            case ARMING -> {
                waiting = true;
                attempts++;
                deadlineMs = now + answerMs;
                await(host.ctx().commands().arm(), o -> {
                    waiting = false;
                    if (o.accepted()) {
                        host.enter(FlightPhase.TAKEOFF, "arming accepted in " + guided);
                    } else if (attempts < host.cfg().armAttempts()) {
                        host.warn("arming refused (" + o.result() + describe(o) + "), retrying");
                        stage = Stage.RETRY_WAIT;
                        deadlineMs = host.nowMs() + host.cfg().steps().armRetryDelay().toMillis();
                    } else {
                        host.failOnGround("the autopilot refused to arm " + attempts + " times: " + o.result()
                                + describe(o));
                    }
                });
            }
            case RETRY_WAIT -> {
                if (now >= deadlineMs) {
                    stage = Stage.ARMING;
                }
            }
        }
    }
}
