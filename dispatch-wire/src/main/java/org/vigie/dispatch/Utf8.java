package org.vigie.dispatch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Strict UTF-8 helpers of the codec (stateless, thread-safe). */
public final class Utf8 {

    private Utf8() {
    }

    /** @return the UTF-8 byte count of {@code s} (unpaired surrogates count as the 1-byte '?' Java writes) */
    public static int length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** @return the strictly decoded string, or null if the bytes are not valid UTF-8 */
    public static @Nullable String decode(byte[] b, int off, int len) {
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Cuts {@code s} so that its UTF-8 form fits {@code maxBytes}, on a code point boundary, ending with "…" when cut.
     */
    public static String truncate(String s, int maxBytes) {
        if (length(s) <= maxBytes) {
            return s;
        }
        int budget = maxBytes - 3;
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (Character.isSurrogate((char) cp)) {
                n = 1;
            }
            if (used + n > budget) {
                break;
            }
            sb.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }
}
