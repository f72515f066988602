package org.vigie.link.transport;

/** Capped exponential retry delay. Not thread-safe: used by one reader thread. */
final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private long nextMs;

    Backoff(TransportOptions options) {
        this.initialMs = Math.max(1, options.reconnectInitialDelay().toMillis());
        this.maxMs = Math.max(initialMs, options.reconnectMaxDelay().toMillis());
        this.nextMs = initialMs;
    }

    /** @return the delay to wait now, ms; the following one doubles, up to the cap */
    long nextDelayMs() {
        long d = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return d;
    }

    /** Back to the initial delay after a success. */
    void reset() {
        nextMs = initialMs;
    }
}
