package org.vigie.geofence.ed269;

import java.util.Objects;

/**
 * One volume of an ED-269 zone ({@code UASZoneAirspaceVolume}): vertical limits with their datum, and the horizontal
 * projection. Limits are held in metres whatever the file's {@code uomDimensions}. Immutable.
 *
 * @param lowerLimitM    lower limit, metres above {@code lowerReference}; 0 AGL when the file gives none (the surface)
 * @param lowerReference datum of the lower limit
 * @param upperLimitM    upper limit, metres above {@code upperReference}; {@link Double#POSITIVE_INFINITY} when the
 *                       file gives none (unlimited)
 * @param upperReference datum of the upper limit
 * @param projection     the horizontal extent
 */
public record AirspaceVolume(double lowerLimitM, VerticalReference lowerReference, double upperLimitM,
                             VerticalReference upperReference, HorizontalProjection projection) {

    /** Rejects nulls and NaN (the reader has already checked the limits against each other). */
    public AirspaceVolume {
        Objects.requireNonNull(lowerReference, "lowerReference");
        Objects.requireNonNull(upperReference, "upperReference");
        Objects.requireNonNull(projection, "projection");
        if (Double.isNaN(lowerLimitM) || Double.isNaN(upperLimitM)) {
            throw new IllegalArgumentException("limits must be numbers");
        }
    }

    /**
     * The lower limit relative to the district home.
     *
     * @param homeAmslM the home's elevation above mean sea level, metres
     * @return metres above home
     */
    public double lowerRelM(double homeAmslM) {
        return lowerReference == VerticalReference.AMSL ? lowerLimitM - homeAmslM : lowerLimitM;
    }

    /**
     * The upper limit relative to the district home.
     *
     * @param homeAmslM the home's elevation above mean sea level, metres
     * @return metres above home (infinite when unlimited)
     */
    public double upperRelM(double homeAmslM) {
        return upperReference == VerticalReference.AMSL ? upperLimitM - homeAmslM : upperLimitM;
    }
}
