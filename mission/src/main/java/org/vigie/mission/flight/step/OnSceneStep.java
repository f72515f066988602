package org.vigie.mission.flight.step;

import org.vigie.dispatch.FlightPhase;

/**
 * ON_SCENE: points the camera's region of interest at the target and holds for the dispatch's on-scene time, then
 * (or when the dispatcher releases the flight) enters RETURN. The hold is the autopilot's: the last leg's position.
 */
public final class OnSceneStep extends FlightStep {

    private boolean pointed;
    private long untilMs;

    /** @param host the state machine */
    public OnSceneStep(StepHost host) {
        super(host);
    }

    /** @return when the on-scene time ends, flight clock milliseconds (0 before the step started) */
    public long untilMs() {
        return untilMs;
    }

    @Override
    protected void step(long now) {
        if (!pointed) {
            pointed = true;
            untilMs = now + host.request().onSceneTime().toMillis();
            timerAt(untilMs, () -> host.enter(FlightPhase.RETURN, "on-scene time of "
                    + host.request().onSceneTime().toSeconds() + " s done"
                    + (host.dispatchLost() ? " (dispatch link lost)" : "")));
            var tg = host.target();
            await(host.ctx().commands().setRoiLocation(tg.latDeg(), tg.lonDeg(), 0, true), o -> {
                if (!o.accepted()) {
                    host.warn("camera region of interest refused: " + o.result());
                }
            });
            return;
        }
        if (host.takeRelease()) {
            host.enter(FlightPhase.RETURN, "released by the dispatcher");
        }
    }
}
