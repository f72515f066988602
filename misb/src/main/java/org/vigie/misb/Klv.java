package org.vigie.misb;

/**
 * KLV building blocks of SMPTE 336 as ST 0601 uses them: BER lengths (short and long form), BER-OID tags and the
 * ST 0601 checksum. Stateless and thread-safe; no allocation.
 */
public final class Klv {

    private Klv() {
    }

    /**
     * Bytes a BER length takes: 1 (short form) below 128, else 1 + the bytes of the value (long form).
     *
     * @param length the length, zero or positive
     * @return 1 to 5
     * @throws IllegalArgumentException if length is negative
     */
    public static int berLengthSize(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("BER length " + length + " is negative");
        }
        if (length < 128) {
            return 1;
        }
        int n = 1;
        while ((length >>> (8 * n)) != 0) {
            n++;
        }
        return 1 + n;
    }

    /**
     * Writes a BER length (short form below 128, shortest long form above).
     *
     * @return the index after the last byte written
     */
    public static int writeBerLength(int length, byte[] dst, int offset) {
        int size = berLengthSize(length);
        if (size == 1) {
            dst[offset] = (byte) length;
            return offset + 1;
        }
        int n = size - 1;
        dst[offset] = (byte) (0x80 | n);
        for (int i = 0; i < n; i++) {
            dst[offset + 1 + i] = (byte) (length >>> (8 * (n - 1 - i)));
        }
        return offset + size;
    }

    /**
     * Bytes a BER-OID encoded tag takes (7 bits per byte).
     *
     * @param tag the tag, 1 or more
     * @return 1 to 5
     * @throws IllegalArgumentException if tag is not positive
     */
    public static int berOidSize(int tag) {
        if (tag <= 0) {
            throw new IllegalArgumentException("tag " + tag + " must be positive");
        }
        int n = 1;
        while ((tag >>> (7 * n)) != 0) {
            n++;
        }
        return n;
    }

    /**
     * Writes a BER-OID tag: big-endian groups of 7 bits, the high bit set on every byte but the last.
     *
     * @return the index after the last byte written
     */
    public static int writeBerOid(int tag, byte[] dst, int offset) {
        int n = berOidSize(tag);
        for (int i = 0; i < n; i++) {
            int group = (tag >>> (7 * (n - 1 - i))) & 0x7F;
            dst[offset + i] = (byte) (i < n - 1 ? group | 0x80 : group);
        }
        return offset + n;
    }

    /**
     * The ST 0601 checksum: a 16-bit running sum of the bytes, each byte at an even distance from the start of the
     * packet shifted left by 8 (the standard's {@code bcc += buf[i] << (8 * ((i + 1) % 2))}).
     *
     * @param packet bytes starting at the first byte of the universal key
     * @param offset index of the first key byte
     * @param length number of bytes summed: the whole packet up to and including the checksum's tag and length bytes
     * @return the checksum, 0 to 65535
     */
    public static int checksum(byte[] packet, int offset, int length) {
        int sum = 0;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += ((packet[offset + i] & 0xFF) << 8) + (packet[offset + i + 1] & 0xFF);
        }
        if (i < length) {
            sum += (packet[offset + i] & 0xFF) << 8;
        }
        return sum & 0xFFFF;
    }
}
