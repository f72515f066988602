package org.vigie.link.codec;

import org.jspecify.annotations.Nullable;

/**
 * A reusable, allocation-free view of one frame inside a parser's buffer, handed to a
 * {@link FrameParser.Listener}. Valid only during the callback: copy what you need, or call {@link #toFrame()}.
 *
 * <p>Not thread-safe; owned by one parser.
 */
public final class FrameView {

    private final MessageTable table;
    byte[] buf = new byte[0];
    int off;
    int len;
    int version;
    int payloadLen;
    int payloadOff;
    int msgId;
    boolean known;

    FrameView(MessageTable table) {
        this.table = table;
    }

    /** @return 1 or 2 */
    public int version() {
        return version;
    }

    /** @return packet sequence 0..255 */
    public int seq() {
        return buf[off + (version == 2 ? 4 : 2)] & 0xFF;
    }

    /** @return source system id */
    public int sysId() {
        return buf[off + (version == 2 ? 5 : 3)] & 0xFF;
    }

    /** @return source component id */
    public int compId() {
        return buf[off + (version == 2 ? 6 : 4)] & 0xFF;
    }

    /** @return message id */
    public int msgId() {
        return msgId;
    }

    /** @return MAVLink 2 incompatibility flags, 0 for MAVLink 1 */
    public int incompatFlags() {
        return version == 2 ? buf[off + 2] & 0xFF : 0;
    }

    /** @return MAVLink 2 compatibility flags, 0 for MAVLink 1 */
    public int compatFlags() {
        return version == 2 ? buf[off + 3] & 0xFF : 0;
    }

    /** @return whether a signature block follows the CRC */
    public boolean signed() {
        return version == 2 && (buf[off + 2] & MavlinkFrame.INCOMPAT_SIGNED) != 0;
    }

    /** @return whether the dialect knows this message id (its CRC was checked) */
    public boolean known() {
        return known;
    }

    /** @return payload length on the wire, bytes */
    public int payloadLength() {
        return payloadLen;
    }

    /** @return index in {@link #buffer()} of the first payload byte */
    public int payloadOffset() {
        return payloadOff;
    }

    /**
     * Payload byte with zero-extension.
     *
     * @param index byte index in the payload
     * @return unsigned byte value, 0 past the wire payload
     */
    public int payloadByte(int index) {
        return index < payloadLen ? buf[payloadOff + index] & 0xFF : 0;
    }

    /** @return the backing buffer (do not keep it) */
    public byte[] buffer() {
        return buf;
    }

    /** @return index of the frame's start byte in {@link #buffer()} */
    public int offset() {
        return off;
    }

    /** @return whole frame length including CRC and signature, bytes */
    public int length() {
        return len;
    }

    /**
     * Target system from the payload, for targeted messages.
     *
     * @return 0..255 (0 = broadcast), or -1 if the message has no target_system field
     */
    public int targetSystem() {
        int o = table.targetSystemOffset(msgId);
        return o < 0 ? -1 : payloadByte(o);
    }

    /**
     * Target component from the payload.
     *
     * @return 0..255 (0 = broadcast), or -1 if the message has no target_component field
     */
    public int targetComponent() {
        int o = table.targetComponentOffset(msgId);
        return o < 0 ? -1 : payloadByte(o);
    }

    /**
     * Copies this view into an immutable frame.
     *
     * @return a new frame
     */
    public MavlinkFrame toFrame() {
        byte[] raw = new byte[len];
        System.arraycopy(buf, off, raw, 0, len);
        byte[] payload = new byte[payloadLen];
        System.arraycopy(buf, payloadOff, payload, 0, payloadLen);
        byte[] sig = null;
        if (signed()) {
            sig = new byte[MavlinkFrame.SIGNATURE_LENGTH];
            System.arraycopy(buf, off + len - MavlinkFrame.SIGNATURE_LENGTH, sig, 0, MavlinkFrame.SIGNATURE_LENGTH);
        }
        return new MavlinkFrame(version, incompatFlags(), compatFlags(), seq(), sysId(), compId(), msgId, payload, sig,
                raw);
    }
}
