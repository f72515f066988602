package org.vigie.geofence.ed269;

/** The datum of an ED-269 vertical limit ({@code lowerVerticalReference}, {@code upperVerticalReference}). */
public enum VerticalReference {
    /** Above ground level. Vigie takes the ground as flat at the district home's elevation. */
    AGL,
    /** Above mean sea level. */
    AMSL
}
