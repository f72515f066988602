package org.vigie.audit;

import java.util.Objects;

/**
 * The first record at which a trail is not what was written: malformed, out of sequence, not chained to the record
 * before it, or a checkpoint whose signature does not verify. Immutable.
 *
 * @param line   1-based line number of the bad record
 * @param offset its byte offset
 * @param seq    its sequence number, or -1 if it could not be read
 * @param detail what differs, in a sentence (expected and found values)
 */
public record ChainBreak(long line, long offset, long seq, String detail) {

    /** Rejects a null detail. */
    public ChainBreak {
        Objects.requireNonNull(detail, "detail");
    }

    /** @return "line L (seq S, byte B): detail" */
    public String describe() {
        return "line " + line + " (" + (seq >= 0 ? "seq " + seq + ", " : "") + "byte " + offset + "): " + detail;
    }
}
