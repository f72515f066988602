package org.vigie.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One record as read back from a trail file. Immutable.
 *
 * @param line        1-based line number in the file
 * @param offset      byte offset of the record's first byte in the file
 * @param lengthBytes the record's exact length in bytes, line end included
 * @param seq         its sequence number (0 for the first record)
 * @param prevSha256  the SHA-256 (lower-case hex) it records for the previous record's exact bytes
 *                    ({@link AuditFormat#GENESIS_PREV} for the first)
 * @param sha256      the SHA-256 (lower-case hex) of this record's own exact bytes, line end included
 * @param at          when the fact happened
 * @param type        the kind of fact
 * @param fields      its fields, in file order
 */
public record AuditRecord(long line, long offset, int lengthBytes, long seq, String prevSha256, String sha256,
                          Instant at, String type, Map<String, Object> fields) {

    /** Rejects nulls and freezes the fields. */
    public AuditRecord {
        Objects.requireNonNull(prevSha256, "prevSha256");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        fields = Map.copyOf(fields);
    }

    /**
     * @param key field name
     * @return the field's text, or null when absent or not a string
     */
    public @org.jspecify.annotations.Nullable String text(String key) {
        Object v = fields.get(key);
        return v instanceof String s ? s : null;
    }
}
