package org.vigie.centre.fleet;

import java.util.Objects;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * One drone of the fleet as registered: who it is on the dispatch link, which district it serves, which signing key
 * it speaks with, and where its dock is. Immutable; the constructor validates and throws
 * {@link IllegalArgumentException} naming the field.
 *
 * @param systemId     the drone's MAVLink system id on the dispatch link, 1..254 (255 is the centre's)
 * @param district     the name of the district it serves (one drone per district)
 * @param signingKeyId the id of its dispatch signing key in the centre's {@link DroneKeys}
 * @param home         its dock (launch and landing point)
 */
public record DroneRecord(int systemId, String district, String signingKeyId, GeoPoint home) {

    /** Validates every field. */
    public DroneRecord {
        if (systemId < 1 || systemId > 254) {
            throw new IllegalArgumentException("systemId " + systemId + " is not in 1..254 (255 is the centre)");
        }
        if (district == null || district.isBlank()) {
            throw new IllegalArgumentException("district is missing for drone " + systemId);
        }
        if (signingKeyId == null || signingKeyId.isBlank()) {
            throw new IllegalArgumentException("signingKeyId is missing for drone " + systemId);
        }
        Objects.requireNonNull(home, "home");
    }
}
