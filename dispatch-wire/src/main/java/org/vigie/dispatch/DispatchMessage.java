package org.vigie.dispatch;

import java.util.Objects;
import java.util.Optional;

/**
 * The closed set of messages of the dispatch link ({@link DispatchWire} gives their byte layout). Immutable values;
 * constructors validate ranges and throw {@link IllegalArgumentException} naming the value.
 *
 * <p>Ids: a request id is an unsigned 64-bit number chosen by the dispatch centre, unique per centre (0 is reserved
 * for "unknown"); a flight id is an unsigned 32-bit number chosen by the drone (0: no flight).
 */
public sealed interface DispatchMessage {

    /** @return the wire kind byte of this message */
    int kind();

    /**
     * Send the drone to a target (centre to drone).
     *
     * @param requestId the centre's id for this order (not 0); a retry carries the same id
     * @param request   the order: target, alert, priority, reason, on-scene time, requester and origin
     */
    record Dispatch(long requestId, DispatchRequest request) implements DispatchMessage {
        /** Validates: request id not 0, request not null. */
        public Dispatch {
            requireRequestId(requestId);
            Objects.requireNonNull(request, "request");
        }

        @Override
        public int kind() {
            return DispatchWire.KIND_DISPATCH;
        }
    }

    /**
     * Give the flight in progress a new order (centre to drone), re-planned from where the drone is.
     *
     * @param requestId the centre's id for this order (not 0)
     * @param flightId  the flight to retask, as its ACK named it (1..2^32-1)
     * @param request   the new order
     */
    record Retask(long requestId, long flightId, DispatchRequest request) implements DispatchMessage {
        /** Validates ids and request. */
        public Retask {
            requireRequestId(requestId);
            requireFlightId(flightId, false);
            Objects.requireNonNull(request, "request");
        }

        @Override
        public int kind() {
            return DispatchWire.KIND_RETASK;
        }
    }

    /**
     * Recall the drone home now (centre to drone); on the ground the flight ends.
     *
     * @param requestId       the centre's id for this order (not 0)
     * @param flightId        the flight to cancel (1..2^32-1)
     * @param requesterId     who cancels (1..{@value DispatchWire#MAX_ID_BYTES} UTF-8 bytes, not blank, no control
     *                        character: it goes into the audit trail as the order's ones do)
     * @param requesterOrigin from where (1..{@value DispatchWire#MAX_ORIGIN_BYTES} UTF-8 bytes, not blank, no control
     *                        character)
     * @param reason          why (1..{@value DispatchWire#MAX_TEXT_BYTES} UTF-8 bytes, not blank, no control character)
     */
    record Cancel(long requestId, long flightId, String requesterId, String requesterOrigin, String reason)
            implements DispatchMessage {
        /** Validates ids and texts. */
        public Cancel {
            requireRequestId(requestId);
            requireFlightId(flightId, false);
            requireText("requesterId", requesterId, DispatchWire.MAX_ID_BYTES, false);
            requireText("requesterOrigin", requesterOrigin, DispatchWire.MAX_ORIGIN_BYTES, false);
            requireText("reason", reason, DispatchWire.MAX_TEXT_BYTES, false);
            requireNoControl("requesterId", requesterId);
            requireNoControl("requesterOrigin", requesterOrigin);
            requireNoControl("reason", reason);
        }

        @Override
        public int kind() {
            return DispatchWire.KIND_CANCEL;
        }
    }

    /**
     * The drone's answer to one request (drone to centre). Never silent: a refusal says why.
     *
     * @param requestId the request answered (0 when it could not be read)
     * @param status    what was done; never {@link AckStatus#NO_ANSWER}
     * @param flightId  the flight concerned, 0 when none
     * @param message   a sentence (may be empty; at most {@value DispatchWire#MAX_TEXT_BYTES} UTF-8 bytes)
     */
    record Ack(long requestId, AckStatus status, long flightId, String message) implements DispatchMessage {
        /** Validates status, flight id and message. */
        public Ack {
            Objects.requireNonNull(status, "status");
            if (status == AckStatus.NO_ANSWER) {
                throw new IllegalArgumentException("status NO_ANSWER is local to the client and never sent");
            }
            requireFlightId(flightId, true);
            requireText("message", message, DispatchWire.MAX_TEXT_BYTES, true);
        }

        @Override
        public int kind() {
            return DispatchWire.KIND_ACK;
        }
    }

    /**
     * Where a dispatched flight is (drone to centre), sent on every phase change and repeated periodically.
     *
     * @param flightId  the flight (1..2^32-1)
     * @param requestId the request that started it
     * @param sequence  0..65535, incremented by the drone for each new status of this flight (wraps)
     * @param phase     the phase
     * @param outcome   the outcome once the flight has ended, empty while it is in progress
     * @param alertId   the alert flown (may change on retask; at most {@value DispatchWire#MAX_ID_BYTES} bytes)
     * @param message   the phase change's reason, a sentence (at most {@value DispatchWire#MAX_TEXT_BYTES} bytes)
     */
    record FlightStatus(long flightId, long requestId, int sequence, FlightPhase phase,
                        Optional<FlightOutcome> outcome, String alertId, String message) implements DispatchMessage {
        /** Validates ranges and texts. */
        public FlightStatus {
            requireFlightId(flightId, false);
            if (sequence < 0 || sequence > 0xFFFF) {
                throw new IllegalArgumentException("sequence " + sequence + " is not in 0..65535");
            }
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(outcome, "outcome (use Optional.empty() while in progress)");
            requireText("alertId", alertId, DispatchWire.MAX_ID_BYTES, true);
            requireText("message", message, DispatchWire.MAX_TEXT_BYTES, true);
        }

        @Override
        public int kind() {
            return DispatchWire.KIND_FLIGHT_STATUS;
        }
    }

    private static void requireRequestId(long requestId) {
        if (requestId == 0) {
            throw new IllegalArgumentException("requestId 0 is reserved for 'unknown'");
        }
    }

    private static void requireFlightId(long flightId, boolean zeroAllowed) {
        if (flightId < (zeroAllowed ? 0 : 1) || flightId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("flightId " + flightId + " is not in " + (zeroAllowed ? 0 : 1)
                    + "..4294967295");
        }
    }

    private static void requireNoControl(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " contains a control character at index " + i);
            }
        }
    }

    private static void requireText(String name, String value, int maxBytes, boolean emptyAllowed) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (!emptyAllowed && value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank: every order must say it");
        }
        int bytes = Utf8.length(value);
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(name + " is " + bytes + " bytes in UTF-8, more than " + maxBytes);
        }
    }
}
