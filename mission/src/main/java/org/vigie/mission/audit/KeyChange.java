package org.vigie.mission.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a signing-key change, for the audit trail ({@link MissionAudit#keyChanged}). Immutable.
 *
 * @param at            when
 * @param step          which step of the rotation
 * @param keyId         the key concerned (its id, e.g. {@code SigningKey.fingerprint()}; never the secret)
 * @param previousKeyId the key in use before, or empty
 * @param detail        why, or by whose order, in a sentence
 */
public record KeyChange(Instant at, Step step, String keyId, String previousKeyId, String detail) {

    /** The steps of a rotation. */
    public enum Step {
        /** A new key was installed beside the one in use (both accepted from now on). */
        INSTALLED,
        /** The new key is now the one used to sign (the old one still accepted until retired). */
        SWITCHED,
        /** A key is no longer accepted. */
        RETIRED
    }

    /** Rejects nulls. */
    public KeyChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(previousKeyId, "previousKeyId");
        Objects.requireNonNull(detail, "detail");
    }
}
