package org.vigie.link.signing;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SigningKeyring} rotates keys. Immutable; the constructor validates and throws
 * {@link IllegalArgumentException} naming the value.
 *
 * @param switchover  how long the old and the new key are both accepted after an install, 1 s..24 h; the old key is
 *                    retired at its end
 * @param switchAfter outgoing frames switch to the new key at this delay after the install at the latest,
 *                    0..{@code switchover}
 * @param followPeer  whether outgoing frames switch as soon as a frame signed with the new key is accepted from a
 *                    peer (right for a drone, whose one peer is its centre; a centre serving several drones sets it
 *                    false and switches on {@link SigningKeyring#switchOutgoing()} or at the deadline)
 */
public record KeyRotationOptions(Duration switchover, Duration switchAfter, boolean followPeer) {

    /** Validates every field. */
    public KeyRotationOptions {
        Objects.requireNonNull(switchover, "switchover");
        Objects.requireNonNull(switchAfter, "switchAfter");
        if (switchover.compareTo(Duration.ofSeconds(1)) < 0 || switchover.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("switchover " + switchover + " is not in 1 s..24 h");
        }
        if (switchAfter.isNegative() || switchAfter.compareTo(switchover) > 0) {
            throw new IllegalArgumentException("switchAfter " + switchAfter + " is not in 0.." + switchover
                    + " (the switchover)");
        }
    }

    /**
     * Defaults: a 10-minute switchover, outgoing switched after 5 minutes at the latest, following the peer.
     *
     * @return the defaults
     */
    public static KeyRotationOptions defaults() {
        return of(Duration.ofMinutes(10));
    }

    /**
     * A switchover of the given length, outgoing switched at its middle at the latest, following the peer.
     *
     * @param switchover how long both keys are accepted, 1 s..24 h
     * @return the options
     */
    public static KeyRotationOptions of(Duration switchover) {
        Objects.requireNonNull(switchover, "switchover");
        return new KeyRotationOptions(switchover, switchover.dividedBy(2), true);
    }

    /** @param follow whether to follow the peer's switch @return a copy */
    public KeyRotationOptions withFollowPeer(boolean follow) {
        return new KeyRotationOptions(switchover, switchAfter, follow);
    }
}
