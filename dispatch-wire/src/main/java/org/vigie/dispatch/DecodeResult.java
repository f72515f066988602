package org.vigie.dispatch;

import java.util.Objects;

/**
 * The result of decoding one message body: the message, or why the bytes are not one. Decoding never throws.
 * Immutable.
 */
public sealed interface DecodeResult {

    /**
     * The bytes were a valid message.
     *
     * @param message the message
     */
    record Decoded(DispatchMessage message) implements DecodeResult {
        /** Rejects null. */
        public Decoded {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The bytes were not a valid message.
     *
     * @param reason    the class of fault
     * @param detail    a sentence naming the field and the value
     * @param kind      the kind byte when one was read, else -1
     * @param requestId the request id when one could be read (so the sender can be answered), else 0
     */
    record Malformed(MalformedReason reason, String detail, int kind, long requestId) implements DecodeResult {
        /** Rejects nulls. */
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Classes of malformed input, for counting. */
    enum MalformedReason {
        /** No bytes at all. */
        EMPTY,
        /** The kind byte is not one of {@link DispatchWire}'s kinds. */
        UNKNOWN_KIND,
        /** The body ends inside a field. */
        TRUNCATED,
        /** Bytes follow the last field. */
        TRAILING_BYTES,
        /** A string is not valid UTF-8 or longer than its limit. */
        BAD_STRING,
        /** A number, flag, status or code is outside its range, or a field fails validation. */
        BAD_VALUE,
        /** Fragments disagree, or the wire version is not ours (reported by the {@link Reassembler}). */
        BAD_FRAGMENT
    }
}
