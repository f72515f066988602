package org.vigie.mission.flight.step;

/**
 * Braking for a predicted breach (TRANSIT, ON_SCENE, RETURN): the state machine has asked the autopilot to hold where
 * it is; this step waits until the ground speed is below {@code brakeStoppedMps} or {@code brakeHold} has passed,
 * then asks the state machine to re-plan ({@link StepHost#brakeDone()}).
 */
public final class BrakeStep extends FlightStep {

    /** @param host the state machine */
    public BrakeStep(StepHost host) {
        super(host);
    }

    @Override
    protected void step(long now) {
        var legs = host.cfg().legs();
        if (host.telemetry().groundSpeedMps() < legs.brakeStoppedMps()
                || now - startedMs() > legs.brakeHold().toMillis()) {
            finish();
            host.brakeDone();
        }
    }
}
