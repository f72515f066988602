package org.vigie.link.signing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.MavlinkFrame;

/**
 * Verifies incoming frames against the keys of a {@link SigningKeyring}, following the MAVLink 2 signing
 * specification, with a replay memory that survives restarts ({@link StreamTimestamps}):
 *
 * <ol>
 *   <li>unsigned frame (MAVLink 1 included): {@link SignatureVerdict#ACCEPTED_UNSIGNED} if its message id is in the
 *       unsigned allow-list (default: RADIO_STATUS only), else {@link SignatureVerdict#REJECTED_UNSIGNED};</li>
 *   <li>signature bytes differ from {@code SHA-256(key + frame up to the timestamp)[0..6]} for every accepted key:
 *       {@link SignatureVerdict#REJECTED_RETIRED_KEY} if they match a retired key, else
 *       {@link SignatureVerdict#REJECTED_BAD_SIGNATURE};</li>
 *   <li>known stream (sysid, compid, link id), in this run or stored before a restart, and timestamp not newer than
 *       its last accepted one (or its stored bound): {@link SignatureVerdict#REJECTED_REPLAY}, for every message
 *       type;</li>
 *   <li>new stream while {@link StreamTimestamps#MAX_STREAMS} are remembered:
 *       {@link SignatureVerdict#REJECTED_STREAM_LIMIT};</li>
 *   <li>new stream and timestamp more than one minute behind our time ({@link SigningTimestamps#current()}):
 *       {@link SignatureVerdict#REJECTED_TOO_OLD};</li>
 *   <li>otherwise {@link SignatureVerdict#ACCEPTED_SIGNED}: the stream's timestamp is updated (and stored ahead when
 *       due) and our local timestamp raised to it if it is ahead; a first frame signed with a key being introduced
 *       tells the keyring the peer has it.</li>
 * </ol>
 * Rejected frames leave all state unchanged. Every verdict is counted ({@link #count}).
 *
 * <p>Threading: not thread-safe; call from the link's event thread only (as {@link IncomingSignatureCheck} says).
 */
public final class SignatureChecker implements IncomingSignatureCheck {

    /** Message ids accepted unsigned by default when signing is on: RADIO_STATUS. */
    public static final Set<Integer> DEFAULT_UNSIGNED_ALLOWED = Set.of(Signing.RADIO_STATUS_ID);

    private final SigningKeyring keys;
    private final SigningTimestamps timestamps;
    private final StreamTimestamps streams;
    private final boolean[] unsignedAllowed;
    private final Set<Integer> unsignedAllowedIds;
    /** One counter per verdict, incremented on the checking thread without allocating. */
    private final Map<SignatureVerdict, long[]> counts = newCounts();
    private final Sha256 sha = new Sha256();

    /**
     * Creates a checker that accepts only RADIO_STATUS unsigned.
     *
     * @param key our secret key
     * @param timestamps our timestamp source (shared with our signers)
     */
    public SignatureChecker(SigningKey key, SigningTimestamps timestamps) {
        this(key, timestamps, DEFAULT_UNSIGNED_ALLOWED);
    }

    /**
     * Creates a checker.
     *
     * @param key our secret key
     * @param timestamps our timestamp source (shared with our signers)
     * @param unsignedAllowedIds message ids accepted without a signature (may be empty); SETUP_SIGNING is refused
     * @throws IllegalArgumentException if an id is negative, above 16777215, or is SETUP_SIGNING (256)
     */
    public SignatureChecker(SigningKey key, SigningTimestamps timestamps, Set<Integer> unsignedAllowedIds) {
        this(SigningKeyring.fixed(key), timestamps, unsignedAllowedIds, StreamTimestamps.volatileMemory());
    }

    /**
     * Creates a checker that follows a keyring's rotations and keeps its replay memory across restarts.
     *
     * @param keys               the end's keyring (shared with its signer)
     * @param timestamps         our timestamp source (shared with our signers)
     * @param unsignedAllowedIds message ids accepted without a signature (may be empty); SETUP_SIGNING is refused
     * @param streams            the replay memory, opened from its store ({@link StreamTimestamps#open})
     * @throws IllegalArgumentException if an id is negative, above 16777215, or is SETUP_SIGNING (256)
     */
    public SignatureChecker(SigningKeyring keys, SigningTimestamps timestamps, Set<Integer> unsignedAllowedIds,
                            StreamTimestamps streams) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        this.streams = Objects.requireNonNull(streams, "streams");
        int max = 0;
        for (Integer id : unsignedAllowedIds) {
            if (id == null || id < 0 || id > 0xFFFFFF) {
                throw new IllegalArgumentException("unsigned-allowed message id must be 0..16777215, was " + id);
            }
            if (Signing.isSetupSigning(id)) {
                throw new IllegalArgumentException("SETUP_SIGNING (256) can never be accepted unsigned");
            }
            max = Math.max(max, id);
        }
        this.unsignedAllowed = new boolean[max + 1];
        for (int id : unsignedAllowedIds) {
            unsignedAllowed[id] = true;
        }
        this.unsignedAllowedIds = Set.copyOf(new TreeSet<>(unsignedAllowedIds));
    }

    /** @return the message ids accepted unsigned */
    public Set<Integer> unsignedAllowedIds() {
        return unsignedAllowedIds;
    }

    @Override
    public SignatureVerdict check(MavlinkFrame frame) {
        SignatureVerdict v = judge(frame);
        countOf(v)[0]++;
        return v;
    }

    private static Map<SignatureVerdict, long[]> newCounts() {
        Map<SignatureVerdict, long[]> m = new EnumMap<>(SignatureVerdict.class);
        for (SignatureVerdict v : SignatureVerdict.values()) {
            m.put(v, new long[1]);
        }
        return m;
    }

    private long[] countOf(SignatureVerdict v) {
        return Objects.requireNonNull(counts.get(v), "every verdict has its counter");
    }

    private SignatureVerdict judge(MavlinkFrame frame) {
        if (!frame.signed()) {
            int id = frame.msgId();
            return id < unsignedAllowed.length && unsignedAllowed[id] ? SignatureVerdict.ACCEPTED_UNSIGNED
                    : SignatureVerdict.REJECTED_UNSIGNED;
        }
        byte[] raw = frame.raw();
        int sigStart = raw.length - MavlinkFrame.SIGNATURE_LENGTH;
        if (sigStart < 12) {
            return SignatureVerdict.REJECTED_BAD_SIGNATURE;
        }
        SigningKeyring.State ks = keys.state();
        @Nullable SigningKey matched = null;
        if (sha.matches(ks.current(), raw, 0, sigStart + 7, sigStart + 7)) {
            matched = ks.current();
        } else if (ks.next() != null && sha.matches(ks.next(), raw, 0, sigStart + 7, sigStart + 7)) {
            matched = ks.next();
        }
        if (matched == null) {
            for (SigningKey old : ks.retired()) {
                if (sha.matches(old, raw, 0, sigStart + 7, sigStart + 7)) {
                    return SignatureVerdict.REJECTED_RETIRED_KEY;
                }
            }
            return SignatureVerdict.REJECTED_BAD_SIGNATURE;
        }
        long ts = frame.signatureTimestamp();
        int streamKey = StreamTimestamps.streamKey(frame.sysId(), frame.compId(), frame.signatureLinkId());
        long last = streams.last(streamKey);
        if (last >= 0) {
            if (ts <= last) {
                return SignatureVerdict.REJECTED_REPLAY;
            }
        } else if (!streams.hasRoomFor(streamKey)) {
            return SignatureVerdict.REJECTED_STREAM_LIMIT;
        } else if (ts + Signing.ONE_MINUTE < timestamps.current()) {
            return SignatureVerdict.REJECTED_TOO_OLD;
        }
        streams.accept(streamKey, ts);
        timestamps.observe(ts);
        if (!matched.equals(ks.current())) {
            keys.heard(matched, frame.sysId(), frame.compId(), frame.signatureLinkId());
        }
        return SignatureVerdict.ACCEPTED_SIGNED;
    }

    /**
     * Last accepted timestamp of a stream.
     *
     * @param sysId source system
     * @param compId source component
     * @param linkId link id from the signature
     * @return the timestamp (or the bound stored before a restart), or -1 if the stream has no accepted frame
     */
    public long streamTimestamp(int sysId, int compId, int linkId) {
        return streams.last(StreamTimestamps.streamKey(sysId, compId, linkId));
    }

    /** @return the replay memory (event thread only) */
    public StreamTimestamps streams() {
        return streams;
    }

    /** @return the keyring whose keys this checker accepts */
    public SigningKeyring keys() {
        return keys;
    }

    /** @return how many (sysid, compid, link id) streams have an accepted signed frame */
    public int streamCount() {
        return streams.size();
    }

    /**
     * How many frames received a verdict.
     *
     * @param verdict the verdict
     * @return its count
     */
    public long count(SignatureVerdict verdict) {
        return countOf(verdict)[0];
    }

    /** @return every verdict's count (a copy) */
    public Map<SignatureVerdict, Long> counts() {
        Map<SignatureVerdict, Long> copy = new EnumMap<>(SignatureVerdict.class);
        for (SignatureVerdict v : SignatureVerdict.values()) {
            copy.put(v, countOf(v)[0]);
        }
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SignatureChecker[").append(keys);
        for (SignatureVerdict v : SignatureVerdict.values()) {
            sb.append(' ').append(v).append('=').append(countOf(v)[0]);
        }
        return sb.append(']').toString();
    }
}
