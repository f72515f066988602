package org.vigie.link.signing;

/** Outcome of checking one incoming frame against the link's signing policy. */
public enum SignatureVerdict {
    /** Signed with our key, timestamp fresh and newer than the stream's last: accept. */
    ACCEPTED_SIGNED,
    /** Unsigned, and signing is off or the policy allows this message id unsigned: accept. */
    ACCEPTED_UNSIGNED,
    /** Unsigned while signing is required for this message: drop and count. */
    REJECTED_UNSIGNED,
    /** Signature does not match our key: drop and count. */
    REJECTED_BAD_SIGNATURE,
    /** Timestamp not newer than the last accepted one of its (sysid, compid, link id) stream: drop and count. */
    REJECTED_REPLAY,
    /** Timestamp more than one minute behind our time: drop and count. */
    REJECTED_TOO_OLD,
    /** Signed with a key that was retired by a rotation ({@link SigningKeyring}): drop and count. */
    REJECTED_RETIRED_KEY,
    /**
     * Opens a new stream while {@link StreamTimestamps#MAX_STREAMS} streams are remembered already: drop and count.
     */
    REJECTED_STREAM_LIMIT;

    /** @return true for the two accepting verdicts */
    public boolean accepted() {
        return this == ACCEPTED_SIGNED || this == ACCEPTED_UNSIGNED;
    }
}
