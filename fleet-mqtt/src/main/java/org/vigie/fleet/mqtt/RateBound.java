package org.vigie.fleet.mqtt;

import java.util.function.LongSupplier;

/**
 * A token bucket: at most {@code perSecond} events per second on average, bursts of at most {@code perSecond}.
 *
 * <p>Threading: not thread-safe: one caller, the link's one writer of its transport.
 */
final class RateBound {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    RateBound(int perSecond, LongSupplier nanos) {
        this.perNano = perSecond / 1e9;
        this.burst = perSecond;
        this.nanos = nanos;
        this.tokens = perSecond;
        this.last = nanos.getAsLong();
    }

    boolean tryTake() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
