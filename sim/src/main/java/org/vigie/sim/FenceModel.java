package org.vigie.sim;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fence geometry compiled from fence items (MAV_CMD_NAV_FENCE_* 5000..5004) into north/east metres around home,
 * with the tests AC_Fence makes: inside every inclusion polygon and circle, outside every exclusion polygon and
 * circle, and the distance a vehicle can travel along a direction before reaching a boundary (for avoidance).
 *
 * <p>Immutable after construction; thread-safe.
 */
final class FenceModel {

    static final int CMD_RETURN_POINT = 5000;
    static final int CMD_POLY_INCLUSION = 5001;
    static final int CMD_POLY_EXCLUSION = 5002;
    static final int CMD_CIRCLE_INCLUSION = 5003;
    static final int CMD_CIRCLE_EXCLUSION = 5004;

    @Nullable record Circle(double north, double east, double radius) {}

    final List<double[][]> inclusions = new ArrayList<>();
    final List<double[][]> exclusions = new ArrayList<>();
    final List<Circle> inclusionCircles = new ArrayList<>();
    final List<Circle> exclusionCircles = new ArrayList<>();
    double @Nullable [] returnPoint;

    /** An empty fence: no polygon, no circle. */
    FenceModel() {}

    /**
     * Compiles fence items.
     *
     * @param items the stored fence list
     * @param geo conversion around home
     * @return the model, or null if the vertex groups are inconsistent (a polygon with fewer than 3 vertices or a
     *     count that does not match)
     */
    static @Nullable FenceModel compile(List<SimMissionItem> items, GeoNe geo) {
        FenceModel f = new FenceModel();
        int i = 0;
        while (i < items.size()) {
            SimMissionItem it = items.get(i);
            int cmd = it.command();
            if (cmd == CMD_POLY_INCLUSION || cmd == CMD_POLY_EXCLUSION) {
                int n = Math.round(it.param1());
                if (n < 3 || i + n > items.size()) {
                    return null;
                }
                double[][] poly = new double[n][2];
                for (int k = 0; k < n; k++) {
                    SimMissionItem v = items.get(i + k);
                    if (v.command() != cmd) {
                        return null;
                    }
                    poly[k][0] = geo.northM(v.x());
                    poly[k][1] = geo.eastM(v.y());
                }
                (cmd == CMD_POLY_INCLUSION ? f.inclusions : f.exclusions).add(poly);
                i += n;
            } else if (cmd == CMD_CIRCLE_INCLUSION || cmd == CMD_CIRCLE_EXCLUSION) {
                Circle c = new Circle(geo.northM(it.x()), geo.eastM(it.y()), it.param1());
                (cmd == CMD_CIRCLE_INCLUSION ? f.inclusionCircles : f.exclusionCircles).add(c);
                i++;
            } else if (cmd == CMD_RETURN_POINT) {
                f.returnPoint = new double[] {geo.northM(it.x()), geo.eastM(it.y())};
                i++;
            } else {
                return null;
            }
        }
        return f;
    }

    boolean hasPolygonFence() {
        return !inclusions.isEmpty() || !exclusions.isEmpty() || !inclusionCircles.isEmpty()
                || !exclusionCircles.isEmpty();
    }

    /** Whether the point satisfies every polygon and circle fence. */
    boolean containsHorizontally(double n, double e) {
        for (double[][] p : inclusions) {
            if (!inside(p, n, e)) {
                return false;
            }
        }
        for (double[][] p : exclusions) {
            if (inside(p, n, e)) {
                return false;
            }
        }
        for (Circle c : inclusionCircles) {
            if (GeoNe.hypot(n - c.north, e - c.east) > c.radius) {
                return false;
            }
        }
        for (Circle c : exclusionCircles) {
            if (GeoNe.hypot(n - c.north, e - c.east) < c.radius) {
                return false;
            }
        }
        return true;
    }

    /**
     * Distance from (n, e) along the unit direction (dn, de) to the first fence boundary.
     *
     * @return metres, or +infinity if no boundary lies ahead
     */
    double distanceAlong(double n, double e, double dn, double de) {
        double best = Double.POSITIVE_INFINITY;
        for (double[][] p : inclusions) {
            best = Math.min(best, rayPolygon(p, n, e, dn, de));
        }
        for (double[][] p : exclusions) {
            best = Math.min(best, rayPolygon(p, n, e, dn, de));
        }
        for (Circle c : inclusionCircles) {
            best = Math.min(best, rayCircle(c, n, e, dn, de));
        }
        for (Circle c : exclusionCircles) {
            best = Math.min(best, rayCircle(c, n, e, dn, de));
        }
        return best;
    }

    static boolean inside(double[][] poly, double n, double e) {
        boolean in = false;
        for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
            double ni = poly[i][0];
            double ei = poly[i][1];
            double nj = poly[j][0];
            double ej = poly[j][1];
            if ((ei > e) != (ej > e) && n < (nj - ni) * (e - ei) / (ej - ei) + ni) {
                in = !in;
            }
        }
        return in;
    }

    private static double rayPolygon(double[][] poly, double n, double e, double dn, double de) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
            double an = poly[j][0];
            double ae = poly[j][1];
            double sn = poly[i][0] - an;
            double se = poly[i][1] - ae;
            double denom = dn * se - de * sn;
            if (Math.abs(denom) < 1e-12) {
                continue;
            }
            double qn = an - n;
            double qe = ae - e;
            double t = (qn * se - qe * sn) / denom;
            double u = (qn * de - qe * dn) / denom;
            if (t >= 0 && u >= 0 && u <= 1) {
                best = Math.min(best, t);
            }
        }
        return best;
    }

    private static double rayCircle(Circle c, double n, double e, double dn, double de) {
        double fn = n - c.north;
        double fe = e - c.east;
        double b = fn * dn + fe * de;
        double cc = fn * fn + fe * fe - c.radius * c.radius;
        double disc = b * b - cc;
        if (disc < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = Math.sqrt(disc);
        double t1 = -b - s;
        double t2 = -b + s;
        if (t1 >= 0) {
            return t1;
        }
        if (t2 >= 0) {
            return t2;
        }
        return Double.POSITIVE_INFINITY;
    }
}
