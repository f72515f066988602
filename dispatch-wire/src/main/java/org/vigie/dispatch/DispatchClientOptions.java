package org.vigie.dispatch;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Tunables of a {@link DispatchClient}. Immutable; the constructor validates and throws
 * {@link IllegalArgumentException} naming the value.
 *
 * @param droneComponentId   component id of the drone's dispatch server (its dispatch link's component id, 191 by
 *                           default), or 0 to address every component of the drone's system
 * @param attemptTimeout     how long to wait for an ACK before sending the same request again (100 ms..1 min)
 * @param attempts           how many times a request is sent before it ends as {@link AckStatus#NO_ANSWER} (1..20)
 * @param reassemblyTimeout  how long a fragmented reply may take to arrive completely (1 ms..1 min)
 * @param requestIds         source of request ids for orders the caller gives no id (must not return 0; a zero is
 *                           drawn again); ids must not repeat across restarts, hence random 64-bit by default
 */
public record DispatchClientOptions(int droneComponentId, Duration attemptTimeout, int attempts,
                                    Duration reassemblyTimeout, LongSupplier requestIds) {

    /** Validates every field. */
    public DispatchClientOptions {
        if (droneComponentId < 0 || droneComponentId > 255) {
            throw new IllegalArgumentException("droneComponentId " + droneComponentId + " is not in 0..255");
        }
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (attemptTimeout.compareTo(Duration.ofMillis(100)) < 0 || attemptTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("attemptTimeout " + attemptTimeout + " is not in 100 ms..1 min");
        }
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("attempts " + attempts + " is not in 1..20");
        }
        Objects.requireNonNull(reassemblyTimeout, "reassemblyTimeout");
        if (reassemblyTimeout.toMillis() < 1 || reassemblyTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("reassemblyTimeout " + reassemblyTimeout + " is not in 1 ms..1 min");
        }
        Objects.requireNonNull(requestIds, "requestIds");
    }

    /**
     * Defaults: drone component 191, 1.5 s per attempt, 4 attempts, 3 s reassembly, random request ids from a
     * {@link SecureRandom}.
     *
     * @return the defaults
     */
    public static DispatchClientOptions defaults() {
        SecureRandom random = new SecureRandom();
        return new DispatchClientOptions(191, Duration.ofMillis(1500), 4, Duration.ofSeconds(3), random::nextLong);
    }

    /** @param ids request id source (e.g. a seeded {@link java.util.Random} in tests) @return a copy */
    public DispatchClientOptions withRequestIds(LongSupplier ids) {
        return new DispatchClientOptions(droneComponentId, attemptTimeout, attempts, reassemblyTimeout, ids);
    }

    /**
     * @param timeout wait per attempt
     * @param count   attempts
     * @return a copy
     */
    public DispatchClientOptions withRetries(Duration timeout, int count) {
        return new DispatchClientOptions(droneComponentId, timeout, count, reassemblyTimeout, requestIds);
    }
}
