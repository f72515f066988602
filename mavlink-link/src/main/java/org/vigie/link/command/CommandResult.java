package org.vigie.link.command;

/**
 * Final result of a command: MAV_RESULT mapped one-to-one (values 0..9), plus the outcomes decided on our side.
 */
public enum CommandResult {
    /** MAV_RESULT_ACCEPTED (0): accepted and executed. */
    ACCEPTED(0),
    /** MAV_RESULT_TEMPORARILY_REJECTED (1): valid but not possible now; retrying later may work. */
    TEMPORARILY_REJECTED(1),
    /** MAV_RESULT_DENIED (2): invalid parameters or state; do not retry as is. */
    DENIED(2),
    /** MAV_RESULT_UNSUPPORTED (3): unknown or unsupported command (or unsupported as this message kind). */
    UNSUPPORTED(3),
    /** MAV_RESULT_FAILED (4): valid, but execution failed (e.g. ArduPilot pre-arm checks). */
    FAILED(4),
    /**
     * MAV_RESULT_IN_PROGRESS (5): never a final outcome from {@link CommandService}; it is reported through the
     * progress callback while the wait goes on.
     */
    IN_PROGRESS(5),
    /** MAV_RESULT_CANCELLED (6): cancelled by COMMAND_CANCEL (or cancelled locally before it was sent). */
    CANCELLED(6),
    /** MAV_RESULT_COMMAND_LONG_ONLY (7): resend as COMMAND_LONG. */
    COMMAND_LONG_ONLY(7),
    /** MAV_RESULT_COMMAND_INT_ONLY (8): resend as COMMAND_INT. */
    COMMAND_INT_ONLY(8),
    /** MAV_RESULT_COMMAND_UNSUPPORTED_MAV_FRAME (9): the frame of a COMMAND_INT is not supported. */
    UNSUPPORTED_MAV_FRAME(9),
    /** No COMMAND_ACK after every retry (or no final ACK within the in-progress timeout). */
    TIMEOUT(-1),
    /** The service (link) was closed before an answer arrived. */
    LINK_CLOSED(-2),
    /** An ACK arrived with a result code outside MAV_RESULT. */
    UNKNOWN_RESULT(-3);

    private final int wire;

    CommandResult(int wire) {
        this.wire = wire;
    }

    /** @return the MAV_RESULT value, or a negative number for local outcomes */
    public int wireValue() {
        return wire;
    }

    /**
     * Maps a MAV_RESULT wire value.
     *
     * @param mavResult the COMMAND_ACK result field
     * @return the matching constant, {@link #UNKNOWN_RESULT} if outside 0..9
     */
    public static CommandResult fromWire(int mavResult) {
        for (CommandResult r : values()) {
            if (r.wire == mavResult && mavResult >= 0) {
                return r;
            }
        }
        return UNKNOWN_RESULT;
    }

    /** @return true for {@link #ACCEPTED} */
    public boolean isSuccess() {
        return this == ACCEPTED;
    }
}
