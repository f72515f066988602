package org.vigie.audit;

/**
 * Checks checkpoint signatures made with one key. Thread-safe implementations only.
 */
public interface CheckpointVerifier {

    /** @return the key's identifier, as checkpoints name it */
    String keyId();

    /** @return the algorithm name, as checkpoints name it */
    String algorithm();

    /**
     * @param message   the checkpoint message ({@link Checkpoints#message})
     * @param signature the signature bytes from the checkpoint
     * @return whether the signature is this key's over the message
     */
    boolean verify(byte[] message, byte[] signature);
}
