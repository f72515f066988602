package org.vigie.mission.flight.step;

import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.flight.FlavourStrategy;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.FlightContext;
import org.vigie.mission.flight.FlightPlan;
import org.vigie.mission.flight.VehicleTelemetry;

/**
 * What a {@link FlightStep} may see and ask of the flight's state machine. A step never changes the phase itself: it
 * asks ({@link #enter}, {@link #fail}, {@link #failsafeLand}...) and the state machine decides, following
 * {@link FlightPhase}'s transition table. Implemented by the flight controller; event thread only.
 */
public interface StepHost {

    /** @return the companion's shared context (services, district, planner, energy, config) */
    FlightContext ctx();

    /** @return the flight's tunables */
    /** @return the companion's attach-time readiness, null when the flight runs without one */
    default org.vigie.mission.flight.@org.jspecify.annotations.Nullable Readiness readiness() {
        return null;
    }

    /** @return the flight's tunables */
    default FlightConfig cfg() {
        return ctx().config();
    }

    /** @return the telemetry the flight decides from */
    default VehicleTelemetry telemetry() {
        return ctx().telemetry();
    }

    /** @return the autopilot's strategy, null before the autopilot was heard */
    @Nullable FlavourStrategy strategy();

    /** @return the flight's plan (routes, budget, fence for the autopilot) */
    FlightPlan plan();

    /** @return the current phase */
    FlightPhase phase();

    /** @return when the current phase was entered, flight clock milliseconds */
    long phaseEnteredMs();

    /** Braking for a predicted breach has ended: the state machine re-plans from here. */
    void brakeDone();

    /** @return the dispatch flown now */
    DispatchRequest request();

    /** @return the flight's monotonic clock, milliseconds */
    long nowMs();

    /** @param task runs later on the event thread */
    void execute(Runnable task);

    /**
     * Runs a task on the event thread after a delay (a step's deadline or retry timer); a task that throws fails the
     * flight.
     *
     * @param delayMs the delay, flight clock milliseconds (&gt;= 0)
     * @param task    what to run
     * @return a handle that cancels it
     */
    org.vigie.link.time.Cancellable schedule(long delayMs, Runnable task);

    /**
     * Runs {@code step} again soon (after an asynchronous result), on the event thread, if it is still the current
     * step and the flight is in command.
     *
     * @param step the step asking
     */
    void kick(FlightStep step);

    /**
     * Replaces the finished current step with the next one of the same phase, which runs soon.
     *
     * @param next the next step
     */
    void then(FlightStep next);

    /**
     * Asks for a phase change (the state machine builds the new phase's first step).
     *
     * @param to     the next phase
     * @param reason why, for the events and the report
     */
    void enter(FlightPhase to, String reason);

    /**
     * Ends the flight (in the air: lands where it is instead).
     *
     * @param outcome FAILED, ABORTED or REFUSED
     * @param reason  why
     */
    void fail(FlightOutcome outcome, String reason);

    /** @param reason why the flight ends on the ground (disarming first when armed) */
    void failOnGround(String reason);

    /** @param reason why the flight lands where it is */
    void failsafeLand(String reason);

    /** @param reason the vehicle is landed and disarmed at the end of LAND: the state machine ends the flight */
    void landed(String reason);

    /** @param message a warning for the events and the log */
    void warn(String message);

    /**
     * Asks the autopilot for a flight mode; HEARTBEAT must confirm it later. A refusal on the ground ends the flight,
     * in the air it is a warning.
     *
     * @param mode       the mode name
     * @param owner      the step asking (its result is dropped once it has finished)
     * @param onAccepted runs on the event thread when the command is accepted
     */
    void requestMode(String mode, FlightStep owner, Runnable onAccepted);

    /** @return whether the dispatcher released the flight since the last call (the flag is consumed) */
    boolean takeRelease();

    /** @return whether HEARTBEAT has shown the mode asked for last */
    boolean modeConfirmed();

    /** @return whether the dispatch link is lost now */
    boolean dispatchLost();

    /** @return the current position (altitude above home); the district home before any position */
    GeoPoint here();

    /** @return the current target (ground level) */
    default GeoPoint target() {
        return new GeoPoint(request().targetLatDeg(), request().targetLonDeg(), 0);
    }

    /**
     * @param a a point
     * @param b another
     * @return horizontal distance in the district's local frame, metres
     */
    double horizontalM(GeoPoint a, GeoPoint b);
}
