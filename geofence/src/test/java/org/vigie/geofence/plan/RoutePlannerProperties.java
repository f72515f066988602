package org.vigie.geofence.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * Properties of the planner on random districts (star-shaped inclusion with rectangular holes, random circular and
 * polygonal exclusions), each generated from a seed. Every check uses geometry built here with plain JTS, independent
 * of the planner's visibility code.
 */
class RoutePlannerProperties {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final GeoPoint HOME = GeoPoint.of(48.85, 2.35);
    private static final LocalFrame FRAME = new LocalFrame(HOME);

    /** A random district, or null when the random shapes happen to be invalid together. */
    static District randomDistrict(long seed, double scale) {
        Random r = new Random(seed);
        int n = 8 + r.nextInt(14);
        List<GeoPoint> shell = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * (i + 0.8 * r.nextDouble()) / n;
            double rad = scale * (0.45 + 0.55 * r.nextDouble());
            shell.add(FRAME.toGeo(rad * Math.cos(a), rad * Math.sin(a), 0));
        }
        List<List<GeoPoint>> holes = new ArrayList<>();
        int nh = r.nextInt(3);
        for (int i = 0; i < nh; i++) {
            double cx = (r.nextDouble() - 0.5) * scale;
            double cy = (r.nextDouble() - 0.5) * scale;
            double w = scale * (0.05 + 0.1 * r.nextDouble());
            double h = scale * (0.05 + 0.1 * r.nextDouble());
            holes.add(List.of(FRAME.toGeo(cx - w, cy - h, 0), FRAME.toGeo(cx + w, cy - h, 0),
                    FRAME.toGeo(cx + w, cy + h, 0), FRAME.toGeo(cx - w, cy + h, 0)));
        }
        District.Builder b = District.builder("random " + seed).home(HOME).inclusion(new GeoPolygon(shell, holes))
                .horizontalMarginM(5 + r.nextInt(15));
        int nz = r.nextInt(6);
        for (int i = 0; i < nz; i++) {
            double cx = (r.nextDouble() - 0.5) * 1.4 * scale;
            double cy = (r.nextDouble() - 0.5) * 1.4 * scale;
            if (r.nextBoolean()) {
                b.exclusion(new CircleExclusion("c" + i, "test", FRAME.toGeo(cx, cy, 0),
                        scale * (0.04 + 0.12 * r.nextDouble())));
            } else {
                int k = 3 + r.nextInt(6);
                List<GeoPoint> ring = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    double a = 2 * Math.PI * (j + 0.7 * r.nextDouble()) / k;
                    double rad = scale * (0.04 + 0.15 * r.nextDouble());
                    ring.add(FRAME.toGeo(cx + rad * Math.cos(a), cy + rad * Math.sin(a), 0));
                }
                b.exclusion(new PolygonExclusion("p" + i, "test", ring));
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static double[] enu(GeoPoint p) {
        EnuPoint e = FRAME.toLocal(p.withAltitudeRelM(0));
        return new double[] {e.eastM(), e.northM()};
    }

    static List<double[]> pathEnu(Route route) {
        List<double[]> out = new ArrayList<>();
        for (GeoPoint p : route.horizontalPath()) {
            out.add(enu(p));
        }
        return out;
    }

    static LineString seg(double[] a, double[] b) {
        return GF.createLineString(new Coordinate[] {new Coordinate(a[0], a[1]), new Coordinate(b[0], b[1])});
    }

    /** The true free space, built here: inclusion eroded and exclusions (true circles) dilated by the margin. */
    static Geometry trueFreeSpace(District d) {
        double m = d.horizontalMarginM();
        Polygon inc = d.geofence().inclusionEnu();
        List<Geometry> obs = new ArrayList<>();
        for (ExclusionZone z : d.exclusions()) {
            if (z instanceof CircleExclusion c) {
                double[] e = enu(c.centre());
                obs.add(GF.createPoint(new Coordinate(e[0], e[1])).buffer(c.radiusM() + m * 0.999, 64));
            }
        }
        List<Polygon> polys = d.geofence().exclusionsEnu();
        for (int i = 0; i < polys.size(); i++) {
            if (d.exclusions().get(i) instanceof PolygonExclusion) {
                obs.add(polys.get(i).buffer(m * 0.999, 64));
            }
        }
        Geometry free = inc.buffer(-m * 0.999, 64);
        return obs.isEmpty() ? free : free.difference(UnaryUnionOp.union(obs));
    }

    static GeoPoint randomTarget(Random r, double scale) {
        return FRAME.toGeo((r.nextDouble() - 0.5) * 2 * scale, (r.nextDouble() - 0.5) * 2 * scale, 0)
                .withAltitudeRelM(0);
    }

    @Property(tries = 60, seed = "20261128")
    void routesStayInTheBufferedFreeSpaceAndAreTaut(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        District d = randomDistrict(seed, 800);
        Assume.that(d != null);
        DistrictPlanner planner = new DistrictPlanner(d);
        PreparedGeometry truth = PreparedGeometryFactory.prepare(trueFreeSpace(d).buffer(1e-4));
        PreparedGeometry plannerFree = PreparedGeometryFactory.prepare(planner.freeSpaceEnu());
        assertThat(truth.getGeometry().covers(planner.freeSpaceEnu().buffer(-1e-3)))
                .as("the planner's free space lies inside the true margin-buffered free space").isTrue();
        Random r = new Random(seed);
        int planned = 0;
        for (int i = 0; i < 12; i++) {
            PlanResult res = planner.plan(d.home(), randomTarget(r, 800));
            if (!(res instanceof PlanResult.Planned p)) {
                continue;
            }
            planned++;
            boolean reentry = p.route().waypoints().stream().anyMatch(w -> w.kind() == WaypointKind.REENTRY);
            List<double[]> path = pathEnu(p.route());
            for (int k = reentry ? 1 : 0; k + 1 < path.size(); k++) {
                assertThat(truth.covers(seg(path.get(k), path.get(k + 1))))
                        .as("segment %d of %s in district %d", k, p.route(), seed).isTrue();
            }
            for (int k = 0; k + 2 < path.size(); k++) {
                double[] a = path.get(k);
                double[] b = path.get(k + 1);
                double[] c = path.get(k + 2);
                double detour = dist(a, b) + dist(b, c) - dist(a, c);
                boolean sees = plannerFree.covers(seg(a, c));
                assertThat(sees && detour > 1e-6).as("taut at vertex %d of district %d", k + 1, seed).isFalse();
            }
        }
        Assume.that(planned > 0);
    }

    @Property(tries = 12, seed = "77")
    void lengthIsBetweenStraightLineAndGridSearch(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        District d = randomDistrict(seed, 400);
        Assume.that(d != null);
        DistrictPlanner planner = new DistrictPlanner(d);
        Geometry free = planner.freeSpaceEnu();
        Grid grid = new Grid(free, 12.0);
        Random r = new Random(seed);
        int compared = 0;
        for (int i = 0; i < 6; i++) {
            GeoPoint t = randomTarget(r, 400);
            double[] te = enu(t);
            double[] he = enu(d.home());
            if (!grid.free.covers(GF.createPoint(new Coordinate(te[0], te[1])))
                    || !grid.free.covers(GF.createPoint(new Coordinate(he[0], he[1])))) {
                continue;
            }
            PlanResult res = planner.plan(d.home(), t);
            double gridLength = grid.shortest(he, te);
            if (!(res instanceof PlanResult.Planned p)) {
                assertThat(gridLength).as("grid found a path the planner refused: %s", res).isInfinite();
                continue;
            }
            double len = p.route().horizontalLengthM();
            assertThat(len).isGreaterThanOrEqualTo(dist(he, te) - 1e-6);
            if (Double.isFinite(gridLength)) {
                assertThat(len).as("planner vs grid in district %d", seed).isLessThanOrEqualTo(gridLength + 1e-6);
                compared++;
            }
        }
        Assume.that(compared > 0);
    }

    @Property(tries = 20, seed = "5")
    void planningIsDeterministic(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        District d = randomDistrict(seed, 800);
        Assume.that(d != null);
        DistrictPlanner a = new DistrictPlanner(d);
        DistrictPlanner b = new DistrictPlanner(d);
        Random r = new Random(seed);
        for (int i = 0; i < 5; i++) {
            GeoPoint t = randomTarget(r, 800);
            PlanResult first = a.plan(d.home(), t);
            assertThat(a.plan(d.home(), t)).isEqualTo(first);
            assertThat(b.plan(d.home(), t)).isEqualTo(first);
        }
    }

    static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Independent grid search: 16-connected lattice on the free space, every edge checked with JTS covers. */
    static final class Grid {
        final PreparedGeometry free;
        final double h;
        final double x0;
        final double y0;
        final int nx;
        final int ny;
        final boolean[] ok;
        static final int[][] MOVES = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 1}, {1, -1}, {-1, 1}, {-1, -1},
            {2, 1}, {1, 2}, {-2, 1}, {-1, 2}, {2, -1}, {1, -2}, {-2, -1}, {-1, -2}};

        Grid(Geometry freeSpace, double h) {
            this.free = PreparedGeometryFactory.prepare(freeSpace);
            this.h = h;
            var env = freeSpace.getEnvelopeInternal();
            x0 = env.getMinX();
            y0 = env.getMinY();
            nx = (int) Math.ceil(env.getWidth() / h) + 1;
            ny = (int) Math.ceil(env.getHeight() / h) + 1;
            ok = new boolean[nx * ny];
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    ok[j * nx + i] = free.covers(GF.createPoint(new Coordinate(x0 + i * h, y0 + j * h)));
                }
            }
        }

        double[] xy(int id) {
            return new double[] {x0 + (id % nx) * h, y0 + (id / nx) * h};
        }

        double shortest(double[] s, double[] t) {
            int n = nx * ny;
            double[] g = new double[n + 1];
            Arrays.fill(g, Double.POSITIVE_INFINITY);
            PriorityQueue<double[]> q = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
            for (int id = 0; id < n; id++) {
                if (ok[id] && dist(xy(id), s) <= 2.5 * h && free.covers(seg(s, xy(id)))) {
                    g[id] = dist(xy(id), s);
                    q.add(new double[] {g[id], id});
                }
            }
            double best = Double.POSITIVE_INFINITY;
            while (!q.isEmpty()) {
                double[] top = q.poll();
                int id = (int) top[1];
                if (top[0] > g[id] || top[0] >= best) {
                    continue;
                }
                double[] p = xy(id);
                if (dist(p, t) <= 2.5 * h && free.covers(seg(p, t))) {
                    best = Math.min(best, g[id] + dist(p, t));
                }
                int i = id % nx;
                int j = id / nx;
                for (int[] mv : MOVES) {
                    int a = i + mv[0];
                    int b = j + mv[1];
                    if (a < 0 || b < 0 || a >= nx || b >= ny || !ok[b * nx + a]) {
                        continue;
                    }
                    int nid = b * nx + a;
                    double w = h * Math.hypot(mv[0], mv[1]);
                    if (g[id] + w < g[nid] && free.covers(seg(p, xy(nid)))) {
                        g[nid] = g[id] + w;
                        q.add(new double[] {g[nid], nid});
                    }
                }
            }
            return best;
        }
    }
}
