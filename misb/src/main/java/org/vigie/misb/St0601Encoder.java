package org.vigie.misb;

/**
 * Writes ST 0601 UAS Datalink Local Set packets: the 16-byte universal key, the BER length of the set, every encodable
 * item as BER-OID tag + BER length + value, and the checksum (tag 1) last.
 *
 * <p>Items whose value cannot be represented ({@link St0601Value#encodedLength()} zero) are left out. Stateless and
 * thread-safe; {@link #encode(St0601Packet, byte[], int)} allocates nothing.
 */
public final class St0601Encoder {

    private static final byte[] KEY = {
        0x06, 0x0E, 0x2B, 0x34, 0x02, 0x0B, 0x01, 0x01, 0x0E, 0x01, 0x03, 0x01, 0x01, 0x00, 0x00, 0x00
    };

    /** Length of the universal key. */
    public static final int KEY_LENGTH = 16;

    /** Creates an encoder. */
    public St0601Encoder() {
    }

    /**
     * The UAS Datalink Local Set universal key {@code 06 0E 2B 34 02 0B 01 01 0E 01 03 01 01 00 00 00}.
     *
     * @return a fresh copy
     */
    public static byte[] universalKey() {
        return KEY.clone();
    }

    static boolean isKeyAt(byte[] src, int offset) {
        for (int i = 0; i < KEY_LENGTH; i++) {
            if (src[offset + i] != KEY[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Size in bytes of the encoded packet.
     *
     * @param packet the packet
     * @return total bytes including key, length and checksum
     */
    public int encodedSize(St0601Packet packet) {
        int body = bodySize(packet);
        return KEY_LENGTH + Klv.berLengthSize(body) + body;
    }

    private static int bodySize(St0601Packet packet) {
        int body = 4;
        var items = packet.items();
        for (int i = 0, n = items.size(); i < n; i++) {
            St0601Value v = items.get(i);
            int len = v.encodedLength();
            if (len > 0) {
                body += Klv.berOidSize(v.tag()) + Klv.berLengthSize(len) + len;
            }
        }
        return body;
    }

    /**
     * Encodes into a new array.
     *
     * @param packet the packet
     * @return the bytes of one complete packet
     */
    public byte[] encode(St0601Packet packet) {
        byte[] out = new byte[encodedSize(packet)];
        encode(packet, out, 0);
        return out;
    }

    /**
     * Encodes into a caller's buffer, allocating nothing.
     *
     * @param packet the packet
     * @param dst destination
     * @param offset index of the first byte
     * @return number of bytes written
     * @throws IllegalArgumentException if dst has fewer than {@link #encodedSize} bytes from offset
     */
    public int encode(St0601Packet packet, byte[] dst, int offset) {
        int body = bodySize(packet);
        int total = KEY_LENGTH + Klv.berLengthSize(body) + body;
        if (offset < 0 || dst.length - offset < total) {
            throw new IllegalArgumentException("buffer of " + dst.length + " bytes from offset " + offset
                    + " cannot hold a packet of " + total + " bytes");
        }
        System.arraycopy(KEY, 0, dst, offset, KEY_LENGTH);
        int p = Klv.writeBerLength(body, dst, offset + KEY_LENGTH);
        var items = packet.items();
        for (int i = 0, n = items.size(); i < n; i++) {
            St0601Value v = items.get(i);
            int len = v.encodedLength();
            if (len > 0) {
                p = Klv.writeBerOid(v.tag(), dst, p);
                p = Klv.writeBerLength(len, dst, p);
                v.writeValue(dst, p);
                p += len;
            }
        }
        dst[p++] = 1;
        dst[p++] = 2;
        int sum = Klv.checksum(dst, offset, p - offset);
        dst[p++] = (byte) (sum >>> 8);
        dst[p++] = (byte) sum;
        return p - offset;
    }
}
