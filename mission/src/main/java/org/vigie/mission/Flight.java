package org.vigie.mission;

import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.vigie.mission.flight.FlightController;
import org.vigie.mission.flight.FlightSink;

/**
 * The handle a dispatch returns: the flight's current phase, its events, retask / cancel / release, and the report.
 *
 * <p>Threading: every method is thread-safe and returns at once. Listeners are called on the link's callback executor,
 * one event at a time, in order, never on the link's event thread, so they may call back into the library.
 * {@link #report()} completes exactly once, on the callback executor, when the flight reaches DONE, ABORTED or FAILED.
 */
public final class Flight {

    private final DispatchRequest firstRequest;
    private final @Nullable FlightController controller;
    private final Executor callbacks;
    private final List<Consumer<FlightEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Appended on the event thread only (one writer), read from any thread: a lock-free queue keeps the order. */
    private final ConcurrentLinkedQueue<FlightEvent> history = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CompletableFuture<FlightReport> report = new CompletableFuture<>();
    private volatile FlightPhase phase = FlightPhase.PREFLIGHT;

    Flight(DispatchRequest request,
           java.util.function.@Nullable Function<FlightSink, FlightController> controllerFactory,
           Executor callbacks) {
        this.firstRequest = Objects.requireNonNull(request, "request");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.controller = controllerFactory == null ? null : controllerFactory.apply(new Sink());
    }

    /**
     * A flight refused before it started: already terminal (ABORTED) with outcome REFUSED and the reason.
     */
    static Flight refused(DispatchRequest request, FlightReport report, FlightEvent.PhaseChanged event,
                          Executor callbacks) {
        Flight f = new Flight(request, null, callbacks);
        f.phase = FlightPhase.ABORTED;
        f.history.add(event);
        f.report.complete(report);
        return f;
    }

    private final class Sink implements FlightSink {
        @Override
        public void event(FlightEvent event) {
            if (event instanceof FlightEvent.PhaseChanged pc) {
                phase = pc.to();
            }
            history.add(event);
            post(() -> {
                for (Consumer<FlightEvent> l : listeners) {
                    try {
                        l.accept(event);
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(Flight.class).warn("flight listener failed", e);
                    }
                }
            });
        }

        @Override
        public void finished(FlightReport r) {
            phase = r.finalPhase();
            post(() -> report.complete(r));
        }
    }

    private void post(Runnable r) {
        queue.add(r);
        drain();
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        callbacks.execute(() -> {
            try {
                Runnable r;
                while ((r = queue.poll()) != null) {
                    r.run();
                }
            } finally {
                draining.set(false);
                if (!queue.isEmpty()) {
                    drain();
                }
            }
        });
    }

    /** @return the phase as last reported (terminal once the report is complete) */
    public FlightPhase phase() {
        return phase;
    }

    /** @return the dispatch that started this flight */
    public DispatchRequest request() {
        return firstRequest;
    }

    /** @return the dispatch currently flown (differs from {@link #request()} after a retask) */
    public DispatchRequest currentRequest() {
        return controller == null ? firstRequest : controller.view().request();
    }

    /**
     * Adds a listener for the events from now on (see {@link #events()} for the past ones).
     *
     * @param listener called on the callback executor, in order
     */
    public void addListener(Consumer<FlightEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @return every event so far, in order (a snapshot) */
    public List<FlightEvent> events() {
        return List.copyOf(history);
    }

    /**
     * Retasks the flight to a new dispatch (re-planned from where the drone is).
     *
     * @param newRequest the new dispatch
     * @return the decision; a refusal carries its reason
     */
    public CompletableFuture<RetaskDecision> retask(DispatchRequest newRequest) {
        if (controller == null) {
            return CompletableFuture.completedFuture(new RetaskDecision(false, "this dispatch was refused"));
        }
        return onCallbacks(controller.retask(newRequest));
    }

    /**
     * Cancels: before take-off the flight ends ABORTED; in the air the drone returns home now along a planned route.
     *
     * @return a sentence saying what was done
     */
    public CompletableFuture<String> cancel() {
        if (controller == null) {
            return CompletableFuture.completedFuture("this dispatch was refused; nothing to cancel");
        }
        return onCallbacks(controller.cancel());
    }

    /** Ends the on-scene time now: the drone returns home. */
    public void release() {
        if (controller != null) {
            controller.release();
        }
    }

    /** @return the report, completed once when the flight ends */
    public CompletableFuture<FlightReport> report() {
        return report;
    }

    /** @return the controller (for this package: start, dispatch-link watch), null for a refused dispatch */
    @Nullable FlightController controller() {
        return controller;
    }

    /**
     * The read-only view of the flight for observers (streaming, gimbal steering).
     *
     * @return the view, empty for a refused dispatch
     */
    public java.util.Optional<org.vigie.mission.flight.FlightView> view() {
        return controller == null ? java.util.Optional.empty() : java.util.Optional.of(controller.view());
    }

    private <T> CompletableFuture<T> onCallbacks(CompletableFuture<T> f) {
        CompletableFuture<T> out = new CompletableFuture<>();
        org.vigie.link.Futures.listen(f, (v, e) -> callbacks.execute(() -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(v);
            }
        }));
        return out;
    }
}
