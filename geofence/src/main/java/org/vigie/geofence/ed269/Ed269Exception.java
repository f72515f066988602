package org.vigie.geofence.ed269;

/**
 * An ED-269 file that cannot be loaded: its message names the zone (position in the file and identifier when known)
 * and the field, e.g. {@code ED-269 zone #2 'LFP012', geometry[0].upperLimit: 30 m is below the lower limit 50 m}.
 * Nothing of a file that fails is loaded.
 */
public final class Ed269Exception extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String zone;
    private final String field;

    /**
     * @param zone    the zone as the message names it ({@code #2 'LFP012'}), or empty for the file itself
     * @param field   the field path inside the zone ({@code geometry[0].upperLimit}), or empty
     * @param problem what is wrong, with the limit
     */
    public Ed269Exception(String zone, String field, String problem) {
        super("ED-269 " + (zone.isEmpty() ? "file" : "zone " + zone) + (field.isEmpty() ? "" : ", " + field) + ": "
                + problem);
        this.zone = zone;
        this.field = field;
    }

    /** @return the zone as named in the message, or empty for the file itself */
    public String zone() {
        return zone;
    }

    /** @return the field path inside the zone, or empty */
    public String field() {
        return field;
    }
}
