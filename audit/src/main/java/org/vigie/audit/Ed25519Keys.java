package org.vigie.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * Ed25519 checkpoints with the JDK's own provider (Java 15 and later): the drone signs with its private key, anyone
 * holding the public key verifies, and nobody else can forge. Stateless factory.
 */
public final class Ed25519Keys {

    /** The algorithm name written in checkpoints. */
    public static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    /**
     * @param keyId      the key's identifier
     * @param privateKey an Ed25519 private key
     * @return a signer (thread-safe: a new {@link Signature} per call)
     */
    public static CheckpointSigner signer(String keyId, PrivateKey privateKey) {
        String id = HmacSha256Key.checkKeyId(keyId);
        return new CheckpointSigner() {
            @Override
            public String keyId() {
                return id;
            }

            @Override
            public String algorithm() {
                return ALGORITHM;
            }

            @Override
            public byte[] sign(byte[] message) {
                try {
                    Signature s = Signature.getInstance(ALGORITHM);
                    s.initSign(privateKey);
                    s.update(message);
                    return s.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * @param keyId     the key's identifier
     * @param publicKey an Ed25519 public key
     * @return a verifier (thread-safe)
     */
    public static CheckpointVerifier verifier(String keyId, PublicKey publicKey) {
        String id = HmacSha256Key.checkKeyId(keyId);
        return new CheckpointVerifier() {
            @Override
            public String keyId() {
                return id;
            }

            @Override
            public String algorithm() {
                return ALGORITHM;
            }

            @Override
            public boolean verify(byte[] message, byte[] signature) {
                try {
                    Signature s = Signature.getInstance(ALGORITHM);
                    s.initVerify(publicKey);
                    s.update(message);
                    return s.verify(signature);
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }
        };
    }

    /**
     * @param keyId        the key's identifier
     * @param x509Encoded  the public key in X.509 SubjectPublicKeyInfo form ({@link PublicKey#getEncoded()})
     * @return a verifier
     * @throws IllegalArgumentException if the bytes are not an Ed25519 public key
     */
    public static CheckpointVerifier verifier(String keyId, byte[] x509Encoded) {
        try {
            return verifier(keyId, KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509Encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509-encoded Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
