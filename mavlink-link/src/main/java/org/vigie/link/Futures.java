package org.vigie.link;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listening to a future without losing what the listener throws. {@code future.whenComplete(listener)} returns a
 * second future that nobody reads, so an exception thrown by the listener (a scheduler refusing a task after shutdown,
 * a bug) vanishes there; {@link #listen} logs it instead.
 *
 * <p>Threading: the listener runs where {@code whenComplete} runs it (on the thread that completes the future, or the
 * caller's if it is already complete).
 */
public final class Futures {

    private static final Logger LOG = LoggerFactory.getLogger(Futures.class);

    private Futures() {
    }

    /**
     * Calls the listener once the future completes, normally or not; an exception it throws is logged at ERROR.
     *
     * @param future   the future
     * @param listener gets the value (null on failure) and the failure (null on success)
     * @param <T>      the value type
     */
    // the future whenComplete returns only repeats this one's outcome (the listener catches its own exceptions), and
    // this future's owner handles that outcome: nothing is lost by not reading it
    @SuppressWarnings("FutureReturnValueIgnored")
    public static <T> void listen(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> listener) {
        future.whenComplete((v, e) -> {
            try {
                listener.accept(v, e);
            } catch (RuntimeException ex) {
                LOG.error("a future's listener threw", ex);
            }
        });
    }
}
