package org.vigie.link.codec;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Encodes MAVLink 1 and 2 frames from a payload, with CRC_EXTRA, MAVLink 2 trailing-zero truncation and optional
 * signing. Keeps the outgoing sequence number.
 *
 * <p>Threading: not thread-safe (the sequence counter); use one writer per sending component on one thread.
 */
public final class FrameWriter {

    private final MessageTable table;
    private int seq;

    /** Creates a writer for the ardupilotmega dialect. */
    public FrameWriter() {
        this(MessageTable.ardupilotmega());
    }

    /**
     * Creates a writer.
     *
     * @param table dialect knowledge
     */
    public FrameWriter(MessageTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * The sequence number the next frame will carry.
     *
     * @return 0..255
     */
    public int nextSeq() {
        return seq;
    }

    /**
     * Sets the sequence number the next frame will carry (for example to continue a recorded stream, or in tests).
     *
     * @param nextSeq 0..255
     * @throws IllegalArgumentException if nextSeq is outside 0..255
     */
    public void resetSequence(int nextSeq) {
        if (nextSeq < 0 || nextSeq > 255) {
            throw new IllegalArgumentException("sequence must be 0..255, was " + nextSeq);
        }
        seq = nextSeq;
    }

    /**
     * Encodes a MAVLink 2 frame, truncating trailing zero bytes of the payload (at least one byte is kept).
     *
     * @param sysId source system id 1..255
     * @param compId source component id 0..255
     * @param msgId known message id
     * @param payload full payload (extensions included or not)
     * @param signer signer, or null for an unsigned frame
     * @return the frame
     * @throws IllegalArgumentException for an unknown message id, an oversize payload or ids out of range
     */
    public MavlinkFrame encodeV2(int sysId, int compId, int msgId, byte[] payload, @Nullable FrameSigner signer) {
        checkIds(sysId, compId);
        int crcExtra = requireKnown(msgId);
        if (payload.length > table.maxPayloadLength(msgId)) {
            throw new IllegalArgumentException("payload of message " + msgId + " is " + payload.length
                    + " bytes, more than its " + table.maxPayloadLength(msgId));
        }
        int len = payload.length;
        while (len > 1 && payload[len - 1] == 0) {
            len--;
        }
        int sigLen = signer != null ? MavlinkFrame.SIGNATURE_LENGTH : 0;
        byte[] raw = new byte[10 + len + 2 + sigLen];
        raw[0] = (byte) MavlinkFrame.STX_V2;
        raw[1] = (byte) len;
        raw[2] = (byte) (signer != null ? MavlinkFrame.INCOMPAT_SIGNED : 0);
        raw[3] = 0;
        int s = seq;
        raw[4] = (byte) s;
        raw[5] = (byte) sysId;
        raw[6] = (byte) compId;
        raw[7] = (byte) msgId;
        raw[8] = (byte) (msgId >>> 8);
        raw[9] = (byte) (msgId >>> 16);
        System.arraycopy(payload, 0, raw, 10, len);
        int crc = MavlinkCrc.accumulate(MavlinkCrc.INIT, raw, 1, 9 + len);
        crc = MavlinkCrc.accumulate(crc, crcExtra);
        raw[10 + len] = (byte) crc;
        raw[11 + len] = (byte) (crc >>> 8);
        byte[] sig = null;
        if (signer != null) {
            signer.sign(raw, 0, 12 + len);
            sig = new byte[MavlinkFrame.SIGNATURE_LENGTH];
            System.arraycopy(raw, 12 + len, sig, 0, sig.length);
        }
        seq = (s + 1) & 0xFF;
        byte[] p = new byte[len];
        System.arraycopy(payload, 0, p, 0, len);
        return new MavlinkFrame(2, raw[2] & 0xFF, 0, s, sysId, compId, msgId, p, sig, raw);
    }

    /**
     * Encodes a MAVLink 1 frame. The payload is cut or zero-padded to the message's base length (MAVLink 1 carries
     * no extension fields).
     *
     * @param sysId source system id 1..255
     * @param compId source component id 0..255
     * @param msgId known message id 0..255
     * @param payload payload
     * @return the frame
     * @throws IllegalArgumentException for an id above 255, an unknown id, or ids out of range
     */
    public MavlinkFrame encodeV1(int sysId, int compId, int msgId, byte[] payload) {
        checkIds(sysId, compId);
        if (msgId > 255) {
            throw new IllegalArgumentException("message " + msgId + " cannot be sent as MAVLink 1 (id > 255)");
        }
        int crcExtra = requireKnown(msgId);
        int len = table.minPayloadLength(msgId);
        byte[] raw = new byte[6 + len + 2];
        raw[0] = (byte) MavlinkFrame.STX_V1;
        raw[1] = (byte) len;
        int s = seq;
        raw[2] = (byte) s;
        raw[3] = (byte) sysId;
        raw[4] = (byte) compId;
        raw[5] = (byte) msgId;
        System.arraycopy(payload, 0, raw, 6, Math.min(len, payload.length));
        int crc = MavlinkCrc.accumulate(MavlinkCrc.INIT, raw, 1, 5 + len);
        crc = MavlinkCrc.accumulate(crc, crcExtra);
        raw[6 + len] = (byte) crc;
        raw[7 + len] = (byte) (crc >>> 8);
        seq = (s + 1) & 0xFF;
        byte[] p = new byte[len];
        System.arraycopy(raw, 6, p, 0, len);
        return new MavlinkFrame(1, 0, 0, s, sysId, compId, msgId, p, null, raw);
    }

    private int requireKnown(int msgId) {
        int crcExtra = table.crcExtra(msgId);
        if (crcExtra < 0) {
            throw new IllegalArgumentException("message id " + msgId + " is not in the dialect");
        }
        return crcExtra;
    }

    private static void checkIds(int sysId, int compId) {
        if (sysId < 1 || sysId > 255) {
            throw new IllegalArgumentException("system id must be 1..255, was " + sysId);
        }
        if (compId < 0 || compId > 255) {
            throw new IllegalArgumentException("component id must be 0..255, was " + compId);
        }
    }
}
