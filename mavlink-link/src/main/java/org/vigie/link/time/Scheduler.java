package org.vigie.link.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The only source of time and the single event thread of a component (a link, a simulated vehicle, a flight).
 *
 * <p>Nothing in Vigie reads the wall clock directly: every timeout, retry, heartbeat and physics step is expressed
 * through a scheduler. Production code uses {@link RealtimeScheduler}; tests use {@link ManualScheduler} and drive
 * time explicitly, so that a ten-minute flight runs in milliseconds with no sleeps and the exact frames sent can be
 * asserted.
 *
 * <p>Threading contract: every task given to {@link #execute}, {@link #schedule} or {@link #scheduleAtFixedRate}
 * runs on the scheduler's single event thread, one at a time, in due-time order (ties in submission order). State
 * touched only from such tasks needs no locks. All methods may be called from any thread.
 */
public interface Scheduler {

    /**
     * Current time of this scheduler, as UTC instant. For a {@link ManualScheduler} this is virtual time; for a
     * {@link RealtimeScheduler} with a speed-up factor it runs faster than the wall clock.
     *
     * @return the current instant, never null
     */
    Instant now();

    /**
     * Monotonic time in nanoseconds, for measuring durations. Only differences are meaningful.
     *
     * @return nanoseconds on this scheduler's monotonic clock
     */
    long nanoTime();

    /**
     * Milliseconds elapsed on this scheduler's monotonic clock since an arbitrary origin fixed at construction.
     *
     * @return milliseconds, never negative
     */
    default long monotonicMs() {
        return nanoTime() / 1_000_000L;
    }

    /**
     * Runs a task on the event thread as soon as possible (after tasks already due).
     *
     * @param task the task; exceptions it throws are logged and do not stop the scheduler
     * @throws NullPointerException if task is null
     */
    void execute(Runnable task);

    /**
     * Runs a task once after a delay (scheduler time).
     *
     * @param delay delay, zero or positive (negative is treated as zero)
     * @param task the task
     * @return a handle to cancel it
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Runs a task repeatedly, first after {@code initialDelay}, then every {@code period} (scheduler time).
     *
     * @param initialDelay delay before the first run, zero or positive
     * @param period period between runs, strictly positive
     * @param task the task
     * @return a handle to stop it
     * @throws IllegalArgumentException if period is not positive
     */
    Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /**
     * Whether the calling thread is this scheduler's event thread. For a {@link ManualScheduler}, true while it
     * runs tasks inside {@code advance} and also for the thread driving it.
     *
     * @return true on the event thread
     */
    boolean inEventThread();
}
