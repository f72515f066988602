package org.vigie.centre;

import java.util.Objects;

/**
 * The centre's answer to an agent's action. Immutable.
 *
 * @param done    true when the action was applied
 * @param message what was done, or why not
 */
public record AgentAnswer(boolean done, String message) {
    /** Rejects null. */
    public AgentAnswer {
        Objects.requireNonNull(message, "message");
    }
}
