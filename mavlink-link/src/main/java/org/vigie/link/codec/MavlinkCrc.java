package org.vigie.link.codec;

/**
 * The MAVLink checksum: CRC-16/MCRF4XX (X.25 polynomial 0x1021 reflected, initial value 0xFFFF, no final XOR).
 *
 * <p>Stateless and thread-safe. All values are unsigned 16-bit numbers held in an {@code int}.
 */
public final class MavlinkCrc {

    /** Initial CRC value. */
    public static final int INIT = 0xFFFF;

    private MavlinkCrc() {}

    /**
     * Accumulates one byte.
     *
     * @param crc the running CRC (16 bits)
     * @param b the byte (only the low 8 bits are used)
     * @return the new CRC (16 bits)
     */
    public static int accumulate(int crc, int b) {
        int tmp = (b ^ crc) & 0xFF;
        tmp = (tmp ^ (tmp << 4)) & 0xFF;
        return ((crc >>> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >>> 4)) & 0xFFFF;
    }

    /**
     * Accumulates a range of bytes.
     *
     * @param crc the running CRC
     * @param data the bytes
     * @param offset first index
     * @param length number of bytes
     * @return the new CRC
     */
    public static int accumulate(int crc, byte[] data, int offset, int length) {
        int c = crc;
        final char[] t = TABLE;
        for (int i = offset, end = offset + length; i < end; i++) {
            c = (c >>> 8) ^ t[(c ^ data[i]) & 0xFF];
        }
        return c;
    }

    /** CRC of every single byte value from 0: {@code TABLE[x] = accumulate(0, x)} on the reflected polynomial. */
    private static final char[] TABLE = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            TABLE[i] = (char) accumulate(0, i);
        }
    }
}
