package org.vigie.link.codec;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One MAVLink frame as received or sent, immutable.
 *
 * <p>{@code payload} is the payload as it stands on the wire (MAVLink 2 may have truncated trailing zeros: use
 * {@link #payloadByte(int)} or {@link MessageCodec} for zero-extended access). {@code raw} holds the exact bytes of the
 * whole frame (header, payload, CRC and signature), which the router forwards unchanged. {@code signature} is the
 * 13-byte signature block (link id, 48-bit timestamp little-endian, 6-byte signature) or null when unsigned.
 *
 * <p>The arrays are not copied: treat them as read-only. Thread-safe if they are not mutated.
 *
 * @param version 1 or 2
 * @param incompatFlags MAVLink 2 incompatibility flags (0 for MAVLink 1)
 * @param compatFlags MAVLink 2 compatibility flags (0 for MAVLink 1)
 * @param seq packet sequence, 0..255
 * @param sysId source system id, 0..255
 * @param compId source component id, 0..255
 * @param msgId message id (0..255 for MAVLink 1, 0..16777215 for MAVLink 2)
 * @param payload payload bytes as on the wire
 * @param signature 13-byte signature block, or null
 * @param raw the whole frame as on the wire
 */
// the arrays are the frame as parsed, shared rather than copied (allocation-free path); equals and hashCode below
// compare the raw bytes, which hold every component
@SuppressWarnings("ArrayRecordComponent")
public record MavlinkFrame(int version, int incompatFlags, int compatFlags, int seq, int sysId, int compId, int msgId,
                           byte[] payload, byte @Nullable [] signature, byte[] raw) {

    /** MAVLink 1 start byte. */
    public static final int STX_V1 = 0xFE;
    /** MAVLink 2 start byte. */
    public static final int STX_V2 = 0xFD;
    /** Incompatibility flag: the frame is signed. */
    public static final int INCOMPAT_SIGNED = 0x01;
    /** Signature block length in bytes. */
    public static final int SIGNATURE_LENGTH = 13;

    /** Validates ranges and nulls. */
    public MavlinkFrame {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("version must be 1 or 2, was " + version);
        }
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(raw, "raw");
        if (signature != null && signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be 13 bytes, was " + signature.length);
        }
    }

    /**
     * Whether the frame carries a signature block.
     *
     * @return true if signed
     */
    public boolean signed() {
        return signature != null;
    }

    /**
     * Link id from the signature block.
     *
     * @return 0..255, or -1 if unsigned
     */
    public int signatureLinkId() {
        return signature == null ? -1 : signature[0] & 0xFF;
    }

    /**
     * 48-bit signature timestamp, in 10 µs units since 2015-01-01T00:00:00Z.
     *
     * @return the timestamp, or -1 if unsigned
     */
    public long signatureTimestamp() {
        if (signature == null) {
            return -1;
        }
        long t = 0;
        for (int i = 6; i >= 1; i--) {
            t = (t << 8) | (signature[i] & 0xFF);
        }
        return t;
    }

    /**
     * Payload byte with MAVLink 2 zero-extension.
     *
     * @param index byte index
     * @return the unsigned byte, 0 beyond the wire payload
     */
    public int payloadByte(int index) {
        return index < payload.length ? payload[index] & 0xFF : 0;
    }

    /**
     * Hex of the raw frame, for logs and golden tests.
     *
     * @return lower-case hex
     */
    public String hex() {
        return HexFormat.of().formatHex(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MavlinkFrame f && Arrays.equals(raw, f.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "MavlinkFrame[v" + version + " seq=" + seq + " " + sysId + "/" + compId + " msg=" + msgId
                + " len=" + payload.length + (signature != null ? " signed link=" + signatureLinkId() : "") + "]";
    }
}
