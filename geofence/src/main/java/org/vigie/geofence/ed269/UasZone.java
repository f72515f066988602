package org.vigie.geofence.ed269;

import java.util.List;
import java.util.Objects;

/**
 * One UAS geographical zone as ED-269 chapter 8 publishes it ({@code UASZoneVersion}), with the fields Vigie acts on.
 * Immutable; built by {@link Ed269Reader}, which validates every field.
 *
 * @param identifier    the zone's identifier (1 to 7 characters), unique in its file
 * @param country       ISO 3166-1 alpha-3 country code
 * @param name          the zone's name, may be empty
 * @param restriction   what it restricts
 * @param conditions    the {@code restrictionConditions}, may be empty
 * @param reasons       the ED-269 reasons ({@code AIR_TRAFFIC}, {@code SENSITIVE}, {@code PRIVACY}...), may be empty
 * @param message       the message to the remote pilot, may be empty
 * @param volumes       its airspace volumes, at least one
 * @param applicability when it applies
 */
public record UasZone(String identifier, String country, String name, Restriction restriction,
                      List<String> conditions, List<String> reasons, String message, List<AirspaceVolume> volumes,
                      Applicability applicability) {

    /** Copies the lists; rejects nulls and a zone without volume. */
    public UasZone {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(restriction, "restriction");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(applicability, "applicability");
        conditions = List.copyOf(conditions);
        reasons = List.copyOf(reasons);
        volumes = List.copyOf(volumes);
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException("zone " + identifier + " has no airspace volume");
        }
    }

    /** @return the identifier and the name, as sentences name the zone: {@code LFP075 'Palais de l'Élysée'} */
    public String label() {
        return name.isEmpty() ? identifier : identifier + " '" + name + "'";
    }
}
