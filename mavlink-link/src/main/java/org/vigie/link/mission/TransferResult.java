package org.vigie.link.mission;

/**
 * Result of a mission transfer: MAV_MISSION_RESULT mapped one-to-one (0..15), plus outcomes decided on our side.
 */
public enum TransferResult {
    /** MAV_MISSION_ACCEPTED (0). */
    ACCEPTED(0),
    /** MAV_MISSION_ERROR (1): generic error (ArduPilot also sends it for an item arriving outside an upload). */
    ERROR(1),
    /** MAV_MISSION_UNSUPPORTED_FRAME (2). */
    UNSUPPORTED_FRAME(2),
    /** MAV_MISSION_UNSUPPORTED (3): command or mission type not supported. */
    UNSUPPORTED(3),
    /** MAV_MISSION_NO_SPACE (4). */
    NO_SPACE(4),
    /** MAV_MISSION_INVALID (5). */
    INVALID(5),
    /** MAV_MISSION_INVALID_PARAM1 (6). */
    INVALID_PARAM1(6),
    /** MAV_MISSION_INVALID_PARAM2 (7). */
    INVALID_PARAM2(7),
    /** MAV_MISSION_INVALID_PARAM3 (8). */
    INVALID_PARAM3(8),
    /** MAV_MISSION_INVALID_PARAM4 (9). */
    INVALID_PARAM4(9),
    /** MAV_MISSION_INVALID_PARAM5_X (10). */
    INVALID_PARAM5_X(10),
    /** MAV_MISSION_INVALID_PARAM6_Y (11). */
    INVALID_PARAM6_Y(11),
    /** MAV_MISSION_INVALID_PARAM7 (12). */
    INVALID_PARAM7(12),
    /** MAV_MISSION_INVALID_SEQUENCE (13). */
    INVALID_SEQUENCE(13),
    /** MAV_MISSION_DENIED (14): e.g. another transfer in progress, or read-only. */
    DENIED(14),
    /** MAV_MISSION_OPERATION_CANCELLED (15): the autopilot gave up (ArduPilot: 8 s without an item). */
    OPERATION_CANCELLED(15),
    /** No answer after every retry. */
    TIMEOUT(-1),
    /** Cancelled by the caller. */
    CANCELLED(-2),
    /** The service (link) was closed. */
    LINK_CLOSED(-3),
    /** The peer broke the protocol (request out of range, wrong mission type in a COUNT or ACK, unknown code). */
    PROTOCOL_ERROR(-4),
    /** The autopilot rebooted during the transfer. */
    AUTOPILOT_REBOOTED(-5),
    /** Upload accepted, but the plan read back differs from what was sent (verify-by-download option). */
    VERIFY_MISMATCH(-6);

    private final int wire;

    TransferResult(int wire) {
        this.wire = wire;
    }

    /** @return the MAV_MISSION_RESULT value, or a negative number for local outcomes */
    public int wireValue() {
        return wire;
    }

    /**
     * Maps a MAV_MISSION_RESULT value.
     *
     * @param value wire value
     * @return the constant, or {@link #PROTOCOL_ERROR} for a value outside 0..15
     */
    public static TransferResult fromWire(int value) {
        if (value < 0) {
            return PROTOCOL_ERROR;
        }
        for (TransferResult r : values()) {
            if (r.wire == value) {
                return r;
            }
        }
        return PROTOCOL_ERROR;
    }

    /**
     * Whether starting the whole transfer again may help: losses, timeouts, a peer that gave up or lost track, a
     * mismatch read back. Not for refusals about the content (NO_SPACE, INVALID*, UNSUPPORTED*, DENIED) or local ends.
     *
     * @return true if a transfer-level retry is worth it
     */
    public boolean retryable() {
        return switch (this) {
            case ERROR, INVALID_SEQUENCE, OPERATION_CANCELLED, TIMEOUT, PROTOCOL_ERROR, VERIFY_MISMATCH -> true;
            default -> false;
        };
    }
}
