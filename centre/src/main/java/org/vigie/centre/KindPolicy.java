package org.vigie.centre;

import java.time.Duration;
import java.util.Objects;
import org.vigie.dispatch.DispatchPriority;

/**
 * What the centre does with incidents of one kind. Immutable; validated.
 *
 * @param mode     launch-then-confirm or approve-first
 * @param deadline how long the agent has to confirm or approve, 1 s..1 h
 * @param priority the priority of a button press of this kind (a caller gives its own)
 */
public record KindPolicy(AgentMode mode, Duration deadline, DispatchPriority priority) {
    /** Validates the fields. */
    public KindPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(priority, "priority");
        if (deadline == null || deadline.compareTo(Duration.ofSeconds(1)) < 0
                || deadline.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("deadline " + deadline + " is not in 1 s..1 h");
        }
    }
}
