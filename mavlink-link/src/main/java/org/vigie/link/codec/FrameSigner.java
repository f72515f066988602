package org.vigie.link.codec;

/**
 * Appends a MAVLink 2 signature block to an outgoing frame. Implemented by the link's signing support.
 *
 * <p>Threading: called on the writer's thread; implementations keep their own timestamp state.
 */
public interface FrameSigner {
    /**
     * Writes the 13-byte signature block (link id, 48-bit timestamp, 6-byte truncated SHA-256) at
     * {@code frame[offset + unsignedLength]}. The frame's incompat flag for signing is already set and its CRC
     * already written.
     *
     * @param frame buffer holding the frame
     * @param offset index of the start byte
     * @param unsignedLength length of header + payload + CRC
     */
    void sign(byte[] frame, int offset, int unsignedLength);
}
