package org.vigie.mission.authorisation;

import java.util.Objects;

/** Whether a dispatch may fly under the authorisation it names. */
public sealed interface AuthorisationDecision {

    /**
     * It may: the authorisation is valid for the district, the whole flight window and the target.
     *
     * @param authorisation the authorisation it flies under
     */
    record Granted(Authorisation authorisation) implements AuthorisationDecision {
        /** Rejects null. */
        public Granted {
            Objects.requireNonNull(authorisation, "authorisation");
        }
    }

    /** The district requires no authorisation and the dispatch names none. */
    record NotRequired() implements AuthorisationDecision {}

    /**
     * It may not.
     *
     * @param reason a sentence naming the authorisation and why (unknown, another district, not yet valid, expired,
     *               expiring before the flight would end, target outside its area, none named where one is required)
     */
    record Denied(String reason) implements AuthorisationDecision {
        /** Rejects null. */
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
