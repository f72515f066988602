package org.vigie.geofence.geodesy;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Geodesic distance and bearing on the WGS84 ellipsoid (GeographicLib, accurate to nanometres), and compass names.
 * Stateless and thread-safe ({@link Geodesic#WGS84} is immutable).
 */
public final class Geodesy {

    private static final String[] COMPASS = {
        "north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"
    };

    private Geodesy() {
    }

    /**
     * Horizontal geodesic distance.
     *
     * @param a first point
     * @param b second point
     * @return metres along the ellipsoid, altitudes ignored
     */
    public static double distanceM(GeoPoint a, GeoPoint b) {
        return Geodesic.WGS84.Inverse(a.latDeg(), a.lonDeg(), b.latDeg(), b.lonDeg(), GeodesicMask.DISTANCE).s12;
    }

    /**
     * Initial bearing of the geodesic from {@code a} to {@code b}.
     *
     * @param a from
     * @param b to
     * @return degrees clockwise from true north in [0, 360); 0 when the points coincide
     */
    public static double bearingDeg(GeoPoint a, GeoPoint b) {
        GeodesicData d = Geodesic.WGS84.Inverse(a.latDeg(), a.lonDeg(), b.latDeg(), b.lonDeg(), GeodesicMask.AZIMUTH);
        double az = d.azi1;
        if (Double.isNaN(az)) {
            return 0.0;
        }
        return ((az % 360.0) + 360.0) % 360.0;
    }

    /**
     * The nearest of the eight compass points.
     *
     * @param bearingDeg degrees clockwise from north (any finite value)
     * @return e.g. {@code "north-east"}
     * @throws IllegalArgumentException if the bearing is not finite
     */
    public static String compassPoint(double bearingDeg) {
        if (!Double.isFinite(bearingDeg)) {
            throw new IllegalArgumentException("bearing " + bearingDeg + " is not finite");
        }
        double b = ((bearingDeg % 360.0) + 360.0) % 360.0;
        return COMPASS[(int) Math.floor((b + 22.5) / 45.0) % 8];
    }
}
