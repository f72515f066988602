package org.vigie.link;

/**
 * Handle on a listener registration. {@link #close()} unregisters; idempotent, thread-safe.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    /** Unregisters the listener. Messages already being delivered may still arrive once. */
    @Override
    void close();
}
