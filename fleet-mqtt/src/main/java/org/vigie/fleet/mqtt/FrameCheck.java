package org.vigie.fleet.mqtt;

import org.jspecify.annotations.Nullable;

/**
 * The shape check of a payload before it reaches a link: exactly one signed MAVLink 2 frame. The signature itself is
 * checked by the link (the drone's or the centre's key, replay memory).
 */
public final class FrameCheck {

    /** The longest MAVLink 2 frame: 10 header, 255 payload, 2 checksum, 13 signature bytes. */
    public static final int MAX_FRAME_BYTES = 280;
    /** TUNNEL's message id (the dispatch protocol's carrier). */
    public static final int TUNNEL_MSG_ID = 385;

    private FrameCheck() {
    }

    /**
     * @param p a payload
     * @return why it is not one signed MAVLink 2 frame, or null if it is
     */
    public static @Nullable Rejection check(byte[] p) {
        if (p.length > MAX_FRAME_BYTES) {
            return Rejection.OVERSIZE;
        }
        if (p.length < 12 || (p[0] & 0xFF) != 0xFD) {
            return Rejection.MALFORMED;
        }
        boolean signed = (p[2] & 0x01) != 0;
        int expected = 12 + (p[1] & 0xFF) + (signed ? 13 : 0);
        if (p.length != expected) {
            return Rejection.MALFORMED;
        }
        return signed ? null : Rejection.UNSIGNED;
    }

    /**
     * @param p a checked frame
     * @return its sender's system id
     */
    public static int systemId(byte[] p) {
        return p[5] & 0xFF;
    }

    /**
     * @param p      a buffer holding a MAVLink 2 frame (at least 10 bytes from offset)
     * @param offset where the frame starts
     * @return its message id
     */
    public static int messageId(byte[] p, int offset) {
        return (p[offset + 7] & 0xFF) | (p[offset + 8] & 0xFF) << 8 | (p[offset + 9] & 0xFF) << 16;
    }
}
