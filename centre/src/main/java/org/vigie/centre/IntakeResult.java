package org.vigie.centre;

import java.util.Objects;
import org.vigie.centre.alert.Refusal;

/** What became of one alert at intake: a new incident, merged into an open one, or refused with why. */
public sealed interface IntakeResult {

    /**
     * A new incident was opened.
     *
     * @param incident the incident as it stands after the centre's first decision
     */
    record Opened(IncidentView incident) implements IntakeResult {
        /** Rejects null. */
        public Opened {
            Objects.requireNonNull(incident, "incident");
        }
    }

    /**
     * The alert joined an open incident nearby.
     *
     * @param incident the incident it joined
     */
    record Merged(IncidentView incident) implements IntakeResult {
        /** Rejects null. */
        public Merged {
            Objects.requireNonNull(incident, "incident");
        }
    }

    /**
     * The alert was not taken in.
     *
     * @param refusal why, with the field at fault
     */
    record Refused(Refusal refusal) implements IntakeResult {
        /** Rejects null. */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
