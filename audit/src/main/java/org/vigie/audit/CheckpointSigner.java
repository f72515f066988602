package org.vigie.audit;

/**
 * Signs the trail's checkpoints. Implementations: {@link HmacSha256Key} (a shared secret such as the MAVLink signing
 * key) and {@link Ed25519Keys#signer} (a JDK Ed25519 private key, verifiable with the public key alone). Called on the
 * trail's writer thread only.
 */
public interface CheckpointSigner {

    /** @return the key's identifier written in every checkpoint (1 to 64 printable characters) */
    String keyId();

    /** @return the algorithm name written in every checkpoint, e.g. {@code HMAC-SHA-256} or {@code Ed25519} */
    String algorithm();

    /**
     * @param message the checkpoint message ({@link Checkpoints#message})
     * @return the signature bytes
     */
    byte[] sign(byte[] message);
}
