package org.vigie.mission.camera;

/**
 * North/east metres around an origin on the WGS84 ellipsoid, linearised with the ellipsoid's radii of curvature at
 * the origin. Accurate to a few decimetres within 2 km, which is the scale of a camera footprint in a district.
 * Immutable and thread-safe; no allocation.
 */
public final class LocalTangent {

    private static final double A = 6_378_137.0;
    private static final double E2 = 6.694_379_990_14e-3;

    private final double originLatDeg;
    private final double originLonDeg;
    private final double metresPerDegLat;
    private final double metresPerDegLon;

    /**
     * Creates the frame.
     *
     * @param originLatDeg origin latitude, degrees in [-89, 89]
     * @param originLonDeg origin longitude, degrees
     * @throws IllegalArgumentException if the origin is not finite or too close to a pole
     */
    public LocalTangent(double originLatDeg, double originLonDeg) {
        if (!Double.isFinite(originLatDeg) || !Double.isFinite(originLonDeg) || Math.abs(originLatDeg) > 89) {
            throw new IllegalArgumentException("origin " + originLatDeg + "," + originLonDeg
                    + " must be finite and within 89 degrees of the equator");
        }
        this.originLatDeg = originLatDeg;
        this.originLonDeg = originLonDeg;
        double phi = Math.toRadians(originLatDeg);
        double s = Math.sin(phi);
        double w = Math.sqrt(1 - E2 * s * s);
        double meridional = A * (1 - E2) / (w * w * w);
        double primeVertical = A / w;
        this.metresPerDegLat = Math.toRadians(meridional);
        this.metresPerDegLon = Math.toRadians(primeVertical * Math.cos(phi));
    }

    /** @return metres north of the origin for a latitude */
    public double northM(double latitudeDeg) {
        return (latitudeDeg - originLatDeg) * metresPerDegLat;
    }

    /** @return metres east of the origin for a longitude (no antimeridian crossing supported) */
    public double eastM(double longitudeDeg) {
        return (longitudeDeg - originLonDeg) * metresPerDegLon;
    }

    /** @return latitude, degrees, of a point {@code northM} metres north of the origin */
    public double latitudeDeg(double northM) {
        return originLatDeg + northM / metresPerDegLat;
    }

    /** @return longitude, degrees, of a point {@code eastM} metres east of the origin */
    public double longitudeDeg(double eastM) {
        return originLonDeg + eastM / metresPerDegLon;
    }
}
