package org.vigie.link.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 computation of the 48-bit MAVLink signature. Not thread-safe: one instance per thread. */
final class Sha256 {

    private final MessageDigest digest = newDigest();
    private final byte[] out = new byte[32];

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * Computes sha256(key + frame[offset, offset + signedLength)) and writes its first 6 bytes to dst[dstOffset].
     *
     * @param signedLength header + payload + CRC + link id + timestamp (7 bytes)
     */
    void signature(SigningKey key, byte[] frame, int offset, int signedLength, byte[] dst, int dstOffset) {
        digest.reset();
        key.updateDigest(digest);
        digest.update(frame, offset, signedLength);
        try {
            digest.digest(out, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(out, 0, dst, dstOffset, 6);
    }

    /** Constant-time comparison of the 6 signature bytes. */
    boolean matches(SigningKey key, byte[] frame, int offset, int signedLength, int sigOffset) {
        digest.reset();
        key.updateDigest(digest);
        digest.update(frame, offset, signedLength);
        try {
            digest.digest(out, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        int diff = 0;
        for (int i = 0; i < 6; i++) {
            diff |= out[i] ^ frame[sigOffset + i];
        }
        return diff == 0;
    }
}
