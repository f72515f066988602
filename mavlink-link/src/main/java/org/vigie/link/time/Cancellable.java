package org.vigie.link.time;

/**
 * Handle on a task scheduled with a {@link Scheduler}.
 *
 * <p>Threading: {@link #cancel()} may be called from any thread; it is idempotent.
 */
@FunctionalInterface
public interface Cancellable {
    /**
     * Prevents the task from running if it has not started yet. Periodic tasks stop repeating.
     * Cancelling a task that already ran, or was already cancelled, does nothing.
     */
    void cancel();
}
