package org.vigie.link.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler backed by one daemon thread and the system clock, optionally running faster than real time.
 *
 * <p>With a speed-up factor {@code k}, scheduler time advances {@code k} seconds per wall-clock second and delays are
 * divided by {@code k}: a simulator and a companion that share one such scheduler fly a ten-minute flight in
 * {@code 600/k} seconds, with consistent timing between them.
 *
 * <p>Threading: all tasks run on the single thread named at construction. {@link #close()} stops it.
 */
public final class RealtimeScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeScheduler.class);

    private final ScheduledExecutorService executor;
    private final double speedUp;
    private final Instant startInstant;
    private final long startNanos;
    private volatile Thread thread;

    /**
     * Creates a real-time scheduler (speed-up 1).
     *
     * @param threadName name of the event thread
     */
    public RealtimeScheduler(String threadName) {
        this(threadName, 1.0, Clock.systemUTC());
    }

    /**
     * Creates a scheduler.
     *
     * @param threadName name of the event thread
     * @param speedUp how many scheduler seconds pass per wall-clock second, in [1, 1000]
     * @param clock the wall clock read once at construction to anchor {@link #now()}
     * @throws IllegalArgumentException if speedUp is out of range
     */
    public RealtimeScheduler(String threadName, double speedUp, Clock clock) {
        if (!(speedUp >= 1.0 && speedUp <= 1000.0)) {
            throw new IllegalArgumentException("speedUp must be in [1, 1000], was " + speedUp);
        }
        this.speedUp = speedUp;
        this.startInstant = clock.instant();
        this.startNanos = System.nanoTime();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, Objects.requireNonNull(threadName, "threadName"));
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /**
     * The speed-up factor.
     *
     * @return scheduler seconds per wall-clock second
     */
    public double speedUp() {
        return speedUp;
    }

    @Override
    public Instant now() {
        return startInstant.plusNanos(nanoTime());
    }

    @Override
    public long nanoTime() {
        return (long) ((System.nanoTime() - startNanos) * speedUp);
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        executor.execute(guard(task));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        ScheduledFuture<?> f = executor.schedule(guard(task), wallNanos(delay), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(guard(task), wallNanos(initialDelay),
                Math.max(1, wallNanos(period)), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public boolean inEventThread() {
        return Thread.currentThread() == thread;
    }

    /** Stops the event thread; queued tasks are discarded. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private long wallNanos(Duration d) {
        return Math.max(0, (long) (d.toNanos() / speedUp));
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("task failed on event thread", e);
            }
        };
    }
}
