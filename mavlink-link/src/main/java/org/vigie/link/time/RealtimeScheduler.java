package org.vigie.link.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler backed by one daemon thread and the system clock, optionally running faster than real time.
 *
 * <p>With a speed-up factor {@code k}, scheduler time advances {@code k} seconds per wall-clock second and delays are
 * divided by {@code k}: a simulator and a companion that share one such scheduler fly a ten-minute flight in
 * {@code 600/k} seconds, with consistent timing between them.
 *
 * <p><b>Stalls at a speed-up.</b> Schedulers built on one shared {@link SpeedUpClock} (a simulator and a companion in
 * one process) hold their common clock through a stall of either event thread: when a task starts later than its due
 * time by more than a bound ({@link #DEFAULT_MAX_LATENESS} of scheduler time by default), the clock is held back by the
 * excess, as a lock-step simulation pauses its whole world. Without this, a 100 ms pause of a thread (the garbage
 * collector, another process on a loaded machine) is 5 s of scheduler time at a speed-up of 50: the simulated
 * autopilot falls silent for 5 s of its own time and the companion counts 5 s without a HEARTBEAT. A scheduler with a
 * clock of its own (the speed-up constructors) holds nothing by default: holding one side alone would let its clock
 * drift behind its peer's, which is worse. At speed-up 1 the clock is the wall clock.
 *
 * <p>Threading: all tasks run on the single thread named at construction. {@link #close()} stops it.
 */
public final class RealtimeScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeScheduler.class);

    /** Default lateness beyond which a shared {@link SpeedUpClock} holds (scheduler time). */
    public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMillis(500);

    private final ScheduledExecutorService executor;
    private final SpeedUpClock time;
    private volatile @Nullable Thread thread;

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
        this(threadName, speedUp, clock, null);
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
    public RealtimeScheduler(String threadName, double speedUp, Clock clock, @Nullable Duration maxLateness) {
        this(threadName, new SpeedUpClock(speedUp, clock, maxLateness));
    }

    /**
     * Creates a scheduler on a time base that other schedulers may share (a simulator and a companion in one process:
     * a stall of either event thread then holds both clocks, see {@link SpeedUpClock}).
     *
     * @param threadName name of the event thread
     * @param time       the time base
     */
    public RealtimeScheduler(String threadName, SpeedUpClock time) {
        this.time = Objects.requireNonNull(time, "time");
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
        return time.speedUp();
    }

    @Override
    public Instant now() {
        return time.now();
    }

    @Override
    public long nanoTime() {
        return time.nanoTime();
    }

    /**
     * Scheduler time the clock has been held back through stalls of the event thread (see the class comment).
     *
     * @return held scheduler time, zero at speed-up 1
     */
    public Duration held() {
        return time.held();
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
        return time.wallNanos(d);
    }

    private Runnable timed(long dueWallNanos, Runnable task) {
        return () -> {
            time.starting(dueWallNanos);
            guard(task).run();
        };
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
