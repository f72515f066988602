package org.vigie.audit;

/**
 * The proof a record is on disk: the trail completes an append's future with it only after
 * {@link java.nio.channels.FileChannel#force(boolean)} returned for the bytes that hold it. Immutable.
 *
 * @param seq    the record's sequence number
 * @param sha256 the hex SHA-256 of its exact bytes (the next record's {@code prev})
 */
public record AuditReceipt(long seq, String sha256) {
}
