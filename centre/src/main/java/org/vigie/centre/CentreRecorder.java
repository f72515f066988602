package org.vigie.centre;

/**
 * Where the centre writes its decisions and every agent's action: the seam to the accountability trail (the audit
 * module wires its writer here). Called on the centre's event thread, one record at a time, in order; an
 * implementation must not block for long and must not throw (a failure to record is its own to report).
 */
@FunctionalInterface
public interface CentreRecorder {

    /** @param record the record to keep */
    void record(CentreRecord record);
}
