package org.vigie.audit;

/**
 * A trail's counters since it was opened. Immutable snapshot.
 *
 * @param appended     records accepted by {@link AuditTrail#append}
 * @param durable      records acknowledged (on disk)
 * @param failed       records whose write or force failed (their futures failed; nothing acknowledged was lost)
 * @param refused      records refused at once (trail closed or backlog over its byte limit)
 * @param batches      write batches (one force each): {@code durable / batches} is the group-commit factor
 * @param checkpoints  signed checkpoints written
 * @param bytesWritten bytes made durable
 * @param pendingBytes bytes waiting for the writer now
 */
public record AuditStats(long appended, long durable, long failed, long refused, long batches, long checkpoints,
                         long bytesWritten, long pendingBytes) {
}
