package org.vigie.audit;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AuditVerifier} found in a trail file. Immutable.
 *
 * @param state                      intact, intact with a torn tail, or broken
 * @param records                    records verified (all of them unless broken: then those before the break)
 * @param lastSeq                    sequence number of the last verified record, -1 if none
 * @param headSha256                 hex SHA-256 of the last verified record ({@link AuditFormat#GENESIS_PREV} if none)
 * @param validBytes                 bytes of the verified records: where the next record goes
 * @param tornTailBytes              bytes after the last line end (an interrupted write), 0 if none
 * @param checkpoints                checkpoint records among the verified ones
 * @param checkpointsVerified        of which verified with a key of the ring
 * @param checkpointsUnverified      of which named a key not in the ring
 * @param lastCheckpointSeq          sequence number of the last checkpoint, -1 if none
 * @param recordsAfterLastCheckpoint verified records after the last checkpoint (not yet attested by a signature)
 * @param firstBreak                 the first bad record when broken, else null
 */
public record AuditVerification(State state, long records, long lastSeq, String headSha256, long validBytes,
                                long tornTailBytes, long checkpoints, long checkpointsVerified,
                                long checkpointsUnverified, long lastCheckpointSeq, long recordsAfterLastCheckpoint,
                                @Nullable ChainBreak firstBreak) {

    /** The verdict on a trail file. */
    public enum State {
        /** Every record well-formed and chained, every checkpoint with a known key verified. */
        INTACT,
        /** As intact, followed by bytes without a line end: an interrupted last write (opening the trail cuts it). */
        TORN_TAIL,
        /** A record is malformed, out of sequence, unchained or wrongly signed: see {@link #firstBreak}. */
        BROKEN
    }

    /** @return the first bad record, if broken */
    public Optional<ChainBreak> breakPoint() {
        return Optional.ofNullable(firstBreak);
    }

    /** @return a few lines for people: state, counts, head, checkpoints, and the break or torn tail */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("state: ").append(state).append('\n');
        b.append("records: ").append(records).append(records > 0 ? " (seq 0.." + lastSeq + ")" : "").append('\n');
        b.append("head sha256: ").append(headSha256).append('\n');
        b.append("checkpoints: ").append(checkpoints).append(" (").append(checkpointsVerified).append(" verified, ")
                .append(checkpointsUnverified).append(" with a key not given)");
        if (lastCheckpointSeq >= 0) {
            b.append("; last at seq ").append(lastCheckpointSeq).append(", ").append(recordsAfterLastCheckpoint)
                    .append(" record(s) after it not yet attested");
        }
        b.append('\n');
        if (tornTailBytes > 0) {
            b.append("torn tail: ").append(tornTailBytes).append(" byte(s) after byte ").append(validBytes)
                    .append(" without a line end (an interrupted write; opening the trail cuts it and records the cut)\n");
        }
        if (firstBreak != null) {
            b.append("first broken record: ").append(firstBreak.describe()).append('\n');
        }
        return b.toString();
    }
}
