package org.vigie.centre;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of the centre's record: when, who (the centre itself or an agent's identity), what, about which incident
 * and drone, and why. Immutable.
 *
 * @param at            centre time
 * @param actor         {@code "centre"} for the centre's own decisions, otherwise the agent's id
 * @param action        what happened
 * @param incidentId    the incident concerned, or null
 * @param droneSystemId the drone concerned, 0 for none
 * @param reason        why, a sentence
 */
public record CentreRecord(Instant at, String actor, CentreAction action, @Nullable String incidentId,
                           int droneSystemId, String reason) {
    /** Rejects nulls. */
    public CentreRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }
}
