package org.vigie.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 checkpoints with a shared secret (the drone's MAVLink signing key: the dispatch centre holds it too).
 * Signs and verifies; thread-safe (a new {@link Mac} per call). The secret is copied and never printed.
 */
public final class HmacSha256Key implements CheckpointSigner, CheckpointVerifier {

    /** The algorithm name written in checkpoints. */
    public static final String ALGORITHM = "HMAC-SHA-256";

    private final String keyId;
    private final byte[] secret;

    /**
     * @param keyId  the key's identifier (1 to 64 characters, no line break)
     * @param secret the shared secret, at least 16 bytes
     * @throws IllegalArgumentException if the id or the secret is unfit
     */
    public HmacSha256Key(String keyId, byte[] secret) {
        this.keyId = checkKeyId(keyId);
        if (secret.length < 16) {
            throw new IllegalArgumentException("an HMAC checkpoint key needs at least 16 bytes, was " + secret.length);
        }
        this.secret = secret.clone();
    }

    static String checkKeyId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isEmpty() || keyId.length() > 64 || keyId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a checkpoint key id must be 1..64 printable characters, was '"
                    + (keyId.length() > 80 ? keyId.substring(0, 80) + "..." : keyId) + "'");
        }
        return keyId;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        return MessageDigest.isEqual(sign(message), signature);
    }

    @Override
    public String toString() {
        return "HmacSha256Key[" + keyId + "]";
    }
}
