package org.vigie.mission.authorisation;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * One authorisation to fly (for a police or city service in France, the prefectoral authorisation of décret
 * 2023-283): who issued it, for which district, from when until when, over which area, for what purpose, and which
 * ED-269 zones that require an authorisation it covers. Immutable.
 *
 * @param id           its identifier, as dispatches name it (the authorisation's reference number)
 * @param districtName the district it covers
 * @param issuer       who issued it (e.g. "Préfecture de police")
 * @param purpose      what it authorises, as the decision words it
 * @param validFrom    first instant of validity
 * @param validUntil   end of validity (exclusive), after {@code validFrom}
 * @param area         the area it covers; targets must lie inside it
 * @param zoneIds      identifiers of the ED-269 REQ_AUTHORISATION or CONDITIONAL zones it lets the drone enter
 */
public record Authorisation(String id, String districtName, String issuer, String purpose, Instant validFrom,
                            Instant validUntil, GeoPolygon area, Set<String> zoneIds) {

    /** Rejects nulls and an empty validity. */
    public Authorisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(districtName, "districtName");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(area, "area");
        zoneIds = Set.copyOf(zoneIds);
        if (!validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("authorisation '" + id + "': validUntil " + validUntil
                    + " is not after validFrom " + validFrom);
        }
    }
}
