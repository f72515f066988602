package org.vigie.link.signing;

import java.util.Objects;
import org.vigie.link.codec.FrameSigner;
import org.vigie.link.codec.MavlinkFrame;

/**
 * Signs outgoing MAVLink 2 frames: appends link id, a fresh timestamp from {@link SigningTimestamps} and the first
 * 6 bytes of {@code SHA-256(key + header + payload + CRC + link id + timestamp)} (the header starts at the 0xFD
 * start byte). Give it to {@link org.vigie.link.codec.FrameWriter#encodeV2}.
 *
 * <p>Threading: not thread-safe (it holds a digest); use one signer per writer thread. Several signers (one per
 * link, each with its own link id) may share one {@link SigningTimestamps}.
 */
public final class MavlinkSigner implements FrameSigner {

    private final SigningKeyring keys;
    private final int linkId;
    private final SigningTimestamps timestamps;
    private final Sha256 sha = new Sha256();
    private long signedFrames;

    /**
     * Creates a signer.
     *
     * @param key the secret key
     * @param linkId link id written in every signature, 0..255 (normally the channel number)
     * @param timestamps the system's timestamp source
     * @throws IllegalArgumentException if linkId is outside 0..255
     */
    public MavlinkSigner(SigningKey key, int linkId, SigningTimestamps timestamps) {
        this(SigningKeyring.fixed(key), linkId, timestamps);
    }

    /**
     * Creates a signer that signs with the keyring's outgoing key of the moment (it follows key rotations).
     *
     * @param keys the end's keyring
     * @param linkId link id written in every signature, 0..255 (normally the channel number)
     * @param timestamps the system's timestamp source
     * @throws IllegalArgumentException if linkId is outside 0..255
     */
    public MavlinkSigner(SigningKeyring keys, int linkId, SigningTimestamps timestamps) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        if (linkId < 0 || linkId > 255) {
            throw new IllegalArgumentException("signing link id must be 0..255, was " + linkId);
        }
        this.linkId = linkId;
    }

    /** @return the link id this signer writes */
    public int linkId() {
        return linkId;
    }

    /** @return the keyring this signer takes its key from */
    public SigningKeyring keys() {
        return keys;
    }

    /** @return how many frames this signer signed */
    public long signedFrames() {
        return signedFrames;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the frame is not MAVLink 2 with the signed flag set, or the buffer is too
     *     short for the 13-byte block
     */
    @Override
    public void sign(byte[] frame, int offset, int unsignedLength) {
        if (offset < 0 || unsignedLength < 12 || frame.length < offset + unsignedLength + MavlinkFrame.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("no room for a signature: buffer " + frame.length + " bytes, frame at "
                    + offset + " of " + unsignedLength + " bytes");
        }
        if ((frame[offset] & 0xFF) != MavlinkFrame.STX_V2 || (frame[offset + 2] & MavlinkFrame.INCOMPAT_SIGNED) == 0) {
            throw new IllegalArgumentException("only MAVLink 2 frames with the signed flag set can be signed");
        }
        writeSignature(frame, offset, unsignedLength, timestamps.next());
        signedFrames++;
    }

    /**
     * Writes the signature block with a given timestamp (for tests and tools reproducing a recorded frame).
     *
     * @param frame buffer with the frame
     * @param offset start byte index
     * @param unsignedLength header + payload + CRC length
     * @param timestamp 48-bit timestamp to use
     */
    void writeSignature(byte[] frame, int offset, int unsignedLength, long timestamp) {
        int p = offset + unsignedLength;
        frame[p] = (byte) linkId;
        for (int i = 0; i < 6; i++) {
            frame[p + 1 + i] = (byte) (timestamp >>> (8 * i));
        }
        sha.signature(keys.outgoing(), frame, offset, unsignedLength + 7, frame, p + 7);
    }

    @Override
    public String toString() {
        return "MavlinkSigner[link=" + linkId + " key=" + keys.outgoing().fingerprint() + "]";
    }
}
