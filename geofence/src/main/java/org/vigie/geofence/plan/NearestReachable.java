package org.vigie.geofence.plan;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Location;

/**
 * Finds the point of the free space nearest to a point outside it (a target inside an exclusion zone or the margin, a
 * start outside the fence) that a route can actually reach.
 *
 * <p>Candidates lie along the boundary of the free space: on every boundary edge within {@link #WINDOW_M} of the
 * nearest boundary distance, the edge's own nearest point and points every {@link #SPACING_M} metres. Each candidate
 * is moved a little into the free space along its edge's inward normal (the free space lies left of every edge), must
 * then lie strictly inside the wanted component and pass the caller's reachability test (a route from the start is
 * found). Candidates are tried nearest first (ties by coordinates, so the answer is deterministic), at most
 * {@link #MAX_TRIES} of them. A corner of the margins, where the single nearest boundary point cannot be moved inside
 * or reached, no longer ends the search.
 *
 * <p>Immutable and thread-safe (the free space is).
 */
final class NearestReachable {

    /** Spacing of the candidates along a boundary edge, metres. */
    static final double SPACING_M = 2.0;
    /** Candidates up to this much farther than the nearest boundary point are considered, metres. */
    static final double WINDOW_M = 40.0;
    /** At most this many candidates pass the reachability test. */
    static final int MAX_TRIES = 64;
    private static final double[] NUDGES_M = {0.01, 0.05, 0.25, 1.0};

    /** Tests whether a route reaches (x, y). */
    interface Reachability {
        /**
         * @param x east, metres
         * @param y north, metres
         * @return true when a route from the start reaches the point
         */
        boolean reaches(double x, double y);
    }

    /**
     * The answer.
     *
     * @param x         east of the found point, metres
     * @param y         north, metres
     * @param distanceM from the searched-from point to it, metres
     */
    record Found(double x, double y, double distanceM) {
    }

    private final FreeSpace free;

    NearestReachable(FreeSpace free) {
        this.free = free;
    }

    /**
     * @param px        east of the point outside the free space (or in another component), metres
     * @param py        north, metres
     * @param component the component to land in, or -1 for any
     * @param reach     the reachability test of a candidate
     * @return the nearest reachable point found, or null when no candidate is reachable
     */
    @Nullable Found find(double px, double py, int component, Reachability reach) {
        double nearest = Double.POSITIVE_INFINITY;
        int m = free.ax.length;
        for (int i = 0; i < m; i++) {
            if (component < 0 || free.edgeComponent[i] == component) {
                nearest = Math.min(nearest, segmentDistance(px, py, i));
            }
        }
        if (!Double.isFinite(nearest)) {
            return null;
        }
        double limit = nearest + WINDOW_M;
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if ((component >= 0 && free.edgeComponent[i] != component) || segmentDistance(px, py, i) > limit) {
                continue;
            }
            double ax = free.ax[i];
            double ay = free.ay[i];
            double dx = free.bx[i] - ax;
            double dy = free.by[i] - ay;
            double len = Math.hypot(dx, dy);
            if (len == 0) {
                continue;
            }
            double nx = -dy / len;
            double ny = dx / len;
            double t0 = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (len * len)));
            add(candidates, px, py, ax + t0 * dx, ay + t0 * dy, nx, ny, limit);
            int steps = (int) Math.floor(len / SPACING_M);
            for (int k = 0; k <= steps; k++) {
                double t = k * SPACING_M / len;
                add(candidates, px, py, ax + t * dx, ay + t * dy, nx, ny, limit);
            }
        }
        candidates.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
        int tries = 0;
        for (double[] c : candidates) {
            for (double nudge : NUDGES_M) {
                double x = c[1] + c[3] * nudge;
                double y = c[2] + c[4] * nudge;
                if (free.locate(x, y) != Location.INTERIOR
                        || (component >= 0 && free.componentOf(x, y) != component)) {
                    continue;
                }
                if (reach.reaches(x, y)) {
                    return new Found(x, y, Math.hypot(x - px, y - py));
                }
                if (++tries >= MAX_TRIES) {
                    return null;
                }
                break;
            }
        }
        return null;
    }

    private static void add(List<double[]> out, double px, double py, double x, double y, double nx, double ny,
            double limit) {
        double d = Math.hypot(x - px, y - py);
        if (d <= limit) {
            out.add(new double[] {d, x, y, nx, ny});
        }
    }

    private double segmentDistance(double px, double py, int i) {
        double ax = free.ax[i];
        double ay = free.ay[i];
        double dx = free.bx[i] - ax;
        double dy = free.by[i] - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
}
