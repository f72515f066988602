package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Subscription;
import org.vigie.link.time.Scheduler;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.TrackPoint;

/**
 * The {@link FlightView} a controller hands out: volatile copies of the phase and the request, the recorder's route
 * snapshot, and the observers (event thread).
 */
final class LiveFlight implements FlightView {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFlight.class);

    private final Scheduler scheduler;
    private final VehicleTelemetry telemetry;
    private final FlightRecorder recorder;
    private final List<Consumer<FlightView>> tickObservers = new ArrayList<>();
    private volatile FlightPhase phase = FlightPhase.PREFLIGHT;
    private volatile DispatchRequest request;
    private boolean ended;

    LiveFlight(Scheduler scheduler, VehicleTelemetry telemetry, FlightRecorder recorder, DispatchRequest request) {
        this.scheduler = scheduler;
        this.telemetry = telemetry;
        this.recorder = recorder;
        this.request = request;
    }

    @Override
    public FlightPhase phase() {
        return phase;
    }

    @Override
    public DispatchRequest request() {
        return request;
    }

    @Override
    public List<List<TrackPoint>> plannedRoutes() {
        return recorder.plannedRoutes();
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public VehicleTelemetry telemetry() {
        return telemetry;
    }

    @Override
    public void addTickObserver(Consumer<FlightView> observer) {
        scheduler.execute(() -> tickObservers.add(observer));
    }

    @Override
    public void addTelemetryObserver(Consumer<FlightView> observer) {
        scheduler.execute(() -> {
            if (ended) {
                return;
            }
            Subscription[] sub = new Subscription[1];
            sub[0] = telemetry.onAttitude(() -> {
                if (ended) {
                    sub[0].close();
                    return;
                }
                notify(observer, "telemetry");
            });
        });
    }

    /** Event thread: publishes the phase. */
    void phase(FlightPhase p) {
        phase = p;
    }

    /** Event thread: publishes the request. */
    void request(DispatchRequest r) {
        request = r;
    }

    /** Event thread: the flight has ended; observers are no longer called. */
    void end() {
        ended = true;
    }

    /** Event thread: one decision tick. */
    void tick() {
        for (Consumer<FlightView> o : tickObservers) {
            notify(o, "tick");
        }
    }

    private void notify(Consumer<FlightView> o, String kind) {
        try {
            o.accept(this);
        } catch (RuntimeException e) {
            LOG.warn("{} observer failed: {}", kind, e.toString());
        }
    }
}
