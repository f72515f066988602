package org.vigie.geofence.geodesy;

import java.util.Locale;

/**
 * A WGS84 position: latitude and longitude in degrees and an altitude in metres relative to the district's home
 * (the launch point), i.e. the datum of MAVLink's {@code MAV_FRAME_GLOBAL_RELATIVE_ALT}. Vigie uses one altitude datum
 * throughout the geofence module; callers holding AMSL altitudes subtract the home's AMSL altitude first.
 *
 * <p>Immutable value. The constructor rejects NaN and infinities, latitudes outside [-90, 90] and longitudes outside
 * [-180, 180] with an {@link IllegalArgumentException} naming the value.
 *
 * @param latDeg       geodetic latitude, degrees north, in [-90, 90]
 * @param lonDeg       longitude, degrees east, in [-180, 180]
 * @param altitudeRelM altitude above the district's home, metres (negative below home), finite
 */
public record GeoPoint(double latDeg, double lonDeg, double altitudeRelM) {

    /** Validates the ranges; see the type description. */
    public GeoPoint {
        if (!Double.isFinite(latDeg) || latDeg < -90.0 || latDeg > 90.0) {
            throw new IllegalArgumentException("latitude " + latDeg + " deg is not in [-90, 90]");
        }
        if (!Double.isFinite(lonDeg) || lonDeg < -180.0 || lonDeg > 180.0) {
            throw new IllegalArgumentException("longitude " + lonDeg + " deg is not in [-180, 180]");
        }
        if (!Double.isFinite(altitudeRelM)) {
            throw new IllegalArgumentException("altitudeRelM " + altitudeRelM + " is not finite");
        }
    }

    /**
     * A point on the ground at home's altitude.
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @return the point with {@code altitudeRelM = 0}
     * @throws IllegalArgumentException on out-of-range or non-finite values
     */
    public static GeoPoint of(double latDeg, double lonDeg) {
        return new GeoPoint(latDeg, lonDeg, 0.0);
    }

    /**
     * The same horizontal position at another altitude.
     *
     * @param newAltitudeRelM altitude above home, metres
     * @return a new point
     */
    public GeoPoint withAltitudeRelM(double newAltitudeRelM) {
        return new GeoPoint(latDeg, lonDeg, newAltitudeRelM);
    }

    /**
     * The horizontal position as dispatchers read it, four decimals (about 10 m): {@code "48.8700,2.3600"}.
     *
     * @return latitude and longitude separated by a comma
     */
    public String latLonText() {
        return String.format(Locale.ROOT, "%.4f,%.4f", latDeg, lonDeg);
    }

    /** Latitude, longitude (7 decimals) and relative altitude. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.7f,%.7f rel %.1f m", latDeg, lonDeg, altitudeRelM);
    }
}
