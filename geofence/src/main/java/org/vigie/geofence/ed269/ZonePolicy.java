package org.vigie.geofence.ed269;

import java.util.Set;

/**
 * How the operator stands towards the zones: the home's elevation (to read AMSL limits and to take AGL as above the
 * home's ground) and the zones the operator may fly in despite their restriction, because it holds their
 * authorisation ({@link Restriction#REQ_AUTHORISATION}) or meets their conditions ({@link Restriction#CONDITIONAL}).
 * A {@link Restriction#PROHIBITED} zone is never waived. Immutable.
 *
 * @param homeAmslM       elevation of the district home above mean sea level, metres
 * @param waivedZoneIds   identifiers of the REQ_AUTHORISATION and CONDITIONAL zones the operator may enter
 */
public record ZonePolicy(double homeAmslM, Set<String> waivedZoneIds) {

    /** Copies the set; the elevation must be finite. */
    public ZonePolicy {
        if (!Double.isFinite(homeAmslM)) {
            throw new IllegalArgumentException("homeAmslM must be finite, was " + homeAmslM);
        }
        waivedZoneIds = Set.copyOf(waivedZoneIds);
    }

    /**
     * @param homeAmslM the home's elevation, metres above mean sea level
     * @return a policy that waives no zone
     */
    public static ZonePolicy strict(double homeAmslM) {
        return new ZonePolicy(homeAmslM, Set.of());
    }

    /**
     * @param zone a zone
     * @return whether the zone restricts this operator's flights (PROHIBITED always; REQ_AUTHORISATION and
     *     CONDITIONAL unless waived; NO_RESTRICTION never)
     */
    public boolean restricts(UasZone zone) {
        return switch (zone.restriction()) {
            case PROHIBITED -> true;
            case REQ_AUTHORISATION, CONDITIONAL -> !waivedZoneIds.contains(zone.identifier());
            case NO_RESTRICTION -> false;
        };
    }
}
