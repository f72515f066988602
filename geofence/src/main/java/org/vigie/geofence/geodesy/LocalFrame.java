package org.vigie.geofence.geodesy;

/**
 * A local east-north-up (ENU) Cartesian frame tangent to the WGS84 ellipsoid at an origin (the district's home).
 *
 * <p>The transform is exact (geodetic to ECEF to a rotation into ENU, and back with an iterative geodetic inversion
 * converged to below a micrometre), the same construction as GeographicLib's {@code LocalCartesian}; GeographicLib-Java
 * 2.0 ships only the geodesic classes, so the rotation is written here and tested against
 * {@link Geodesy#distanceM(GeoPoint, GeoPoint)}. Heights are {@link GeoPoint#altitudeRelM()} taken as ellipsoidal
 * heights above the origin, so {@code up} equals the relative altitude at the origin and differs from it by the
 * Earth's curvature elsewhere (0.08 m at 1 km).
 *
 * <p>Immutable and thread-safe: all state is final, nothing is cached per call.
 */
public final class LocalFrame {

    private static final double A = 6378137.0;
    private static final double F = 1.0 / 298.257223563;
    private static final double E2 = F * (2.0 - F);

    private final GeoPoint origin;
    private final double x0;
    private final double y0;
    private final double z0;
    private final double sinLat0;
    private final double cosLat0;
    private final double sinLon0;
    private final double cosLon0;

    /**
     * Creates the frame.
     *
     * @param origin the origin; its altitude is ignored (the origin is at relative altitude 0)
     * @throws IllegalArgumentException if origin is null or within 0.01 degree of a pole
     */
    public LocalFrame(GeoPoint origin) {
        if (origin == null) {
            throw new IllegalArgumentException("origin is null");
        }
        if (Math.abs(origin.latDeg()) > 89.99) {
            throw new IllegalArgumentException("origin latitude " + origin.latDeg() + " is too close to a pole");
        }
        this.origin = origin.withAltitudeRelM(0.0);
        double lat = Math.toRadians(origin.latDeg());
        double lon = Math.toRadians(origin.lonDeg());
        sinLat0 = Math.sin(lat);
        cosLat0 = Math.cos(lat);
        sinLon0 = Math.sin(lon);
        cosLon0 = Math.cos(lon);
        double[] ecef = ecef(origin.latDeg(), origin.lonDeg(), 0.0);
        x0 = ecef[0];
        y0 = ecef[1];
        z0 = ecef[2];
    }

    /** @return the origin (altitude 0) */
    public GeoPoint origin() {
        return origin;
    }

    /**
     * WGS84 to local ENU.
     *
     * @param p a point
     * @return its east, north, up metres from the origin
     */
    public EnuPoint toLocal(GeoPoint p) {
        double[] e = ecef(p.latDeg(), p.lonDeg(), p.altitudeRelM());
        double dx = e[0] - x0;
        double dy = e[1] - y0;
        double dz = e[2] - z0;
        double east = -sinLon0 * dx + cosLon0 * dy;
        double north = -sinLat0 * cosLon0 * dx - sinLat0 * sinLon0 * dy + cosLat0 * dz;
        double up = cosLat0 * cosLon0 * dx + cosLat0 * sinLon0 * dy + sinLat0 * dz;
        return new EnuPoint(east, north, up);
    }

    /**
     * Local ENU to WGS84.
     *
     * @param eastM  metres east
     * @param northM metres north
     * @param upM    metres up
     * @return the geodetic point; its altitude is the ellipsoidal height above the origin
     * @throws IllegalArgumentException if a coordinate is not finite
     */
    public GeoPoint toGeo(double eastM, double northM, double upM) {
        if (!Double.isFinite(eastM) || !Double.isFinite(northM) || !Double.isFinite(upM)) {
            throw new IllegalArgumentException("ENU coordinates must be finite: " + eastM + ", " + northM + ", " + upM);
        }
        double x = x0 - sinLon0 * eastM - sinLat0 * cosLon0 * northM + cosLat0 * cosLon0 * upM;
        double y = y0 + cosLon0 * eastM - sinLat0 * sinLon0 * northM + cosLat0 * sinLon0 * upM;
        double z = z0 + cosLat0 * northM + sinLat0 * upM;
        double p = Math.hypot(x, y);
        double lon = Math.atan2(y, x);
        double lat = Math.atan2(z, p * (1.0 - E2));
        double h = 0.0;
        for (int i = 0; i < 10; i++) {
            double s = Math.sin(lat);
            double n = A / Math.sqrt(1.0 - E2 * s * s);
            h = p * Math.cos(lat) + z * s - A * Math.sqrt(1.0 - E2 * s * s);
            double next = Math.atan2(z, p * (1.0 - E2 * n / (n + h)));
            if (Math.abs(next - lat) < 1e-14) {
                lat = next;
                break;
            }
            lat = next;
        }
        double s = Math.sin(lat);
        h = p * Math.cos(lat) + z * s - A * Math.sqrt(1.0 - E2 * s * s);
        return new GeoPoint(Math.toDegrees(lat), Math.toDegrees(lon), h);
    }

    /**
     * Local ENU to WGS84.
     *
     * @param p the local point
     * @return the geodetic point
     */
    public GeoPoint toGeo(EnuPoint p) {
        return toGeo(p.eastM(), p.northM(), p.upM());
    }

    private static double[] ecef(double latDeg, double lonDeg, double h) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double s = Math.sin(lat);
        double n = A / Math.sqrt(1.0 - E2 * s * s);
        double c = Math.cos(lat);
        return new double[] {(n + h) * c * Math.cos(lon), (n + h) * c * Math.sin(lon), (n * (1.0 - E2) + h) * s};
    }

    @Override
    public String toString() {
        return "LocalFrame[origin " + origin.latLonText() + "]";
    }
}
