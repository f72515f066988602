package org.vigie.centre.console;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent's console credential, configured by the centre's operator. Immutable.
 *
 * @param agentId   the agent's identity (as in the {@link org.vigie.centre.Roster}), 1..64 characters
 * @param token     the agent's secret token, at least 16 characters
 * @param expiresAt when the token stops being accepted (wall clock)
 */
public record AgentToken(String agentId, String token, Instant expiresAt) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the agent id is blank or longer than 64 characters, or the token shorter
     *                                  than 16 characters
     */
    public AgentToken {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (agentId.isBlank() || agentId.length() > 64) {
            throw new IllegalArgumentException("agentId '" + agentId + "' must be 1..64 characters");
        }
        if (token.length() < 16) {
            throw new IllegalArgumentException("the token of agent " + agentId + " is " + token.length()
                    + " characters, fewer than 16");
        }
    }

    /** @return the agent id only: the token never appears in logs */
    @Override
    public String toString() {
        return "AgentToken[" + agentId + ", expires " + expiresAt + "]";
    }
}
