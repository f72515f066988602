package org.vigie.link;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.DiscardReason;
import org.vigie.link.signing.SignatureVerdict;

/**
 * An immutable snapshot of a link's counters since it was created. Obtained from {@link MavlinkLink#stats()} from any
 * thread (values from different counters may be a few frames apart).
 *
 * @param framesIn valid frames received on all transports (before the signature check)
 * @param bytesIn bytes received on all transports, garbage included
 * @param framesOut frames handed to transports (a frame written to two transports counts twice)
 * @param bytesOut bytes handed to transports
 * @param crcErrors candidate frames rejected for a bad checksum
 * @param parserDiscards every parser discard counter by reason (GARBAGE in bytes, others in rejected candidates)
 * @param signatureRejections frames dropped by the signature policy, by verdict (only rejecting verdicts appear)
 * @param droppedWrites droppable telemetry frames dropped because a write queue was full
 * @param failedWrites frames a transport refused (disconnected or closed)
 * @param ownFramesIgnored received frames carrying our own system and component id (echoes of what we sent), ignored
 * @param peers sequence statistics per source (system, component) that sent at least one accepted frame
 */
public record LinkStats(long framesIn, long bytesIn, long framesOut, long bytesOut, long crcErrors,
                        Map<DiscardReason, Long> parserDiscards, Map<SignatureVerdict, Long> signatureRejections,
                        long droppedWrites, long failedWrites, long ownFramesIgnored,
                        List<PeerStats> peers) {

    /** Copies the collections (the snapshot is immutable). */
    public LinkStats {
        parserDiscards = Map.copyOf(parserDiscards);
        signatureRejections = Map.copyOf(signatureRejections);
        peers = List.copyOf(peers);
    }

    /**
     * Received and lost frames of one source, from its packet sequence numbers (rules of
     * {@link org.vigie.link.codec.SequenceTracker}: a sequence number up to 16 behind the expected one is a duplicate,
     * any other gap is loss).
     *
     * @param sysId source system id
     * @param compId source component id
     * @param received frames received (accepted by the signature policy), duplicates included
     * @param lost frames missing from the sequence (gaps); a lower bound, gaps of 256 or more are invisible
     * @param duplicates frames judged already seen (redundant links, reordering)
     * @param lossPercent 100 * lost / (lost + received - duplicates), 0 when nothing was received
     */
    public record PeerStats(int sysId, int compId, long received, long lost, long duplicates, double lossPercent) {}

    /**
     * Statistics of one source.
     *
     * @param sysId system id
     * @param compId component id
     * @return its statistics, or null if it never sent an accepted frame
     */
    public @Nullable PeerStats peer(int sysId, int compId) {
        for (PeerStats p : peers) {
            if (p.sysId() == sysId && p.compId() == compId) {
                return p;
            }
        }
        return null;
    }

    /**
     * Total signature rejections.
     *
     * @return the sum over all verdicts
     */
    public long signatureRejectionsTotal() {
        return signatureRejections.values().stream().mapToLong(Long::longValue).sum();
    }
}
