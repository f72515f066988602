package org.vigie.link.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Per-peer packet sequence accounting: for every source (system id, component id) it counts frames received, frames
 * lost (gaps in the 8-bit sequence number, modulo 256) and duplicates, and derives a loss percentage.
 *
 * <p>Rules, for a frame with sequence {@code seq} from a peer whose next expected sequence is {@code expected}:
 * <ul>
 *   <li>first frame of a peer: received, nothing lost; {@code expected = seq + 1};</li>
 *   <li>{@code seq == expected}: in order;</li>
 *   <li>{@code seq} is one of the {@value #DUPLICATE_WINDOW} sequence numbers just before {@code expected} (a frame
 *       already seen, e.g. delivered twice by redundant links, or a reordered datagram): counted as a duplicate,
 *       {@code expected} unchanged;</li>
 *   <li>otherwise {@code (seq - expected) mod 256} frames were lost; {@code expected = seq + 1}.</li>
 * </ul>
 * A gap of 256 frames or more cannot be seen (the counter wraps): loss is a lower bound. Received counts every
 * recorded frame, duplicates included; {@link SequenceStats#lossPercent()} is
 * {@code 100 * lost / (lost + received - duplicates)}.
 *
 * <p>Cost: {@link #record} is a few array reads and writes, allocation-free once a peer has been seen.
 *
 * <p>Threading: not thread-safe. Call {@link #record} and the accessors from one thread (the link's event thread);
 * the returned {@link SequenceStats} snapshots are immutable and may be handed to any thread.
 */
public final class SequenceTracker {

    /** How many sequence numbers just behind the expected one are judged duplicates rather than a 255-frame gap. */
    public static final int DUPLICATE_WINDOW = 16;

    private static final class Peer {
        final int sysId;
        final int compId;
        int expected;
        long received;
        long lost;
        long duplicates;

        Peer(int sysId, int compId) {
            this.sysId = sysId;
            this.compId = compId;
        }
    }

    private final Peer[][] peers = new Peer[256][];
    private final List<Peer> order = new ArrayList<>();

    /** Creates an empty tracker. */
    public SequenceTracker() {}

    /**
     * Records one received frame.
     *
     * @param sysId source system id, 0..255
     * @param compId source component id, 0..255
     * @param seq the frame's sequence number, 0..255
     * @throws IllegalArgumentException if a value is outside 0..255
     */
    public void record(int sysId, int compId, int seq) {
        if ((sysId & ~0xFF) != 0 || (compId & ~0xFF) != 0 || (seq & ~0xFF) != 0) {
            throw new IllegalArgumentException("sysId, compId and seq must be 0..255, were " + sysId + ", " + compId
                    + ", " + seq);
        }
        Peer[] row = peers[sysId];
        if (row == null) {
            row = new Peer[256];
            peers[sysId] = row;
        }
        Peer p = row[compId];
        if (p == null) {
            p = new Peer(sysId, compId);
            row[compId] = p;
            order.add(p);
            p.received = 1;
            p.expected = (seq + 1) & 0xFF;
            return;
        }
        p.received++;
        int gap = (seq - p.expected) & 0xFF;
        if (gap == 0) {
            p.expected = (seq + 1) & 0xFF;
        } else if (gap >= 256 - DUPLICATE_WINDOW) {
            p.duplicates++;
        } else {
            p.lost += gap;
            p.expected = (seq + 1) & 0xFF;
        }
    }

    /**
     * Statistics of one peer.
     *
     * @param sysId system id
     * @param compId component id
     * @return a snapshot, or empty if no frame of that peer was recorded
     */
    public Optional<SequenceStats> stats(int sysId, int compId) {
        Peer p = find(sysId, compId);
        return p == null ? Optional.empty() : Optional.of(snapshot(p));
    }

    /**
     * Frames received from a peer, duplicates included.
     *
     * @param sysId system id
     * @param compId component id
     * @return count, 0 if never seen
     */
    public long received(int sysId, int compId) {
        Peer p = find(sysId, compId);
        return p == null ? 0 : p.received;
    }

    /**
     * Frames lost from a peer (sum of sequence gaps).
     *
     * @param sysId system id
     * @param compId component id
     * @return count, 0 if never seen
     */
    public long lost(int sysId, int compId) {
        Peer p = find(sysId, compId);
        return p == null ? 0 : p.lost;
    }

    /**
     * Duplicate (or late) frames from a peer.
     *
     * @param sysId system id
     * @param compId component id
     * @return count, 0 if never seen
     */
    public long duplicates(int sysId, int compId) {
        Peer p = find(sysId, compId);
        return p == null ? 0 : p.duplicates;
    }

    /**
     * Loss percentage of a peer: {@code 100 * lost / (lost + received - duplicates)}.
     *
     * @param sysId system id
     * @param compId component id
     * @return 0..100, 0 if never seen
     */
    public double lossPercent(int sysId, int compId) {
        Peer p = find(sysId, compId);
        return p == null ? 0 : snapshot(p).lossPercent();
    }

    /**
     * Snapshots of every peer seen, in order of first appearance.
     *
     * @return a new immutable list
     */
    public List<SequenceStats> all() {
        List<SequenceStats> list = new ArrayList<>(order.size());
        for (Peer p : order) {
            list.add(snapshot(p));
        }
        return List.copyOf(list);
    }

    /**
     * Forgets a peer (for example after it rebooted or was declared lost): its next frame starts a fresh count.
     *
     * @param sysId system id
     * @param compId component id
     */
    public void forget(int sysId, int compId) {
        Peer p = find(sysId, compId);
        if (p != null) {
            peers[sysId][compId] = null;
            order.remove(p);
        }
    }

    private @Nullable Peer find(int sysId, int compId) {
        if ((sysId & ~0xFF) != 0 || (compId & ~0xFF) != 0) {
            return null;
        }
        Peer[] row = peers[sysId];
        return row == null ? null : row[compId];
    }

    private static SequenceStats snapshot(Peer p) {
        return new SequenceStats(p.sysId, p.compId, p.received, p.lost, p.duplicates);
    }

    /**
     * Immutable counters of one peer.
     *
     * @param sysId system id
     * @param compId component id
     * @param received frames recorded, duplicates included
     * @param lost frames missing from the sequence
     * @param duplicates frames judged already seen
     */
    public record SequenceStats(int sysId, int compId, long received, long lost, long duplicates) {

        /**
         * Loss as a percentage of the frames the peer sent.
         *
         * @return {@code 100 * lost / (lost + received - duplicates)}, 0 when nothing was expected
         */
        public double lossPercent() {
            long sent = lost + received - duplicates;
            return sent <= 0 ? 0 : 100.0 * lost / sent;
        }
    }
}
