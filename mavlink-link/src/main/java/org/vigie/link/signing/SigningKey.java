package org.vigie.link.signing;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A MAVLink 2 secret key: exactly 32 bytes. The bytes are copied in and never exposed through {@link #toString()};
 * {@link #fingerprint()} identifies a key in logs without revealing it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SigningKey {

    private final byte[] key;

    private SigningKey(byte[] key) {
        this.key = key;
    }

    /**
     * Creates a key from its bytes (copied).
     *
     * @param bytes exactly 32 bytes
     * @return the key
     * @throws IllegalArgumentException if bytes is null or not 32 bytes long
     */
    public static SigningKey of(byte[] bytes) {
        if (bytes == null || bytes.length != Signing.KEY_LENGTH) {
            throw new IllegalArgumentException("a MAVLink signing key must be exactly 32 bytes, was "
                    + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        return new SigningKey(bytes.clone());
    }

    /**
     * Creates a key from 64 hex digits.
     *
     * @param hex 64 hexadecimal digits (either case)
     * @return the key
     * @throws IllegalArgumentException if the text is not 64 hex digits
     */
    public static SigningKey ofHex(String hex) {
        if (hex == null || hex.length() != 2 * Signing.KEY_LENGTH) {
            throw new IllegalArgumentException("a MAVLink signing key in hex must be 64 digits, was "
                    + (hex == null ? "null" : hex.length() + " characters"));
        }
        try {
            return new SigningKey(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a MAVLink signing key in hex must contain only hex digits", e);
        }
    }

    /**
     * A copy of the key bytes (for SETUP_SIGNING or storage). Callers should wipe the copy after use.
     *
     * @return a new 32-byte array
     */
    public byte[] bytes() {
        return key.clone();
    }

    /**
     * Whether this is the all-zero key, which SETUP_SIGNING uses to turn signing off.
     *
     * @return true if every byte is zero
     */
    public boolean isZero() {
        int acc = 0;
        for (byte b : key) {
            acc |= b;
        }
        return acc == 0;
    }

    /**
     * A short, non-secret identifier: the first 4 bytes of SHA-256("vigie-key-fingerprint" + key), in hex.
     *
     * @return 8 hex digits
     */
    public String fingerprint() {
        MessageDigest d = Sha256.newDigest();
        d.update("vigie-key-fingerprint".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        d.update(key);
        return HexFormat.of().formatHex(d.digest(), 0, 4);
    }

    /** Feeds the key into a digest (package use; avoids exposing the bytes). */
    void updateDigest(MessageDigest digest) {
        digest.update(key);
    }

    /** Constant-time comparison of key bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey k && MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** @return a description that never contains the key bytes */
    @Override
    public String toString() {
        return "SigningKey[fingerprint=" + fingerprint() + "]";
    }
}
