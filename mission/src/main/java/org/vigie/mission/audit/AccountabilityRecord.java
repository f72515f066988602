package org.vigie.mission.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the accountability log. Immutable.
 *
 * @param at              when (the companion's scheduler clock, UTC)
 * @param event           what happened to the dispatch
 * @param alertId         the alert
 * @param requesterId     who sent it
 * @param requesterOrigin where the order came from
 * @param targetLatDeg    target latitude, degrees
 * @param targetLonDeg    target longitude, degrees
 * @param priority        the dispatch priority name
 * @param reason          why the drone was sent
 * @param detail          the decision or outcome in a sentence (why refused, how it ended)
 */
public record AccountabilityRecord(Instant at, Event event, String alertId, String requesterId,
                                   String requesterOrigin, double targetLatDeg, double targetLonDeg, String priority,
                                   String reason, String detail) {

    /** What the line records. */
    public enum Event {
        /** A dispatch was accepted and a flight started. */
        ACCEPTED,
        /** A dispatch was refused before any flight (planner, preflight, policy). */
        REFUSED,
        /** A dispatch retasked the flight in progress. */
        RETASKED,
        /** A flight ended (detail: outcome and reason). */
        ENDED,
        /** A flight was cancelled by the operator. */
        CANCELLED
    }

    /** Rejects nulls. */
    public AccountabilityRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(requesterOrigin, "requesterOrigin");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
