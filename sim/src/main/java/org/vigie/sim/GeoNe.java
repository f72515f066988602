package org.vigie.sim;

/**
 * Flat-earth conversion between latitude/longitude (1e-7 degree integers or degrees) and north/east metres around an
 * origin, with ArduPilot's own scale factor (Location::LATLON_TO_M), so that distances agree with what the real
 * autopilot computes. Accurate to well under a metre over a few kilometres.
 *
 * <p>Immutable and thread-safe.
 */
public final class GeoNe {

    /** Metres per 1e-7 degree of latitude, as in ArduPilot. */
    public static final double LATLON_TO_M = 0.011131884502145034;

    private final double originLatDeg;
    private final double originLonDeg;
    private final double lonScale;

    /**
     * Creates a converter.
     *
     * @param originLatDeg origin latitude, degrees
     * @param originLonDeg origin longitude, degrees
     */
    public GeoNe(double originLatDeg, double originLonDeg) {
        this.originLatDeg = originLatDeg;
        this.originLonDeg = originLonDeg;
        this.lonScale = Math.max(0.01, Math.cos(Math.toRadians(originLatDeg)));
    }

    /** @return origin latitude, degrees */
    public double originLatDeg() {
        return originLatDeg;
    }

    /** @return origin longitude, degrees */
    public double originLonDeg() {
        return originLonDeg;
    }

    /**
     * @param latE7 latitude, 1e-7 degrees
     * @return metres north of the origin
     */
    public double northM(double latE7) {
        return (latE7 - originLatDeg * 1e7) * LATLON_TO_M;
    }

    /**
     * @param lonE7 longitude, 1e-7 degrees
     * @return metres east of the origin
     */
    public double eastM(double lonE7) {
        return (lonE7 - originLonDeg * 1e7) * LATLON_TO_M * lonScale;
    }

    /**
     * @param northM metres north of the origin
     * @return latitude, degrees
     */
    public double latDeg(double northM) {
        return originLatDeg + northM / LATLON_TO_M / 1e7;
    }

    /**
     * @param eastM metres east of the origin
     * @return longitude, degrees
     */
    public double lonDeg(double eastM) {
        return originLonDeg + eastM / (LATLON_TO_M * lonScale) / 1e7;
    }

    /**
     * @param northM metres north
     * @return latitude, 1e-7 degrees (rounded)
     */
    public int latE7(double northM) {
        return (int) Math.round(latDeg(northM) * 1e7);
    }

    /**
     * @param eastM metres east
     * @return longitude, 1e-7 degrees (rounded)
     */
    public int lonE7(double eastM) {
        return (int) Math.round(lonDeg(eastM) * 1e7);
    }

    /**
     * Euclidean length without {@link Math#hypot}'s overflow protection (which is slow and not needed for
     * distances in metres).
     *
     * @param a first component
     * @param b second component
     * @return sqrt(a² + b²)
     */
    public static double hypot(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }

    /**
     * @param deg an angle, degrees
     * @return the same angle in (-180, 180], degrees
     */
    static double wrap180(double deg) {
        double d = ((deg % 360) + 360) % 360;
        return d > 180 ? d - 360 : d;
    }
}
