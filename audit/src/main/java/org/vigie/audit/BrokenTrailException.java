package org.vigie.audit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trail file that failed verification on open: the message names the first bad record (line, sequence number,
 * what differs). The file is left as it was, for examination.
 */
public final class BrokenTrailException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient AuditVerification verification;

    /**
     * @param file         the file
     * @param verification the verdict (state {@link AuditVerification.State#BROKEN})
     */
    public BrokenTrailException(Path file, AuditVerification verification) {
        super("audit trail " + file + " is broken at " + verification.breakPoint().map(ChainBreak::describe)
                .orElse("an unknown record"));
        this.verification = verification;
    }

    /** @return the verifier's verdict */
    public AuditVerification verification() {
        return verification;
    }
}
