package org.vigie.link;

import java.util.Collection;
import java.util.Objects;

/**
 * Handle on a listener registration. {@link #close()} unregisters; idempotent, thread-safe.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    /** Unregisters the listener. Messages already being delivered may still arrive once. */
    @Override
    void close();

    /**
     * Adds a listener to a collection and returns the subscription that removes it: the registration idiom of every
     * listener list in Vigie.
     *
     * @param listeners a thread-safe collection (for example a {@code CopyOnWriteArrayList})
     * @param listener the listener
     * @param <T> listener type
     * @return a subscription whose {@link #close()} removes the listener
     * @throws NullPointerException if listener is null
     */
    static <T> Subscription register(Collection<T> listeners, T listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
