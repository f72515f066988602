package org.vigie.mission.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * The telemetry stream a dispatch system subscribes to.
 *
 * <p>The mission layer calls {@link #update(TelemetrySample)} whenever it has fresh values (any rate, any thread) and
 * {@link #updateCameraView(CameraView)} from the metadata streamer. Each subscription has its own rate: every period
 * of the injected {@link Scheduler}, if a sample newer than the one it last got exists, the subscription's
 * {@link DroppingDispatcher} receives it (merged with the latest camera view). Samples in between are skipped (the
 * rate is the subscriber's), except the first sample of each new flight phase (and the stream's very first sample):
 * the last {@value #KEPT_TRANSITIONS} phase changes are kept, and a subscriber gets each one published after it
 * subscribed that it has not seen yet, before the latest sample, so a short
 * phase (ARM) or a failsafe's RETURN is never lost to the rate. Delivery runs on the executor given at subscription;
 * a full queue drops its oldest sample and counts it, so no consumer can block the flight.
 *
 * <p>Threading: the stream's state (latest sample, kept phase changes, each subscription's progress) lives on the
 * scheduler's event thread, with no locks: {@link #update} and {@link #subscribe} run at once when called on that
 * thread (the flight's, normally) and are posted to it otherwise; rate ticks run there. Every public method may be
 * called from any thread and never blocks; deliveries run on each subscription's executor.
 */
public final class TelemetryStream implements AutoCloseable {

    /** Phase changes kept for subscribers that have not seen them yet. */
    public static final int KEPT_TRANSITIONS = 16;

    private final Scheduler scheduler;
    /** Event thread: sequence number of the latest sample (0: none yet). */
    private long seq;
    /** Event thread. */
    private @Nullable TelemetrySample latest;
    /** Event thread: the first samples of the last phases, oldest first. */
    private final ArrayDeque<Numbered> transitions = new ArrayDeque<>();
    private final AtomicReference<CameraView> camera = new AtomicReference<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /**
     * Creates a stream.
     *
     * @param scheduler time source for subscription rates
     * @throws IllegalArgumentException if scheduler is null
     */
    public TelemetryStream(Scheduler scheduler) {
        if (scheduler == null) {
            throw new IllegalArgumentException("scheduler is null");
        }
        this.scheduler = scheduler;
    }

    /**
     * Publishes the latest sample; never blocks. On the event thread it takes effect at once, from another thread
     * once the event thread has run the posted update (in the order posted).
     *
     * @param sample the sample
     * @throws IllegalArgumentException if null
     */
    public void update(TelemetrySample sample) {
        if (sample == null) {
            throw new IllegalArgumentException("sample is null");
        }
        onEventThread(() -> publish(sample));
    }

    /** Event thread. */
    private void publish(TelemetrySample sample) {
        seq++;
        if (latest == null || !latest.flightPhase().equals(sample.flightPhase())) {
            transitions.addLast(new Numbered(seq, sample));
            if (transitions.size() > KEPT_TRANSITIONS) {
                transitions.removeFirst();
            }
        }
        latest = sample;
    }

    private void onEventThread(Runnable task) {
        if (scheduler.inEventThread()) {
            task.run();
        } else {
            scheduler.execute(task);
        }
    }

    private record Numbered(long seq, TelemetrySample sample) {
    }

    /**
     * Publishes the latest camera view, merged into samples that carry none; never blocks.
     *
     * @param view the view, or null when the camera stops
     */
    public void updateCameraView(@Nullable CameraView view) {
        camera.set(view);
    }

    /**
     * Subscribes a sink.
     *
     * @param name name for statistics and logs
     * @param sink the consumer
     * @param rateHz samples per second at most, in (0, 100]
     * @param executor runs deliveries (e.g. a single-thread executor owned by the caller)
     * @param queueCapacity samples that may wait before the oldest is dropped, 1 or more
     * @return the subscription, to read its statistics and to close it
     * @throws IllegalArgumentException on bad arguments
     */
    public Subscription subscribe(String name, TelemetrySink sink, double rateHz, Executor executor,
            int queueCapacity) {
        if (!(rateHz > 0 && rateHz <= 100)) {
            throw new IllegalArgumentException("telemetry rate " + rateHz + " Hz must be in (0, 100]");
        }
        if (sink == null) {
            throw new IllegalArgumentException("sink is null");
        }
        Subscription s = new Subscription(new DroppingDispatcher<>(name, sink::accept, executor, queueCapacity), sink);
        onEventThread(() -> s.lastSeq = seq);
        Duration period = Duration.ofNanos(Math.round(1e9 / rateHz));
        s.task = scheduler.scheduleAtFixedRate(period, period, s::tick);
        subscriptions.add(s);
        return s;
    }

    /** @return statistics of every open subscription */
    public List<DroppingDispatcher.Stats> stats() {
        return subscriptions.stream().map(s -> s.dispatcher.stats()).toList();
    }

    /** Closes every subscription and its sink. */
    @Override
    public void close() {
        for (Subscription s : subscriptions) {
            s.close();
        }
    }

    /** One subscriber: its rate, its queue, its sink. Thread-safe. */
    public final class Subscription implements AutoCloseable {
        private final DroppingDispatcher<TelemetrySample> dispatcher;
        private final TelemetrySink sink;
        private volatile @Nullable Cancellable task;
        /** Event thread: sequence number of the last sample handed over. */
        private long lastSeq;
        private @Nullable TelemetrySample lastSent;
        private @Nullable CameraView lastCamera;

        private Subscription(DroppingDispatcher<TelemetrySample> dispatcher, TelemetrySink sink) {
            this.dispatcher = dispatcher;
            this.sink = sink;
        }

        /** Event thread. */
        // identity on purpose: this very sample and camera view were already handed over
        @SuppressWarnings("ReferenceEquality")
        private void tick() {
            List<TelemetrySample> missed = null;
            TelemetrySample s = latest;
            long last = seq;
            for (Numbered n : transitions) {
                if (n.seq() > lastSeq && n.seq() < last) {
                    if (missed == null) {
                        missed = new ArrayList<>(2);
                    }
                    missed.add(n.sample());
                }
            }
            CameraView c = camera.get();
            if (missed != null) {
                for (TelemetrySample m : missed) {
                    dispatcher.accept(m.camera() == null && c != null ? m.withCamera(c) : m);
                }
            }
            lastSeq = last;
            if (s == null || (s == lastSent && c == lastCamera)) {
                return;
            }
            lastSent = s;
            lastCamera = c;
            dispatcher.accept(s.camera() == null && c != null ? s.withCamera(c) : s);
        }

        /** @return counters: offered, delivered, dropped, failed, queued */
        public DroppingDispatcher.Stats stats() {
            return dispatcher.stats();
        }

        /** Stops deliveries and closes the sink (idempotent). */
        @Override
        public void close() {
            Cancellable t = task;
            if (t != null) {
                t.cancel();
                task = null;
                subscriptions.remove(this);
                sink.close();
            }
        }
    }
}
