package org.vigie.geofence.ed269;

/**
 * The restriction a UAS geographical zone puts on flight (ED-269 {@code restriction}, EU 2019/947 art. 15).
 */
public enum Restriction {
    /** No UAS flight at all. */
    PROHIBITED,
    /** Flight only under an authorisation from the zone's authority. */
    REQ_AUTHORISATION,
    /** Flight only under the conditions the zone states ({@code restrictionConditions}). */
    CONDITIONAL,
    /** Information only: flight is not restricted. */
    NO_RESTRICTION
}
