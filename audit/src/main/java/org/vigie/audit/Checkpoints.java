package org.vigie.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * What a checkpoint record is and what its signature covers. A checkpoint is a record of type {@value #TYPE} with the
 * fields {@code keyId}, {@code alg} and {@code sig} (base64); its signature covers the UTF-8 bytes of
 * <pre>vigie-audit/1 checkpoint\n&lt;seq&gt;\n&lt;prev&gt;\n&lt;keyId&gt;\n&lt;alg&gt;</pre>
 * where {@code seq} and {@code prev} are the checkpoint record's own: since {@code prev} is the SHA-256 of the record
 * before it, which holds the hash of the one before, the signature attests every byte of the trail up to the
 * checkpoint. Stateless.
 */
public final class Checkpoints {

    /** The record type of a checkpoint. */
    public static final String TYPE = "checkpoint";

    private Checkpoints() {
    }

    /**
     * @param seq   the checkpoint record's sequence number
     * @param prev  its {@code prev} (hex SHA-256 of the record before it)
     * @param keyId the signing key's id
     * @param alg   the algorithm name
     * @return the bytes the signature covers
     */
    public static byte[] message(long seq, String prev, String keyId, String alg) {
        return (AuditFormat.FORMAT + " checkpoint\n" + seq + "\n" + prev + "\n" + keyId + "\n" + alg)
                .getBytes(StandardCharsets.UTF_8);
    }

    static AuditEntry entry(Instant at, long seq, byte[] prev, CheckpointSigner signer) {
        byte[] sig = signer.sign(message(seq, AuditFormat.hex(prev), signer.keyId(), signer.algorithm()));
        return AuditEntry.of(at, TYPE).with("keyId", signer.keyId()).with("alg", signer.algorithm())
                .with("sig", Base64.getEncoder().encodeToString(sig));
    }
}
