package org.vigie.dispatch;

import org.jspecify.annotations.Nullable;

/**
 * What the drone answered to a DISPATCH, RETASK or CANCEL, one-to-one with the ACK status byte on the wire (except
 * {@link #NO_ANSWER}, which a {@link DispatchClient} produces locally). Every refusal carries a sentence in
 * {@link DispatchAck#message()}.
 */
public enum AckStatus {
    /** A new flight started for this dispatch (flight id given). */
    ACCEPTED(0),
    /** The flight in progress now flies to this dispatch's target (flight id given). */
    RETASKED(1),
    /** The cancel was applied: the drone returns home now, or the flight ended on the ground. */
    CANCELLED(2),
    /** A flight is in progress and this dispatch does not outrank it (or the policy refuses while busy). */
    REFUSED_BUSY(16),
    /** The planner or the preflight checks refused the target (outside the district, no path, ...). */
    REFUSED_PLAN(17),
    /** The flight refused the new target. */
    REFUSED_RETASK(18),
    /** RETASK or CANCEL named a flight that is not in progress. */
    REFUSED_UNKNOWN_FLIGHT(19),
    /** The message decoded but a field is out of range (latitude, blank alert id, on-scene time...). */
    REFUSED_INVALID(20),
    /** The bytes could not be decoded (truncated, bad UTF-8, unknown kind...). */
    REFUSED_MALFORMED(21),
    /** The fragment carries a wire version this drone does not speak. */
    REFUSED_VERSION(22),
    /** The request id was used before for a different request. */
    REFUSED_ID_CONFLICT(23),
    /** The companion is closed or shutting down. */
    REFUSED_CLOSED(24),
    /**
     * The order was signed before the drone's dispatch server started (a possible replay after a restart); a
     * {@link DispatchClient} re-sends it at once, freshly signed, with the same request id.
     */
    REFUSED_STALE(26),
    /** A bug on the drone; the message says what. */
    REFUSED_INTERNAL(25),
    /** Local to the client: no ACK arrived after every attempt. Never on the wire. */
    NO_ANSWER(-1);

    private final int code;

    AckStatus(int code) {
        this.code = code;
    }

    /** @return the wire code (0..255), or -1 for {@link #NO_ANSWER} */
    public int code() {
        return code;
    }

    /** @return true for ACCEPTED, RETASKED and CANCELLED */
    public boolean accepted() {
        return code >= 0 && code < 16;
    }

    /**
     * The status of a wire code.
     *
     * @param code a byte from the wire, 0..255
     * @return the status, or null when the code is unknown
     */
    public static @Nullable AckStatus ofCode(int code) {
        for (AckStatus s : values()) {
            if (s.code == code && code >= 0) {
                return s;
            }
        }
        return null;
    }
}
