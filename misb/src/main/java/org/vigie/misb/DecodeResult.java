package org.vigie.misb;

import java.util.List;

/**
 * Outcome of decoding one ST 0601 packet: a closed set, decoding never throws on bad bytes.
 */
public sealed interface DecodeResult {

    /**
     * Number of bytes this result covers from the decode offset: the packet's length when decoded, or how far a reader
     * of concatenated packets may skip after a rejection (at least 1 if any byte was available).
     *
     * @return bytes consumed
     */
    int consumedBytes();

    /**
     * A packet with a valid key, length and checksum.
     *
     * @param packet the decoded items in wire order (checksum excluded)
     * @param undecoded items that were skipped (unknown tags, wrong lengths)
     * @param consumedBytes the packet's total length
     */
    record Decoded(St0601Packet packet, List<UndecodedTag> undecoded, int consumedBytes) implements DecodeResult {
        /** Copies the list. */
        public Decoded {
            undecoded = List.copyOf(undecoded);
        }
    }

    /**
     * Bytes that are not a valid packet.
     *
     * @param reason what was wrong
     * @param detail a sentence for logs
     * @param consumedBytes bytes to skip before looking for the next packet
     */
    record Rejected(Reason reason, String detail, int consumedBytes) implements DecodeResult {
    }

    /** Why bytes were rejected. */
    enum Reason {
        /** Fewer bytes than the key and length announce. */
        TRUNCATED,
        /** The bytes do not start with the UAS Datalink Local Set key. */
        BAD_KEY,
        /** The BER length is malformed or too large. */
        BAD_LENGTH,
        /** An item overruns the set, or the set's layout is broken. */
        MALFORMED,
        /** No checksum item, or it is not the last item. */
        MISSING_CHECKSUM,
        /** The checksum does not match. */
        BAD_CHECKSUM
    }
}
