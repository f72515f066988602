package org.vigie.centre;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.vigie.link.Subscription;
import org.vigie.link.time.Scheduler;

/**
 * What the centre tells the world: every decision and agent action to the {@link CentreRecorder}, events to the
 * listeners (on the callback executor, one at a time, in order), and the counters behind {@link CentreStats}.
 * Recording and emitting run on the event thread; counters and {@link #stats()} on any thread. A failing recorder
 * is logged, never thrown.
 */
final class CentreLog {

    /** The counted things, one per {@link CentreStats} field. */
    enum Counter {
        ALERTS, OPENED, MERGED, REFUSED_INVALID, REFUSED_UNKNOWN_BUTTON, REFUSED_OUTSIDE, REFUSED_FLOOD, LAUNCHES,
        RETASKS, QUEUED, ON_SCENE, REFUSED, CANCELLED, DRONES_DOWN, AGENT_ACTIONS, AGENT_REFUSED
    }

    private final Scheduler scheduler;
    private final Executor callbacks;
    private final CentreRecorder recorder;
    private final String centreId;
    private final CopyOnWriteArrayList<Consumer<CentreEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Counter, AtomicLong> counters = new EnumMap<>(Counter.class);

    CentreLog(Scheduler scheduler, Executor callbacks, CentreRecorder recorder, String centreId) {
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.recorder = recorder;
        this.centreId = centreId;
        for (Counter c : Counter.values()) {
            counters.put(c, new AtomicLong());
        }
    }

    /** @return the centre's own identity, the actor of its own decisions */
    String centreId() {
        return centreId;
    }

    Subscription onEvent(Consumer<CentreEvent> listener) {
        return Subscription.register(listeners, listener);
    }

    /** Records a decision of the centre itself. */
    void record(CentreAction action, @Nullable String incidentId, int drone, String reason) {
        record(centreId, action, incidentId, drone, reason);
    }

    void record(String actor, CentreAction action, @Nullable String incidentId, int drone, String reason) {
        try {
            recorder.record(new CentreRecord(scheduler.now(), actor, action, incidentId, drone, reason));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DispatchCentre.class).error("the centre's recorder failed on {} {}: {}",
                    action, incidentId, e.toString());
        }
    }

    void changed(Incident inc) {
        if (!listeners.isEmpty()) {
            emit(new CentreEvent.IncidentChanged(inc.view()));
        }
    }

    void emit(CentreEvent e) {
        if (listeners.isEmpty()) {
            return;
        }
        callbacks.execute(() -> {
            for (Consumer<CentreEvent> l : listeners) {
                l.accept(e);
            }
        });
    }

    void count(Counter c) {
        Objects.requireNonNull(counters.get(c), "every counter is created").incrementAndGet();
    }

    CentreStats stats() {
        return new CentreStats(c(Counter.ALERTS), c(Counter.OPENED), c(Counter.MERGED), c(Counter.REFUSED_INVALID),
                c(Counter.REFUSED_UNKNOWN_BUTTON), c(Counter.REFUSED_OUTSIDE), c(Counter.REFUSED_FLOOD),
                c(Counter.LAUNCHES), c(Counter.RETASKS), c(Counter.QUEUED), c(Counter.ON_SCENE), c(Counter.REFUSED),
                c(Counter.CANCELLED), c(Counter.DRONES_DOWN), c(Counter.AGENT_ACTIONS), c(Counter.AGENT_REFUSED));
    }

    private long c(Counter c) {
        return Objects.requireNonNull(counters.get(c), "every counter is created").get();
    }
}
