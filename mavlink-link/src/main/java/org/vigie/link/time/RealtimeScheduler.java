package org.vigie.link.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler backed by one daemon thread and the system clock, optionally running faster than real time.
 *
 * <p>With a speed-up factor {@code k}, scheduler time advances {@code k} seconds per wall-clock second and delays are
 * divided by {@code k}: a simulator and a companion that share one such scheduler fly a ten-minute flight in
 * {@code 600/k} seconds, with consistent timing between them.
 *
 * <p><b>Stalls at a speed-up.</b> At a speed-up the clock does not run through a stall of the event thread: when a
 * task starts later than its due time by more than {@code maxLateness} (scheduler time; default
 * {@link #DEFAULT_MAX_LATENESS} when the speed-up is above 1, none at 1), the clock is held back by the excess, as a
 * lock-step simulator holds its time while it is not running. Without this, a 100 ms pause of the thread (the garbage
 * collector, another process on a loaded machine) would be 5 s of scheduler time at a speed-up of 50: the simulated
 * autopilot would fall silent for 5 s of its own time and the companion would count 5 s without a HEARTBEAT. Each
 * stall is counted once. At speed-up 1 nothing is held: the clock is the wall clock.
 *
 * <p>Threading: all tasks run on the single thread named at construction. {@link #close()} stops it.
 */
public final class RealtimeScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeScheduler.class);

    /** Default lateness beyond which the clock holds, at a speed-up above 1 (scheduler time). */
    public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMillis(500);

    private final ScheduledExecutorService executor;
    private final double speedUp;
    private final Instant startInstant;
    private final long startNanos;
    private final long maxLatenessWallNanos;
    private volatile Thread thread;
    private volatile long heldWallNanos;
    private final AtomicLong latestNanos = new AtomicLong();
    private long heldUntilWallNanos;

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
        this(threadName, speedUp, clock, speedUp > 1.0 ? DEFAULT_MAX_LATENESS : null);
    }

    /**
     * Creates a scheduler with an explicit stall bound (see the class comment).
     *
     * @param threadName  name of the event thread
     * @param speedUp     how many scheduler seconds pass per wall-clock second, in [1, 1000]
     * @param clock       the wall clock read once at construction to anchor {@link #now()}
     * @param maxLateness lateness of a task beyond which the clock holds (scheduler time), or null never to hold
     * @throws IllegalArgumentException if speedUp is out of range or maxLateness is negative
     */
    public RealtimeScheduler(String threadName, double speedUp, Clock clock, Duration maxLateness) {
        if (maxLateness != null && maxLateness.isNegative()) {
            throw new IllegalArgumentException("maxLateness must not be negative, was " + maxLateness);
        }
        this.maxLatenessWallNanos = maxLateness == null ? Long.MAX_VALUE : (long) (maxLateness.toNanos() / speedUp);
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
        long t = (long) ((System.nanoTime() - startNanos - heldWallNanos) * speedUp);
        if (maxLatenessWallNanos == Long.MAX_VALUE) {
            return t;
        }
        // another thread may read the wall clock just before the event thread holds it: never go back
        return latestNanos.accumulateAndGet(t, Math::max);
    }

    /**
     * Scheduler time the clock has been held back through stalls of the event thread (see the class comment).
     *
     * @return held scheduler time, zero at speed-up 1
     */
    public Duration held() {
        return Duration.ofNanos((long) (heldWallNanos * speedUp));
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        executor.execute(timed(System.nanoTime(), task));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long wall = wallNanos(delay);
        ScheduledFuture<?> f = executor.schedule(timed(System.nanoTime() + wall, task), wall, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        long first = System.nanoTime() + wallNanos(initialDelay);
        long periodWall = Math.max(1, wallNanos(period));
        long[] runs = {0};
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(() -> timed(first + periodWall * runs[0]++, task).run(),
                wallNanos(initialDelay), periodWall, TimeUnit.NANOSECONDS);
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

    private Runnable timed(long dueWallNanos, Runnable task) {
        return () -> {
            holdThroughStall(dueWallNanos);
            guard(task).run();
        };
    }

    /** Event thread: a task due at {@code dueWallNanos} starts now; hold the clock by the stall not yet counted. */
    private void holdThroughStall(long dueWallNanos) {
        if (maxLatenessWallNanos == Long.MAX_VALUE) {
            return;
        }
        long nowWall = System.nanoTime();
        long stallFrom = Math.max(dueWallNanos + maxLatenessWallNanos, heldUntilWallNanos);
        if (nowWall > stallFrom) {
            heldWallNanos += nowWall - stallFrom;
            heldUntilWallNanos = nowWall;
        }
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
