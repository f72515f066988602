package org.vigie.geofence.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * For random targets in random districts (holes, circles, polygons), the planner either finds a route or refuses
 * because no route exists, and then an independent coarse grid search in the true margin-buffered free space finds none
 * either. A target the drone may not fly to (in a zone or the margin) is always served from a reachable point.
 */
class NoRouteGroundTruthProperties {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final double SCALE = 800;
    private static final double STEP_M = 12;

    @Property(tries = 25, seed = "20261206")
    void aTargetIsServedOrNoRouteExists(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        District d = RoutePlannerProperties.randomDistrict(seed, SCALE);
        Assume.that(d != null);
        check(d, seed);
    }

    @Property(tries = 4, seed = "20261207")
    void aTargetBeyondAWallAcrossTheDistrictHasNoRoute(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        District d = RoutePlannerProperties.randomDistrict(seed, SCALE);
        Assume.that(d != null);
        Random r = new Random(seed);
        double y = 150 + 100 * r.nextDouble();
        District walled;
        try {
            walled = d.toBuilder().exclusion(new PolygonExclusion("wall", "closed street",
                    java.util.List.of(at(-2 * SCALE, y), at(2 * SCALE, y), at(2 * SCALE, y + 20), at(-2 * SCALE,
                            y + 20)))).build();
        } catch (IllegalArgumentException e) {
            Assume.that(false);
            return;
        }
        assertThat(check(walled, seed)).as("targets beyond the wall are refused").isPositive();
    }

    private static GeoPoint at(double e, double n) {
        return new org.vigie.geofence.geodesy.LocalFrame(GeoPoint.of(48.85, 2.35)).toGeo(e, n, 0)
                .withAltitudeRelM(0);
    }

    /** Plans to 25 random targets; returns how many were refused because no route exists. */
    private static int check(District d, long seed) {
        int refused = 0;
        PreparedGeometry truth = PreparedGeometryFactory.prepare(RoutePlannerProperties.trueFreeSpace(d));
        double[] home = RoutePlannerProperties.enu(d.home());
        if (!truth.covers(pt(home[0], home[1]))) {
            return 0;
        }
        DistrictPlanner planner = new DistrictPlanner(d);
        Grid grid = new Grid(truth, home);
        Random r = new Random(seed);
        for (int k = 0; k < 40; k++) {
            GeoPoint target = RoutePlannerProperties.randomTarget(r, SCALE);
            if (!d.geofence().contains(target) && d.geofence().exclusionAt(target).isEmpty()) {
                continue;
            }
            PlanResult res = planner.plan(d.home(), target);
            if (res instanceof PlanResult.Planned p) {
                double[] end = RoutePlannerProperties.enu(p.route().destination());
                assertThat(planner.freeSpaceEnu().distance(pt(end[0], end[1]))).isLessThan(1e-6);
                continue;
            }
            PlanFailure f = ((PlanResult.Refused) res).failure();
            double[] t = RoutePlannerProperties.enu(target);
            if (f.reason() == PlanFailureReason.TARGET_OUTSIDE_DISTRICT) {
                assertThat(d.geofence().contains(target)).as("a zone reaching outside the district").isFalse();
                continue;
            }
            assertThat(f.message()).as("seed %d, target %s", seed, target.latLonText()).startsWith("no route exists");
            assertThat(truth.covers(pt(t[0], t[1])))
                    .as("a target the drone may not fly to is served from a reachable point: %s", f.message())
                    .isTrue();
            assertThat(f.reason()).isEqualTo(PlanFailureReason.NO_PATH);
            refused++;
            assertThat(grid.reaches(t[0], t[1])).as("the grid search finds a way to %s: %s", target.latLonText(),
                    f.message()).isFalse();
        }
        return refused;
    }

    private static org.locationtech.jts.geom.Point pt(double x, double y) {
        return GF.createPoint(new Coordinate(x, y));
    }

    private static boolean segmentFree(PreparedGeometry free, double ax, double ay, double bx, double by) {
        return free.covers(GF.createLineString(new Coordinate[] {new Coordinate(ax, ay), new Coordinate(bx, by)}));
    }

    /** Breadth-first search over a square grid of STEP_M, moves allowed where the whole segment is free. */
    private static final class Grid {
        private final PreparedGeometry free;
        private final int n = (int) (2 * SCALE / STEP_M) + 1;
        private final boolean[] reached = new boolean[n * n];

        Grid(PreparedGeometry free, double[] start) {
            this.free = free;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int i = 0; i < n * n; i++) {
                double x = x(i);
                double y = y(i);
                if (Math.hypot(x - start[0], y - start[1]) <= STEP_M * 1.5 && free.covers(pt(x, y))
                        && segmentFree(free, start[0], start[1], x, y)) {
                    reached[i] = true;
                    queue.add(i);
                }
            }
            int[][] moves = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
            while (!queue.isEmpty()) {
                int c = queue.poll();
                int cx = c % n;
                int cy = c / n;
                for (int[] m : moves) {
                    int nx = cx + m[0];
                    int ny = cy + m[1];
                    int j = ny * n + nx;
                    if (nx < 0 || ny < 0 || nx >= n || ny >= n || reached[j]) {
                        continue;
                    }
                    if (free.covers(pt(x(j), y(j))) && segmentFree(free, x(c), y(c), x(j), y(j))) {
                        reached[j] = true;
                        queue.add(j);
                    }
                }
            }
        }

        private double x(int i) {
            return -SCALE + (i % n) * STEP_M;
        }

        private double y(int i) {
            return -SCALE + (i / n) * STEP_M;
        }

        boolean reaches(double tx, double ty) {
            for (int i = 0; i < n * n; i++) {
                if (reached[i] && Math.hypot(x(i) - tx, y(i) - ty) <= STEP_M * 1.5
                        && segmentFree(free, x(i), y(i), tx, ty)) {
                    return true;
                }
            }
            return false;
        }
    }
}
