package org.vigie.centre.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The configured agent tokens and the check of a presented one. Immutable, thread-safe.
 */
public final class AgentTokens {

    /** The outcome of presenting a token. */
    public sealed interface Check {
        /** @param agentId the agent the token belongs to */
        record Valid(String agentId) implements Check {
        }

        /** @param reason why the token is refused (never echoing the token) */
        record Invalid(String reason) implements Check {
        }
    }

    private final List<AgentToken> tokens;
    private final Clock clock;

    /**
     * @param tokens the configured tokens (agent ids and tokens each unique)
     * @param clock  the wall clock expiry is checked against
     * @throws IllegalArgumentException if an agent id or a token appears twice
     */
    public AgentTokens(List<AgentToken> tokens, Clock clock) {
        this.tokens = List.copyOf(tokens);
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < this.tokens.size(); i++) {
            for (int j = i + 1; j < this.tokens.size(); j++) {
                if (this.tokens.get(i).agentId().equals(this.tokens.get(j).agentId())
                        || this.tokens.get(i).token().equals(this.tokens.get(j).token())) {
                    throw new IllegalArgumentException("agent " + this.tokens.get(j).agentId()
                            + ": agent ids and tokens must be unique");
                }
            }
        }
    }

    /**
     * Checks a presented token (constant-time comparison against each configured one).
     *
     * @param presented the token from the request, or null when absent
     * @return the agent, or why not
     */
    public Check check(@Nullable String presented) {
        if (presented == null || presented.isBlank()) {
            return new Check.Invalid("no agent token: log in first (Authorization: Bearer <agent token>)");
        }
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        AgentToken match = null;
        for (AgentToken t : tokens) {
            if (MessageDigest.isEqual(p, t.token().getBytes(StandardCharsets.UTF_8))) {
                match = t;
            }
        }
        if (match == null) {
            return new Check.Invalid("the agent token is not one of the " + tokens.size() + " configured");
        }
        if (!clock.instant().isBefore(match.expiresAt())) {
            return new Check.Invalid("the token of agent " + match.agentId() + " expired at " + match.expiresAt());
        }
        return new Check.Valid(match.agentId());
    }
}
