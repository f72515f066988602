package org.vigie.link.signing;

import java.time.Instant;

/**
 * Every step of a signing key's life on a {@link SigningKeyring}, a closed set, for the audit trail. Keys are named
 * by their id ({@link SigningKey#fingerprint()}, 8 hex digits, never the key itself); times are the keyring's
 * scheduler clock. Delivered to {@link SigningKeyring#onEvent} listeners on the callback executor, in order.
 */
public sealed interface KeyEvent {

    /** @return when it happened */
    Instant at();

    /**
     * A new key was installed beside the current one: both are accepted from now until {@code retireAt}.
     *
     * @param at           when
     * @param keyId        the new key
     * @param currentKeyId the key in use until now
     * @param switchBy     outgoing frames are signed with the new key from this moment at the latest
     * @param retireAt     the current key is retired at this moment (frames signed with it are then refused)
     */
    record KeyInstalled(Instant at, String keyId, String currentKeyId, Instant switchBy, Instant retireAt)
            implements KeyEvent {
    }

    /**
     * The first frame signed with the new key was accepted from a peer (the peer has the key).
     *
     * @param at     when
     * @param keyId  the new key
     * @param sysId  the peer's system id
     * @param compId the peer's component id
     * @param linkId the signing link id of the frame
     */
    record NewKeyHeard(Instant at, String keyId, int sysId, int compId, int linkId) implements KeyEvent {
    }

    /**
     * Outgoing frames are signed with another key from now on.
     *
     * @param at        when
     * @param fromKeyId the key used until now
     * @param toKeyId   the key used from now
     * @param reason    what triggered the switch
     */
    record OutgoingSwitched(Instant at, String fromKeyId, String toKeyId, SwitchReason reason) implements KeyEvent {
    }

    /**
     * A key was retired: frames signed with it are refused ({@link SignatureVerdict#REJECTED_RETIRED_KEY}, counted).
     *
     * @param at           when
     * @param keyId        the retired key
     * @param currentKeyId the only key accepted from now
     * @param early        true when retired on request before the end of the switchover
     */
    record KeyRetired(Instant at, String keyId, String currentKeyId, boolean early) implements KeyEvent {
    }

    /** Why outgoing frames switched keys. */
    enum SwitchReason {
        /** A peer signed a frame with the new key (it has it). */
        PEER_SIGNED_WITH_IT,
        /** The switch deadline of the switchover ({@link KeyRotationOptions#switchAfter()}) passed. */
        DEADLINE,
        /** {@link SigningKeyring#switchOutgoing()} or {@link SigningKeyring#retireNow()} was called. */
        REQUESTED
    }
}
