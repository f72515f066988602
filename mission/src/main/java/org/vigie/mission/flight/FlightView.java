package org.vigie.mission.flight;

import java.util.List;
import java.util.function.Consumer;
import org.vigie.link.time.Scheduler;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.TrackPoint;

/**
 * A read-only view of one flight for observers (KLV, telemetry streams, gimbal steering): its phase, the dispatch
 * flown, the planned routes, the autopilot's telemetry and the flight's clock. It cannot command the flight.
 *
 * <p>Threading: {@link #phase()}, {@link #request()} and {@link #plannedRoutes()} are safe from any thread (volatile
 * or immutable snapshots); {@link #telemetry()} is for the event thread only, i.e. inside the observers registered
 * here or tasks posted to {@link #scheduler()}. Observers run on the event thread and must not block.
 */
public interface FlightView {

    /** @return the current phase (any thread) */
    FlightPhase phase();

    /** @return the dispatch flown now (changes on retask; any thread) */
    DispatchRequest request();

    /** @return the planned routes so far, oldest first, each with expected times (immutable; any thread) */
    List<List<TrackPoint>> plannedRoutes();

    /** @return the scheduler the flight runs on (its clock is the flight's time, its thread the event thread) */
    Scheduler scheduler();

    /** @return the autopilot's telemetry as the flight sees it (event thread only) */
    VehicleTelemetry telemetry();

    /**
     * Adds an observer called on the event thread at every decision tick while the flight runs.
     *
     * @param observer receives this view; must not block
     */
    void addTickObserver(Consumer<FlightView> observer);

    /**
     * Adds an observer called on the event thread after each ATTITUDE message while the flight runs (10 Hz: for KLV
     * metadata, which must follow the attitude closely).
     *
     * @param observer receives this view; must not block
     */
    void addTelemetryObserver(Consumer<FlightView> observer);
}
