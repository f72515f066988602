package org.vigie.audit;

import java.time.Instant;

/**
 * What a trail reports to its listener, a closed set. Delivered on the trail's callback executor, in order.
 */
public sealed interface AuditTrailEvent {

    /** @return when (the trail's clock) */
    Instant at();

    /**
     * On open, bytes after the last complete record (an interrupted write) were cut off; a {@code trail.cut} record
     * says so in the trail itself.
     *
     * @param at       when
     * @param offset   where the cut bytes started
     * @param bytesCut how many bytes were cut
     */
    record TailCut(Instant at, long offset, long bytesCut) implements AuditTrailEvent {
    }

    /**
     * Records could not be written or forced to disk; their futures failed. Records acknowledged before are intact.
     *
     * @param at      when
     * @param records how many records failed
     * @param error   the I/O error
     */
    record WriteFailed(Instant at, long records, String error) implements AuditTrailEvent {
    }

    /**
     * A record was refused without being queued (trail closed, or the backlog over its limit).
     *
     * @param at     when
     * @param type   the entry's type
     * @param reason why
     */
    record AppendRefused(Instant at, String type, String reason) implements AuditTrailEvent {
    }

    /**
     * A signed checkpoint is on disk.
     *
     * @param at    when
     * @param seq   its sequence number
     * @param keyId the key that signed it
     */
    record CheckpointWritten(Instant at, long seq, String keyId) implements AuditTrailEvent {
    }
}
