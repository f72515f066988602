package org.vigie.geofence.ed269;

import java.util.List;
import java.util.Objects;
import org.vigie.geofence.zone.District;

/** What the zones in force during a flight window make of a district: a district to fly in, or a refusal. */
public sealed interface ZoneOutcome {

    /**
     * The district to plan and fly in: the original one when no zone touches it, else a copy with the zones as
     * exclusion zones (named {@code ED-269 <identifier>}) and a ceiling lowered under the zones flown beneath.
     *
     * @param district the district to fly in
     * @param applied  the zones that changed it, in file order (empty: {@code district} is the original instance)
     */
    record Cleared(District district, List<AppliedZone> applied) implements ZoneOutcome {
        /** Copies the list. */
        public Cleared {
            Objects.requireNonNull(district, "district");
            applied = List.copyOf(applied);
        }
    }

    /**
     * No flight is possible in this window: a zone covers the district's home, or leaves it no room.
     *
     * @param zone   the zone that blocks
     * @param reason a sentence naming the zone and why
     */
    record Blocked(UasZone zone, String reason) implements ZoneOutcome {
        /** Rejects nulls. */
        public Blocked {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * How one zone changed the district.
     *
     * @param zone   the zone
     * @param effect exclusion zone or ceiling
     * @param detail a sentence: what was added or lowered
     */
    record AppliedZone(UasZone zone, Effect effect, String detail) {}

    /** What a zone became in the district. */
    enum Effect {
        /** An exclusion zone (the zone reaches down into the band the drone flies in). */
        EXCLUSION,
        /** A lower ceiling for the whole district (the drone can fly under the zone). */
        CEILING
    }
}
