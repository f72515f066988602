package org.vigie.mission.compliance;

import java.util.List;
import java.util.Objects;
import org.vigie.geofence.zone.District;

/** What a {@link DispatchGate} decides about one dispatch. */
public sealed interface GateDecision {

    /**
     * The dispatch may fly, in {@code district}.
     *
     * @param district the district to plan and fly in: the companion's own, or a copy restricted by the zones in force
     * @param notes    sentences for the accountability record (the authorisation flown under, the zones applied)
     */
    record Cleared(District district, List<String> notes) implements GateDecision {
        /** Copies the notes. */
        public Cleared {
            Objects.requireNonNull(district, "district");
            notes = List.copyOf(notes);
        }
    }

    /**
     * The dispatch may not fly.
     *
     * @param reason a sentence naming what forbids it (the authorisation and why, or the ED-269 zone)
     */
    record Refused(String reason) implements GateDecision {
        /** Rejects null. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
