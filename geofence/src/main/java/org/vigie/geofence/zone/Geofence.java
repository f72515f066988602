package org.vigie.geofence.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;

/**
 * The compiled form of a {@link District}: its geometry in the district's local ENU frame, prepared for fast queries.
 *
 * <p>The <em>allowed area</em> is the inclusion polygon minus every exclusion zone (true shapes: circles are exact
 * circles here, not polygons). Horizontal queries ignore altitude; 3-D queries add the floor and the ceiling. Margins are
 * not applied by these queries (they describe the real fence); the planner applies them.
 *
 * <p>Immutable and thread-safe: JTS prepared geometries and indexes are built eagerly in the constructor and only read
 * afterwards. Obtain one with {@link District#geofence()}.
 */
public final class Geofence {

    private final District district;
    private final LocalFrame frame;
    private final Polygon inclusion;
    private final PreparedGeometry inclusionPrepared;
    private final List<ExclusionZone> zones;
    private final Polygon[] exclusionPolygons;
    private final PreparedGeometry[] exclusionPrepared;
    private final double[] circleE;
    private final double[] circleN;
    private final double[] circleR;
    private final double[][] edges;
    private final List<PrivacyZone> privacyZones;
    private final PreparedGeometry[] privacyPrepared;

    Geofence(District d) {
        this.district = d;
        this.frame = new LocalFrame(d.home());
        this.inclusion = EnuGeometry.polygon(frame, d.inclusion());
        this.inclusionPrepared = PreparedGeometryFactory.prepare(inclusion);
        this.zones = d.exclusions();
        int n = zones.size();
        exclusionPolygons = new Polygon[n];
        exclusionPrepared = new PreparedGeometry[n];
        circleE = new double[n];
        circleN = new double[n];
        circleR = new double[n];
        List<double[]> es = new ArrayList<>();
        addEdges(es, inclusion);
        for (int i = 0; i < n; i++) {
            ExclusionZone z = zones.get(i);
            if (z instanceof PolygonExclusion pz) {
                exclusionPolygons[i] = EnuGeometry.polygon(frame, GeoPolygon.of(pz.ring()));
                exclusionPrepared[i] = PreparedGeometryFactory.prepare(exclusionPolygons[i]);
                addEdges(es, exclusionPolygons[i]);
                circleR[i] = Double.NaN;
            } else {
                CircleExclusion cz = (CircleExclusion) z;
                EnuPoint c = frame.toLocal(cz.centre().withAltitudeRelM(0));
                circleE[i] = c.eastM();
                circleN[i] = c.northM();
                circleR[i] = cz.radiusM();
                exclusionPolygons[i] = EnuGeometry.enclosingPolygon(c.eastM(), c.northM(), cz.radiusM(),
                        EnuGeometry.CIRCLE_SEGMENTS);
            }
        }
        edges = es.toArray(new double[0][]);
        privacyZones = d.privacyZones();
        privacyPrepared = new PreparedGeometry[privacyZones.size()];
        for (int i = 0; i < privacyPrepared.length; i++) {
            privacyPrepared[i] = PreparedGeometryFactory.prepare(
                    EnuGeometry.polygon(frame, GeoPolygon.of(privacyZones.get(i).ring())));
        }
        warmUp();
    }

    private void warmUp() {
        Point p = point(0, 0);
        inclusionPrepared.covers(p);
        for (PreparedGeometry g : exclusionPrepared) {
            if (g != null) {
                g.covers(p);
            }
        }
        for (PreparedGeometry g : privacyPrepared) {
            g.intersects(p);
        }
    }

    private static void addEdges(List<double[]> es, Polygon p) {
        for (int r = 0; r <= p.getNumInteriorRing(); r++) {
            Coordinate[] cs = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                es.add(new double[] {cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y});
            }
        }
    }

    private static Point point(double e, double n) {
        return EnuGeometry.FACTORY.createPoint(new Coordinate(e, n));
    }

    /** @return the district this fence was compiled from */
    public District district() {
        return district;
    }

    /** @return the district's local ENU frame (origin at home) */
    public LocalFrame frame() {
        return frame;
    }

    /** @return a copy of the inclusion polygon in ENU metres (x east, y north) */
    public Polygon inclusionEnu() {
        return (Polygon) inclusion.copy();
    }

    /**
     * The exclusion zones in ENU metres, in {@link District#exclusions()} order; a circle is given as its 32-gon
     * enclosing polygon (which contains the true circle).
     *
     * @return copies of the polygons
     */
    public List<Polygon> exclusionsEnu() {
        List<Polygon> out = new ArrayList<>(exclusionPolygons.length);
        for (Polygon p : exclusionPolygons) {
            out.add((Polygon) p.copy());
        }
        return out;
    }

    /**
     * Horizontal containment: inside (or on the boundary of) the inclusion polygon and not strictly inside any
     * exclusion zone.
     *
     * @param p a position (altitude ignored)
     * @return true if the position is in the allowed area
     */
    public boolean contains(GeoPoint p) {
        EnuPoint e = frame.toLocal(p.withAltitudeRelM(0));
        return containsEnu(e.eastM(), e.northM());
    }

    /**
     * Horizontal containment in ENU coordinates; see {@link #contains(GeoPoint)}.
     *
     * @param eastM  metres east of home
     * @param northM metres north of home
     * @return true if inside the allowed area
     */
    public boolean containsEnu(double eastM, double northM) {
        Point pt = point(eastM, northM);
        if (!inclusionPrepared.covers(pt)) {
            return false;
        }
        return exclusionIndexAt(eastM, northM, pt) < 0;
    }

    private int exclusionIndexAt(double e, double n, Point pt) {
        for (int i = 0; i < exclusionPolygons.length; i++) {
            if (exclusionPrepared[i] != null) {
                if (exclusionPrepared[i].contains(pt)) {
                    return i;
                }
            } else if (Math.hypot(e - circleE[i], n - circleN[i]) < circleR[i]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * 3-D containment: {@link #contains(GeoPoint)} and floor &le; altitude &le; ceiling.
     *
     * @param p a position with altitude above home
     * @return true if inside the fence volume
     */
    public boolean contains3d(GeoPoint p) {
        return p.altitudeRelM() >= district.floorRelM() && p.altitudeRelM() <= district.ceilingRelM() && contains(p);
    }

    /**
     * The exclusion zone strictly containing a position, if any (the first in district order).
     *
     * @param p a position (altitude ignored)
     * @return the zone, or empty
     */
    public Optional<ExclusionZone> exclusionAt(GeoPoint p) {
        EnuPoint e = frame.toLocal(p.withAltitudeRelM(0));
        int i = exclusionIndexAt(e.eastM(), e.northM(), point(e.eastM(), e.northM()));
        return i < 0 ? Optional.empty() : Optional.of(zones.get(i));
    }

    /**
     * Signed horizontal distance to the nearest boundary of the allowed area: positive inside, negative outside.
     * Inside, the value is exact; outside, its magnitude is the distance to the nearest fence boundary (a lower bound
     * of the distance back into the allowed area when zones overlap).
     *
     * @param p a position (altitude ignored)
     * @return metres
     */
    public double signedDistanceM(GeoPoint p) {
        EnuPoint e = frame.toLocal(p.withAltitudeRelM(0));
        return signedDistanceEnu(e.eastM(), e.northM());
    }

    /**
     * {@link #signedDistanceM(GeoPoint)} in ENU coordinates.
     *
     * @param eastM  metres east of home
     * @param northM metres north of home
     * @return signed metres, positive inside
     */
    public double signedDistanceEnu(double eastM, double northM) {
        double d2 = Double.POSITIVE_INFINITY;
        for (double[] s : edges) {
            double ex = s[2] - s[0];
            double ey = s[3] - s[1];
            double len2 = ex * ex + ey * ey;
            double t = len2 == 0 ? 0 : ((eastM - s[0]) * ex + (northM - s[1]) * ey) / len2;
            t = Math.max(0, Math.min(1, t));
            double dx = eastM - (s[0] + t * ex);
            double dy = northM - (s[1] + t * ey);
            d2 = Math.min(d2, dx * dx + dy * dy);
        }
        double d = Math.sqrt(d2);
        for (int i = 0; i < exclusionPolygons.length; i++) {
            if (exclusionPrepared[i] == null) {
                d = Math.min(d, Math.abs(Math.hypot(eastM - circleE[i], northM - circleN[i]) - circleR[i]));
            }
        }
        return containsEnu(eastM, northM) ? d : -d;
    }

    /**
     * Signed 3-D clearance: the smallest of {@link #signedDistanceM(GeoPoint)}, the height above the floor and the
     * height below the ceiling. Positive inside the fence volume, negative outside.
     *
     * @param p a position with altitude above home
     * @return metres
     */
    public double signedDistance3dM(GeoPoint p) {
        double h = signedDistanceM(p);
        double v = Math.min(p.altitudeRelM() - district.floorRelM(), district.ceilingRelM() - p.altitudeRelM());
        if (h < 0 || v < 0) {
            return Math.min(Math.min(h, v), h < 0 && v < 0 ? -Math.hypot(h, v) : 0);
        }
        return Math.min(h, v);
    }

    /**
     * Time until a straight-line extrapolation of the motion leaves the fence volume (inclusion, exclusion zones,
     * floor and ceiling; true shapes, no margin). For an onboard failsafe that acts before the breach: compare it with
     * the time needed to stop.
     *
     * @param p          current position, altitude above home
     * @param velEastMps velocity east, m/s
     * @param velNorthMps velocity north, m/s
     * @param velUpMps   velocity up, m/s
     * @return seconds until the breach; 0 if already outside; {@link Double#POSITIVE_INFINITY} if the motion never
     *     leaves (zero velocity)
     * @throws IllegalArgumentException if a velocity component is not finite
     */
    public double timeToBreachS(GeoPoint p, double velEastMps, double velNorthMps, double velUpMps) {
        if (!Double.isFinite(velEastMps) || !Double.isFinite(velNorthMps) || !Double.isFinite(velUpMps)) {
            throw new IllegalArgumentException("velocity must be finite: " + velEastMps + ", " + velNorthMps + ", "
                    + velUpMps);
        }
        if (!contains3d(p)) {
            return 0.0;
        }
        EnuPoint e = frame.toLocal(p.withAltitudeRelM(0));
        double px = e.eastM();
        double py = e.northM();
        double t = Double.POSITIVE_INFINITY;
        if (velUpMps > 0) {
            t = (district.ceilingRelM() - p.altitudeRelM()) / velUpMps;
        } else if (velUpMps < 0) {
            t = (p.altitudeRelM() - district.floorRelM()) / -velUpMps;
        }
        double vx = velEastMps;
        double vy = velNorthMps;
        if (vx == 0 && vy == 0) {
            return t;
        }
        for (double[] s : edges) {
            double ex = s[2] - s[0];
            double ey = s[3] - s[1];
            double den = vx * ey - vy * ex;
            if (den == 0) {
                continue;
            }
            double wx = s[0] - px;
            double wy = s[1] - py;
            double tt = (wx * ey - wy * ex) / den;
            double u = (wx * vy - wy * vx) / den;
            if (tt >= 0 && u >= 0 && u <= 1 && tt < t) {
                t = tt;
            }
        }
        for (int i = 0; i < circleR.length; i++) {
            if (exclusionPrepared[i] != null) {
                continue;
            }
            double fx = px - circleE[i];
            double fy = py - circleN[i];
            double a = vx * vx + vy * vy;
            double b = 2 * (fx * vx + fy * vy);
            double c = fx * fx + fy * fy - circleR[i] * circleR[i];
            double disc = b * b - 4 * a * c;
            if (disc >= 0) {
                double t1 = (-b - Math.sqrt(disc)) / (2 * a);
                if (t1 >= 0 && t1 < t) {
                    t = t1;
                }
            }
        }
        return t;
    }

    /**
     * The privacy zones that intersect a ground footprint (e.g. the camera's footprint on the ground), in district
     * order.
     *
     * @param footprint the footprint polygon's vertices (open or closed ring, at least 3 distinct vertices)
     * @return the intersecting zones, possibly empty
     * @throws IllegalArgumentException if the footprint has fewer than 3 distinct vertices
     */
    public List<PrivacyZone> privacyZonesIntersecting(List<GeoPoint> footprint) {
        if (privacyPrepared.length == 0) {
            return List.of();
        }
        Geometry fp = EnuGeometry.polygon(frame, GeoPolygon.of(footprint));
        if (!fp.isValid()) {
            fp = fp.buffer(0);
        }
        List<PrivacyZone> out = new ArrayList<>();
        for (int i = 0; i < privacyPrepared.length; i++) {
            if (privacyPrepared[i].intersects(fp)) {
                out.add(privacyZones.get(i));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Geofence[" + district.name() + "]";
    }
}
