package org.vigie.mission.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * The telemetry stream a dispatch system subscribes to.
 *
 * <p>The mission layer calls {@link #update(TelemetrySample)} whenever it has fresh values (any rate, any thread) and
 * {@link #updateCameraView(CameraView)} from the metadata streamer. Each subscription has its own rate: every period
 * of the injected {@link Scheduler}, if a sample newer than the one it last got exists, the subscription's
 * {@link DroppingDispatcher} receives it (merged with the latest camera view). Delivery runs on the executor given at
 * subscription; a full queue drops its oldest sample and counts it, so no consumer can block the flight.
 *
 * <p>Threading: every public method is thread-safe.
 */
public final class TelemetryStream implements AutoCloseable {

    private final Scheduler scheduler;
    private final AtomicReference<TelemetrySample> latest = new AtomicReference<>();
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
     * Publishes the latest sample; never blocks.
     *
     * @param sample the sample
     * @throws IllegalArgumentException if null
     */
    public void update(TelemetrySample sample) {
        if (sample == null) {
            throw new IllegalArgumentException("sample is null");
        }
        latest.set(sample);
    }

    /**
     * Publishes the latest camera view, merged into samples that carry none; never blocks.
     *
     * @param view the view, or null when the camera stops
     */
    public void updateCameraView(CameraView view) {
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
        private volatile Cancellable task;
        private TelemetrySample lastSent;
        private CameraView lastCamera;

        private Subscription(DroppingDispatcher<TelemetrySample> dispatcher, TelemetrySink sink) {
            this.dispatcher = dispatcher;
            this.sink = sink;
        }

        private void tick() {
            TelemetrySample s = latest.get();
            CameraView c = camera.get();
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
