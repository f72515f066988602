package org.vigie.dispatch;

import java.util.Objects;

/**
 * What a {@link DispatchClient} request came to: the drone's ACK, or {@link AckStatus#NO_ANSWER} after every attempt
 * went unanswered. Immutable.
 *
 * @param requestId     the request id that was sent (and repeated on retries)
 * @param status        the drone's answer, or NO_ANSWER
 * @param flightId      the flight concerned (0: none)
 * @param message       the drone's sentence (why refused, what was done), or the client's sentence for NO_ANSWER
 * @param attempts      how many times the request was sent, 1..
 * @param droneSystemId the system id the request was sent to
 */
public record DispatchAck(long requestId, AckStatus status, long flightId, String message, int attempts,
                          int droneSystemId) {

    /** Rejects nulls. */
    public DispatchAck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /** @return true when the drone accepted (ACCEPTED, RETASKED or CANCELLED) */
    public boolean accepted() {
        return status.accepted();
    }
}
