package org.vigie.audit;

/**
 * Why an append's future failed: the record was refused (trail closed, backlog full) or its write or force failed.
 * Unchecked: it only ever travels inside a failed future.
 */
public final class AuditTrailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause   the I/O error, if any
     */
    public AuditTrailException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
