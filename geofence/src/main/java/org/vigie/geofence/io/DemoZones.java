package org.vigie.geofence.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * Deterministic synthetic exclusion zones for demos, tests and benchmarks (real zone data is not public): circles and
 * rotated rectangles scattered inside a district, clear of home and of each other. Stateless and thread-safe.
 */
public final class DemoZones {

    private DemoZones() {
    }

    /**
     * Adds {@code count} exclusion zones to a copy of the district: alternately circles (radius 15-40 m) and rotated
     * rectangles (30-80 m by 15-40 m), centred at seeded random points that keep 40 m from the boundary, 80 m from
     * home and 20 m from each other's zones.
     *
     * @param d     the district
     * @param count number of zones, &ge; 0
     * @param seed  random seed: same seed, same zones
     * @return a new district with the zones appended
     * @throws IllegalArgumentException if count is negative or the zones do not fit after many attempts
     */
    public static District withZones(District d, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " must be >= 0");
        }
        Random rnd = new Random(seed);
        LocalFrame frame = d.geofence().frame();
        Polygon inc = d.geofence().inclusionEnu();
        var env = inc.getEnvelopeInternal();
        List<Polygon> placed = new ArrayList<>(d.geofence().exclusionsEnu());
        var inner = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(inc.buffer(-40));
        District.Builder b = d.toBuilder();
        int attempts = 0;
        int added = 0;
        while (added < count) {
            if (++attempts > 10000) {
                throw new IllegalArgumentException("could not fit " + count + " zones in district '" + d.name() + "'");
            }
            double x = env.getMinX() + rnd.nextDouble() * env.getWidth();
            double y = env.getMinY() + rnd.nextDouble() * env.getHeight();
            boolean circle = added % 2 == 0;
            Polygon shape;
            ExclusionZone zone;
            String name = "zone " + (added + 1);
            if (circle) {
                double r = 15 + rnd.nextDouble() * 25;
                shape = EnuGeometry.enclosingPolygon(x, y, r, 32);
                zone = new CircleExclusion(name, "demo circle", frame.toGeo(x, y, 0).withAltitudeRelM(0), r);
            } else {
                double w = 30 + rnd.nextDouble() * 50;
                double h = 15 + rnd.nextDouble() * 25;
                double a = rnd.nextDouble() * Math.PI;
                double[][] c = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
                Coordinate[] cs = new Coordinate[5];
                List<GeoPoint> ring = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    double ex = x + c[i][0] * Math.cos(a) - c[i][1] * Math.sin(a);
                    double ny = y + c[i][0] * Math.sin(a) + c[i][1] * Math.cos(a);
                    cs[i] = new Coordinate(ex, ny);
                    ring.add(frame.toGeo(ex, ny, 0).withAltitudeRelM(0));
                }
                cs[4] = new Coordinate(cs[0]);
                shape = EnuGeometry.FACTORY.createPolygon(cs);
                zone = new PolygonExclusion(name, "demo block", ring);
            }
            if (!inner.contains(shape) || shape.distance(EnuGeometry.FACTORY.createPoint(new Coordinate()))
                    < 80) {
                continue;
            }
            boolean clear = true;
            for (Polygon p : placed) {
                if (p.distance(shape) < 20) {
                    clear = false;
                    break;
                }
            }
            if (!clear) {
                continue;
            }
            placed.add(shape);
            b.exclusion(zone);
            added++;
        }
        return b.build();
    }

    /**
     * The point of a district at the given ENU offset from home, for writing targets in tests.
     *
     * @param d      the district
     * @param eastM  metres east of home
     * @param northM metres north of home
     * @return the point
     */
    public static GeoPoint offset(District d, double eastM, double northM) {
        return d.geofence().frame().toGeo(new EnuPoint(eastM, northM, 0)).withAltitudeRelM(0);
    }
}
