package org.vigie.mission.dispatch;

import org.vigie.dispatch.AckStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a {@link DispatchServer}. Immutable; the constructor validates and throws
 * {@link IllegalArgumentException} naming the value.
 *
 * @param reassemblyTimeout   how long a fragmented order may take to arrive completely (1 ms..1 min)
 * @param maxPartialTransfers incomplete fragmented orders held at once (1..4096)
 * @param answeredCacheSize   orders remembered for idempotency, per server (16..1,000,000); the oldest is forgotten
 *                            first
 * @param statusRepeatPeriod  the latest FLIGHT_STATUS of each flight is repeated this often (so a lost one is
 *                            recovered); {@link Duration#ZERO} disables repeats
 * @param finalStatusRepeats  how many times the final status (with the outcome) is repeated after the flight ended
 *                            (0..10)
 * @param decisionTimeout     how long the server waits for the companion's decision on a retask before answering
 *                            REFUSED_INTERNAL (1 s..5 min)
 * @param startTolerance      an order whose signature timestamp is more than this before the server started is
 *                            refused as a possible replay ({@link AckStatus#REFUSED_STALE}; the centre re-sends it,
 *                            freshly signed). This server's idempotency memory does not survive a restart, nor does
 *                            the link's replay memory unless the link was built with a stored one
 *                            ({@code StreamTimestamps.open}), and the link accepts a new stream's frame up to one
 *                            minute old: this closes that window. 0..60 s; 60 s effectively disables it
 */
public record DispatchServerOptions(Duration reassemblyTimeout, int maxPartialTransfers, int answeredCacheSize,
                                    Duration statusRepeatPeriod, int finalStatusRepeats, Duration decisionTimeout,
                                    Duration startTolerance) {

    /** Validates every field. */
    public DispatchServerOptions {
        Objects.requireNonNull(reassemblyTimeout, "reassemblyTimeout");
        if (reassemblyTimeout.toMillis() < 1 || reassemblyTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("reassemblyTimeout " + reassemblyTimeout + " is not in 1 ms..1 min");
        }
        if (maxPartialTransfers < 1 || maxPartialTransfers > 4096) {
            throw new IllegalArgumentException("maxPartialTransfers " + maxPartialTransfers + " is not in 1..4096");
        }
        if (answeredCacheSize < 16 || answeredCacheSize > 1_000_000) {
            throw new IllegalArgumentException("answeredCacheSize " + answeredCacheSize + " is not in 16..1000000");
        }
        Objects.requireNonNull(statusRepeatPeriod, "statusRepeatPeriod (Duration.ZERO disables repeats)");
        if (statusRepeatPeriod.isNegative() || (!statusRepeatPeriod.isZero()
                && statusRepeatPeriod.compareTo(Duration.ofMillis(100)) < 0)) {
            throw new IllegalArgumentException("statusRepeatPeriod " + statusRepeatPeriod
                    + " must be zero (off) or at least 100 ms");
        }
        if (finalStatusRepeats < 0 || finalStatusRepeats > 10) {
            throw new IllegalArgumentException("finalStatusRepeats " + finalStatusRepeats + " is not in 0..10");
        }
        Objects.requireNonNull(decisionTimeout, "decisionTimeout");
        if (decisionTimeout.compareTo(Duration.ofSeconds(1)) < 0 || decisionTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("decisionTimeout " + decisionTimeout + " is not in 1 s..5 min");
        }
        Objects.requireNonNull(startTolerance, "startTolerance");
        if (startTolerance.isNegative() || startTolerance.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("startTolerance " + startTolerance + " is not in 0..60 s");
        }
    }

    /**
     * Defaults: 3 s reassembly, 32 partial transfers, 4096 remembered orders, status repeated every 5 s, final
     * status repeated 3 times, 30 s decision timeout, orders signed more than 2 s before start refused.
     *
     * @return the defaults
     */
    public static DispatchServerOptions defaults() {
        return new DispatchServerOptions(Duration.ofSeconds(3), 32, 4096, Duration.ofSeconds(5), 3,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    /** @param period status repeat period (ZERO: off) @return a copy */
    public DispatchServerOptions withStatusRepeatPeriod(Duration period) {
        return new DispatchServerOptions(reassemblyTimeout, maxPartialTransfers, answeredCacheSize, period,
                finalStatusRepeats, decisionTimeout, startTolerance);
    }

    /** @param timeout reassembly timeout @return a copy */
    public DispatchServerOptions withReassemblyTimeout(Duration timeout) {
        return new DispatchServerOptions(timeout, maxPartialTransfers, answeredCacheSize, statusRepeatPeriod,
                finalStatusRepeats, decisionTimeout, startTolerance);
    }
}
