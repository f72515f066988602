package org.vigie.link.work;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.vigie.link.MavlinkPort;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * One unit of protocol work in a {@link WorkQueue} (after MAVSDK's mission-transfer work items): queued, then
 * started at most once, then finished exactly once. It carries its own step timer (one deadline armed at a time) and
 * its retry count; the service's subclass adds its step enum and its data.
 *
 * <p>Threading: used only on the owning service's event thread; no locks.
 */
public abstract class WorkItem {

    private @Nullable Cancellable timer;
    private boolean started;
    private boolean finished;
    private int retries;

    /** @return whether the queue has started this item */
    public final boolean started() {
        return started;
    }

    /** @return whether the item has finished (it never runs again) */
    public final boolean finished() {
        return finished;
    }

    /** @return retries counted so far (as the service counts them: per step, per attempt...) */
    public final int retries() {
        return retries;
    }

    /** Counts one retry. */
    public final void countRetry() {
        retries++;
    }

    /** Restarts the retry count (the peer showed it is alive, or a new step began). */
    public final void resetRetries() {
        retries = 0;
    }

    /**
     * Arms the step deadline, replacing any armed one.
     *
     * @param scheduler the event thread and clock
     * @param delayMs   delay, scheduler milliseconds
     * @param onExpiry  what to do when it expires (on the event thread)
     */
    public final void arm(Scheduler scheduler, long delayMs, Runnable onExpiry) {
        disarm();
        timer = scheduler.schedule(Duration.ofMillis(delayMs), () -> {
            timer = null;
            onExpiry.run();
        });
    }

    /**
     * Arms the step deadline on a port, replacing any armed one: it expires only once the wait is proven
     * ({@link MavlinkPort#provenSilenceNanos}): time when the port's event thread was behind on the frames it had
     * received does not count, so an answer that arrived while the thread was late is processed before the deadline
     * is judged. On a thread that is never late this is exactly {@code delayMs} of scheduler time.
     *
     * @param port     the link (its scheduler and its silence evidence)
     * @param delayMs  delay, scheduler milliseconds
     * @param onExpiry what to do when it expires (on the event thread)
     */
    public final void arm(MavlinkPort port, long delayMs, Runnable onExpiry) {
        disarm();
        long delayNanos = delayMs * 1_000_000L;
        await(port, port.scheduler().nanoTime(), delayNanos, delayNanos, onExpiry);
    }

    private void await(MavlinkPort port, long armedNanos, long delayNanos, long waitNanos, Runnable onExpiry) {
        timer = port.scheduler().schedule(Duration.ofNanos(waitNanos), () -> {
            long proven = port.provenSilenceNanos(armedNanos);
            if (proven < delayNanos) {
                await(port, armedNanos, delayNanos, delayNanos - proven, onExpiry);
                return;
            }
            timer = null;
            onExpiry.run();
        });
    }

    /** Cancels the armed deadline, if any. */
    public final void disarm() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /**
     * Marks the item finished and disarms it; true only the first time, so a caller completes its future once.
     *
     * @return true if the item was not finished before
     */
    public final boolean finishOnce() {
        if (finished) {
            return false;
        }
        finished = true;
        disarm();
        return true;
    }

    final void markStarted() {
        started = true;
    }
}
