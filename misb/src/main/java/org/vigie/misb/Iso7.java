package org.vigie.misb;

import java.nio.charset.StandardCharsets;

/** ISO/IEC 646 (7-bit) strings as ST 0601 carries them: 1 to 127 printable characters. Stateless. */
final class Iso7 {

    /** Longest string the standard allows for these items. */
    static final int MAX_LENGTH = 127;

    private Iso7() {
    }

    /** Number of bytes the text takes: its length capped at 127, 0 for null or empty (the item is omitted). */
    static int length(String text) {
        return text == null ? 0 : Math.min(text.length(), MAX_LENGTH);
    }

    /** Writes the text, replacing every character outside printable ASCII by '?'. */
    static void write(String text, byte[] dst, int offset) {
        int n = length(text);
        if (n == 0) {
            throw new IllegalStateException("empty string has no encoding");
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            dst[offset + i] = (byte) (c >= 0x20 && c < 0x7F ? c : '?');
        }
    }

    /** Reads bytes as ASCII. */
    static String read(byte[] src, int offset, int length) {
        return new String(src, offset, length, StandardCharsets.US_ASCII);
    }
}
