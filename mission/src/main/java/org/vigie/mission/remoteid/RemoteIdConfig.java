package org.vigie.mission.remoteid;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * What only the operator knows, given to the autopilot for direct remote identification (EU 2019/945, ASTM F3411 /
 * EN 4709-002): the operator's registration number, a self-ID that names the service (never the incident), the
 * operator's location (the dock or the centre) and the EU category and class; optionally the UAS serial number when
 * the autopilot does not hold one. Immutable; the compact constructor validates every field against the limits of the
 * OPEN_DRONE_ID messages.
 *
 * @param operatorId          the operator registration number (OPEN_DRONE_ID_OPERATOR_ID, type CAA): 1 to
 *                            {@value #MAX_OPERATOR_ID_CHARS} printable ASCII characters; in the EU the public part of
 *                            the registration number, never its secret digits
 * @param selfIdDescription   the self-ID text (OPEN_DRONE_ID_SELF_ID, type TEXT): 1 to
 *                            {@value #MAX_DESCRIPTION_CHARS} printable ASCII characters naming the service
 * @param operatorLocation    where the operator is (latitude, longitude); never 0,0
 * @param operatorAltitudeAmslM the operator's altitude, metres (OPEN_DRONE_ID_SYSTEM operator_altitude_geo)
 * @param locationType        what the operator location is
 * @param categoryEu          the EU category of the operation
 * @param classEu             the EU class of the aircraft (0 to 6), or -1 undeclared
 * @param uasSerialNumber     the UAS serial number (ANSI/CTA-2063) for OPEN_DRONE_ID_BASIC_ID, or empty when the
 *                            autopilot holds it (ArduPilot's DID_UAS_ID)
 * @param systemPeriod        how often OPEN_DRONE_ID_SYSTEM is sent (at most 1 s: the operator location at the rate
 *                            of the aircraft's location)
 * @param staticPeriod        how often each static message (operator ID, self-ID, basic ID) is sent (at most 3 s)
 */
public record RemoteIdConfig(String operatorId, String selfIdDescription, GeoPoint operatorLocation,
                             double operatorAltitudeAmslM, LocationType locationType, CategoryEu categoryEu,
                             int classEu, Optional<String> uasSerialNumber, Duration systemPeriod,
                             Duration staticPeriod) {

    /** OPEN_DRONE_ID_OPERATOR_ID operator_id: char[20]. */
    public static final int MAX_OPERATOR_ID_CHARS = 20;
    /** OPEN_DRONE_ID_SELF_ID description: char[23]. */
    public static final int MAX_DESCRIPTION_CHARS = 23;
    /** OPEN_DRONE_ID_BASIC_ID uas_id: uint8_t[20]. */
    public static final int MAX_UAS_ID_CHARS = 20;
    /** Longest period between two operator locations the standard allows. */
    public static final Duration MAX_SYSTEM_PERIOD = Duration.ofSeconds(1);
    /** Longest period between two of the same static message the standard allows. */
    public static final Duration MAX_STATIC_PERIOD = Duration.ofSeconds(3);

    /** What the operator location is (MAV_ODID_OPERATOR_LOCATION_TYPE). */
    public enum LocationType {
        /** The take-off location (the dock). */
        TAKEOFF,
        /** A fixed location (the centre). */
        FIXED
    }

    /** The EU category of the operation (MAV_ODID_CATEGORY_EU). */
    public enum CategoryEu {
        /** Open category. */
        OPEN,
        /** Specific category (a police or city service under an authorisation). */
        SPECIFIC,
        /** Certified category. */
        CERTIFIED
    }

    /** Validates every field; {@link IllegalArgumentException} names the field and the limit. */
    public RemoteIdConfig {
        operatorId = ascii("operatorId", operatorId, MAX_OPERATOR_ID_CHARS);
        selfIdDescription = ascii("selfIdDescription", selfIdDescription, MAX_DESCRIPTION_CHARS);
        Objects.requireNonNull(operatorLocation, "operatorLocation");
        if (operatorLocation.latDeg() == 0 && operatorLocation.lonDeg() == 0) {
            throw new IllegalArgumentException("operatorLocation 0,0 reads as 'unknown' in OPEN_DRONE_ID_SYSTEM");
        }
        if (!Double.isFinite(operatorAltitudeAmslM) || operatorAltitudeAmslM < -1000 || operatorAltitudeAmslM > 31767) {
            throw new IllegalArgumentException("operatorAltitudeAmslM " + operatorAltitudeAmslM
                    + " m is outside [-1000, 31767] m");
        }
        Objects.requireNonNull(locationType, "locationType");
        Objects.requireNonNull(categoryEu, "categoryEu");
        if (classEu < -1 || classEu > 6) {
            throw new IllegalArgumentException("classEu " + classEu + " must be -1 (undeclared) or 0..6");
        }
        Objects.requireNonNull(uasSerialNumber, "uasSerialNumber (use Optional.empty())");
        uasSerialNumber = uasSerialNumber.map(s -> ascii("uasSerialNumber", s, MAX_UAS_ID_CHARS));
        if (systemPeriod == null || systemPeriod.isNegative() || systemPeriod.isZero()
                || systemPeriod.compareTo(MAX_SYSTEM_PERIOD) > 0) {
            throw new IllegalArgumentException("systemPeriod " + systemPeriod + " must be in (0, 1 s]");
        }
        if (staticPeriod == null || staticPeriod.isNegative() || staticPeriod.isZero()
                || staticPeriod.compareTo(MAX_STATIC_PERIOD) > 0) {
            throw new IllegalArgumentException("staticPeriod " + staticPeriod + " must be in (0, 3 s]");
        }
    }

    /**
     * A configuration for a city service flying from its dock: specific category, class undeclared, operator
     * location type TAKEOFF, system every second, static messages every 3 s, UAS serial number held by the autopilot.
     *
     * @param operatorId        the operator registration number
     * @param selfIdDescription the service, e.g. {@code "Police municipale Paris"}
     * @param dock              the dock's position
     * @param dockAltitudeAmslM the dock's altitude, metres
     * @return the configuration
     */
    public static RemoteIdConfig cityService(String operatorId, String selfIdDescription, GeoPoint dock,
                                             double dockAltitudeAmslM) {
        return new RemoteIdConfig(operatorId, selfIdDescription, dock, dockAltitudeAmslM, LocationType.TAKEOFF,
                CategoryEu.SPECIFIC, -1, Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    /**
     * @param serial the UAS serial number to send as OPEN_DRONE_ID_BASIC_ID
     * @return a copy that sends it
     */
    public RemoteIdConfig withUasSerialNumber(String serial) {
        return new RemoteIdConfig(operatorId, selfIdDescription, operatorLocation, operatorAltitudeAmslM,
                locationType, categoryEu, classEu, Optional.of(serial), systemPeriod, staticPeriod);
    }

    private static String ascii(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing or blank");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(name + " '" + v + "' is " + v.length() + " characters, more than the "
                    + max + " its OPEN_DRONE_ID field holds");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(name + " has a character that is not printable ASCII at index " + i
                        + " (Remote ID receivers read ASCII)");
            }
        }
        return v;
    }
}
