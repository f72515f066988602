package org.vigie.audit;

import java.io.IOException;

/**
 * A trail file that is not a well-formed trail at one record: the message names the line, the byte offset and what
 * is wrong.
 */
public final class AuditFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long offset;
    private final String detail;

    /**
     * @param line   1-based line number
     * @param offset byte offset of the line
     * @param detail what is wrong
     */
    public AuditFormatException(long line, long offset, String detail) {
        super("line " + line + " (byte " + offset + "): " + detail);
        this.line = line;
        this.offset = offset;
        this.detail = detail;
    }

    /** @return the 1-based line number of the bad record */
    public long line() {
        return line;
    }

    /** @return what is wrong, without the line and offset */
    public String detail() {
        return detail;
    }

    /** @return the byte offset of the bad record */
    public long offset() {
        return offset;
    }
}
