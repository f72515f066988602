package org.vigie.dispatch;

import java.util.Objects;
import java.util.Set;
import org.vigie.link.LinkConfig;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningKeyring;
import org.vigie.link.signing.StreamTimestamps;
import org.vigie.link.signing.SigningTimestamps;

/**
 * Builds and checks the signing configuration a dispatch link must have: every outgoing frame signed, every incoming
 * frame required to be signed with the same key (an empty unsigned allow-list: not even RADIO_STATUS, HEARTBEAT or
 * TUNNEL pass unsigned), with the MAVLink replay protection of {@link SignatureChecker}: within one run with
 * {@link #signedLink(LinkConfig, SigningKey, SigningTimestamps, int)}, across restarts and key rotations with
 * {@link #signedLink(LinkConfig, SigningKeyring, SigningTimestamps, StreamTimestamps, int)}. Stateless; thread-safe.
 */
public final class DispatchSecurity {

    private DispatchSecurity() {
    }

    /**
     * A copy of {@code base} that signs with {@code key} and requires signatures on everything it receives.
     *
     * <p>Use one {@link SigningTimestamps} per system (opened from an
     * {@link org.vigie.link.signing.AtomicFileTimestampStore} so that a restart never reuses a timestamp).
     *
     * @param base       identity, heartbeat and the rest of the link configuration
     * @param key        the dispatch key shared by the centre and the drone (never the zero key)
     * @param timestamps this system's signing timestamps
     * @param linkId     the signing link id written in our signatures, 0..255
     * @return the signed configuration
     * @throws IllegalArgumentException if the key is all zeros (MAVLink's "signing off") or linkId is out of range
     */
    public static LinkConfig signedLink(LinkConfig base, SigningKey key, SigningTimestamps timestamps, int linkId) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timestamps, "timestamps");
        if (key.isZero()) {
            throw new IllegalArgumentException("the all-zero key disables signing; a dispatch link needs a real key");
        }
        return base.withSigner(new MavlinkSigner(key, linkId, timestamps))
                .withSignatureCheck(new SignatureChecker(key, timestamps, Set.of()));
    }

    /**
     * A copy of {@code base} that signs with the keyring's outgoing key, accepts the keyring's keys (so keys rotate
     * without a restart, see {@link SigningKeyring}) and requires signatures on everything it receives, with a replay
     * memory that survives restarts: a byte-exact replay of any frame accepted before a restart is refused after it,
     * whatever its message type.
     *
     * <pre>{@code
     * SigningKeyring keys = SigningKeyring.open(key, scheduler, callbacks, KeyRotationOptions.defaults());
     * StreamTimestamps seen = StreamTimestamps.open(new AtomicFileStreamTimestampStore(dir.resolve("streams")));
     * LinkConfig cfg = DispatchSecurity.signedLink(LinkConfig.of(1), keys, timestamps, seen, 0);
     * }</pre>
     *
     * @param base       identity, heartbeat and the rest of the link configuration
     * @param keys       this end's keyring (its current key never the zero key)
     * @param timestamps this system's signing timestamps
     * @param streams    the replay memory of incoming streams, opened from a persistent store
     * @param linkId     the signing link id written in our signatures, 0..255
     * @return the signed configuration
     * @throws IllegalArgumentException if the outgoing key is all zeros or linkId is out of range
     */
    public static LinkConfig signedLink(LinkConfig base, SigningKeyring keys, SigningTimestamps timestamps,
                                        StreamTimestamps streams, int linkId) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(streams, "streams");
        if (keys.outgoing().isZero()) {
            throw new IllegalArgumentException("the all-zero key disables signing; a dispatch link needs a real key");
        }
        return base.withSigner(new MavlinkSigner(keys, linkId, timestamps))
                .withSignatureCheck(new SignatureChecker(keys, timestamps, Set.of(), streams));
    }

    /**
     * The keyring a signed link accepts keys from: where its key is rotated and where its {@code KeyEvent}s (install,
     * peer heard, outgoing switched, retired; with key ids and times) are subscribed to, e.g. by the audit trail.
     *
     * @param config a configuration built by {@link #signedLink}
     * @return its checker's keyring (a fixed one for a link built from a single key)
     * @throws IllegalArgumentException if the configuration does not verify signatures
     */
    public static SigningKeyring keys(LinkConfig config) {
        if (!(config.signatureCheck() instanceof SignatureChecker checker)) {
            throw new IllegalArgumentException("the link does not verify signatures (" + config.signatureCheck()
                    + "): build it with DispatchSecurity.signedLink(...)");
        }
        return checker.keys();
    }

    /**
     * Refuses a link configuration that would let an unsigned order or heartbeat through, or that sends unsigned.
     *
     * @param config the link's configuration
     * @param role   "server" or "client", for the message
     * @throws IllegalArgumentException naming what is missing
     */
    public static void requireSigned(LinkConfig config, String role) {
        if (config.signer() == null) {
            throw new IllegalArgumentException("the dispatch " + role + "'s link does not sign its frames: build it "
                    + "with DispatchSecurity.signedLink(...)");
        }
        if (!(config.signatureCheck() instanceof SignatureChecker checker)) {
            throw new IllegalArgumentException("the dispatch " + role + "'s link does not verify signatures ("
                    + config.signatureCheck() + "): build it with DispatchSecurity.signedLink(...)");
        }
        Set<Integer> unsigned = checker.unsignedAllowedIds();
        if (unsigned.contains(DispatchWire.TUNNEL_MSG_ID) || unsigned.contains(0)) {
            throw new IllegalArgumentException("the dispatch " + role + "'s link accepts unsigned "
                    + (unsigned.contains(DispatchWire.TUNNEL_MSG_ID) ? "TUNNEL" : "HEARTBEAT")
                    + " frames (allow-list " + unsigned + "): anyone could send orders or keep the link alive");
        }
    }
}
