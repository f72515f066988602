package org.vigie.geofence.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.Geofence;

/**
 * The exact reference planner for one district, with its visibility graph cached.
 *
 * <p>Construction computes the free space (inclusion shrunk by the horizontal margin, minus exclusion zones grown by
 * it; circles as enclosing polygons; see {@link #freeSpaceEnu()}), keeps the reflex vertices of the free space as graph
 * nodes (only they can be bends of a shortest path) and links every pair that is mutually tangent and visible (exact
 * test against an STR-tree of boundary segments). Each {@link #plan} then only connects the start and the target to
 * the graph and runs A* with the straight-line heuristic, so it returns a shortest path in the free space. Edges from
 * the start and to the target are checked lazily, when A* first wants them, so a plan costs a handful of visibility
 * tests instead of one per node.
 *
 * <p>Immutable and thread-safe: build one per district (the construction is the expensive part) and share it.
 */
public final class DistrictPlanner implements RoutePlanner {

    private final District district;
    private final Geofence fence;
    private final LocalFrame frame;
    private final FreeSpace free;
    private final int[][] adjacency;
    private final double[][] weights;
    private final int edgeCount;
    private final Polygon inclusion;
    private final PreparedGeometry inclusionPrepared;
    private final PreparedGeometry shellPrepared;
    private final NearestReachable nearest;

    /**
     * Builds the planner and its visibility graph.
     *
     * @param district the district; its horizontal margin is applied
     * @throws IllegalArgumentException if district is null
     */
    public DistrictPlanner(District district) {
        if (district == null) {
            throw new IllegalArgumentException("district is null");
        }
        this.district = district;
        this.fence = district.geofence();
        this.frame = fence.frame();
        this.free = new FreeSpace(fence, district.horizontalMarginM());
        this.inclusion = fence.inclusionEnu();
        this.inclusionPrepared = PreparedGeometryFactory.prepare(inclusion);
        this.shellPrepared = PreparedGeometryFactory.prepare(
                EnuGeometry.FACTORY.createPolygon(inclusion.getExteriorRing()));
        inclusionPrepared.covers(pt(0, 0));
        this.nearest = new NearestReachable(free);
        shellPrepared.covers(pt(0, 0));
        int n = free.nodeX.length;
        List<List<Integer>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        int edges = 0;
        for (int u = 0; u < n; u++) {
            double ux = free.nodeX[u];
            double uy = free.nodeY[u];
            for (int v = u + 1; v < n; v++) {
                if (free.nodeComponent[u] != free.nodeComponent[v]) {
                    continue;
                }
                double vx = free.nodeX[v];
                double vy = free.nodeY[v];
                if (free.tangentAt(u, vx, vy) && free.tangentAt(v, ux, uy) && free.visible(ux, uy, vx, vy)) {
                    adj.get(u).add(v);
                    adj.get(v).add(u);
                    edges++;
                }
            }
        }
        adjacency = new int[n][];
        weights = new double[n][];
        for (int u = 0; u < n; u++) {
            List<Integer> a = adj.get(u);
            adjacency[u] = new int[a.size()];
            weights[u] = new double[a.size()];
            for (int k = 0; k < a.size(); k++) {
                int v = a.get(k);
                adjacency[u][k] = v;
                weights[u][k] = Math.hypot(free.nodeX[u] - free.nodeX[v], free.nodeY[u] - free.nodeY[v]);
            }
        }
        this.edgeCount = edges;
    }

    /** @return the district planned in */
    public District district() {
        return district;
    }

    /** @return number of visibility-graph nodes (reflex vertices of the free space) */
    public int nodeCount() {
        return adjacency.length;
    }

    /** @return number of undirected visibility-graph edges */
    public int edgeCount() {
        return edgeCount;
    }

    /**
     * The free space planned in, in the district's ENU frame (x east, y north, metres): every route's horizontal path
     * lies in it.
     *
     * @return a copy (a MultiPolygon, possibly empty)
     */
    public Geometry freeSpaceEnu() {
        return free.geometry.copy();
    }

    @Override
    public PlanResult plan(GeoPoint start, GeoPoint target, PlanOptions options) {
        if (start == null || target == null || options == null) {
            throw new IllegalArgumentException("start, target and options must not be null");
        }
        return plan(start, target, options, false);
    }

    @Override
    public PlanResult planReturn(GeoPoint from, PlanOptions options) {
        if (from == null || options == null) {
            throw new IllegalArgumentException("from and options must not be null");
        }
        return plan(from, district.home(), options, true);
    }

    private PlanResult plan(GeoPoint start, GeoPoint target, PlanOptions options, boolean isReturn) {
        if (free.isEmpty()) {
            return refuse(PlanFailureReason.NO_FREE_SPACE, String.format(Locale.ROOT,
                    "district '%s' has no flyable space once the %.0f m margin is applied", district.name(),
                    district.horizontalMarginM()));
        }
        List<String> notes = new ArrayList<>();
        EnuPoint s = frame.toLocal(start.withAltitudeRelM(0));
        EnuPoint t = frame.toLocal(target.withAltitudeRelM(0));

        // Target first: outside the district is a refusal.
        Point tPt = pt(t.eastM(), t.northM());
        if (!shellPrepared.covers(tPt)) {
            double d = inclusion.distance(tPt);
            Coordinate[] near = DistanceOp.nearestPoints(inclusion, tPt);
            String dir = Geodesy.compassPoint(Math.toDegrees(Math.atan2(t.eastM() - near[0].x,
                    t.northM() - near[0].y)));
            return refuse(PlanFailureReason.TARGET_OUTSIDE_DISTRICT, String.format(Locale.ROOT,
                    "target %s lies %.0f m %s of district '%s'", target.latLonText(), d, dir, district.name()));
        }

        // Start: inside the free space, or routed back to its nearest point.
        double sx = s.eastM();
        double sy = s.northM();
        double[] reentry = null;
        if (free.locate(sx, sy) == Location.EXTERIOR) {
            Point sPt = pt(sx, sy);
            double outside = inclusionPrepared.covers(sPt) ? 0 : inclusion.distance(sPt);
            if (outside > options.maxStartOutsideM()) {
                Coordinate[] near = DistanceOp.nearestPoints(inclusion, sPt);
                String dir = Geodesy.compassPoint(Math.toDegrees(Math.atan2(sx - near[0].x, sy - near[0].y)));
                return refuse(PlanFailureReason.START_OUTSIDE, String.format(Locale.ROOT,
                        "start %s lies %.0f m %s of district '%s', more than the %.0f m the planner routes back from",
                        start.latLonText(), outside, dir, district.name(), options.maxStartOutsideM()));
            }
            NearestReachable.Found found = nearest.find(sx, sy, -1, (x, y) -> true);
            double[] r = found == null ? null : new double[] {found.x(), found.y()};
            if (r == null) {
                return refuse(PlanFailureReason.START_OUTSIDE, "start " + start.latLonText()
                        + " cannot be routed back inside district '" + district.name() + "'");
            }
            notes.add(String.format(Locale.ROOT, "start %s is %s; the route first returns inside at %s, %.0f m away",
                    start.latLonText(), describeOutside(start, outside), frame.toGeo(r[0], r[1], 0).latLonText(),
                    Math.hypot(r[0] - sx, r[1] - sy)));
            reentry = r;
            sx = r[0];
            sy = r[1];
        }
        int comp = free.componentOf(sx, sy);

        // Target: inside the free space, or a stand-off at the nearest reachable free point.
        double tx = t.eastM();
        double ty = t.northM();
        StandOff standOff = null;
        double[] path;
        if (free.locate(tx, ty) == Location.EXTERIOR || free.componentOf(tx, ty) != comp) {
            boolean inFree = free.locate(tx, ty) != Location.EXTERIOR;
            double fsx = sx;
            double fsy = sy;
            double[][] found = new double[1][];
            NearestReachable.Found r = nearest.find(tx, ty, comp, (x, y) -> {
                found[0] = shortestPath(fsx, fsy, x, y, comp, options.turnCostM());
                return found[0] != null;
            });
            Optional<ExclusionZone> zone = fence.exclusionAt(target);
            if (r == null) {
                if (zone.isPresent()) {
                    return refuse(PlanFailureReason.TARGET_IN_EXCLUSION, String.format(Locale.ROOT,
                            "no route exists: target %s lies inside exclusion zone '%s' (%s) and no point of the free"
                                    + " space around it (%.0f m margin) can be reached from %s",
                            target.latLonText(), zone.get().name(), zone.get().reason(),
                            district.horizontalMarginM(), start.latLonText()));
                }
                return refuse(PlanFailureReason.NO_PATH, String.format(Locale.ROOT,
                        "no route exists: no point near target %s can be reached from %s inside district '%s'",
                        target.latLonText(), start.latLonText(), district.name()));
            }
            double standoffM = Math.hypot(r.x() - tx, r.y() - ty);
            GeoPoint atPoint = frame.toGeo(r.x(), r.y(), 0).withAltitudeRelM(0);
            String at = atPoint.latLonText();
            if (inFree) {
                return refuse(PlanFailureReason.NO_PATH, String.format(Locale.ROOT,
                        "no route exists from %s to target %s: exclusion zones %s with their %.0f m margin cut"
                                + " district '%s' in %d parts, and the nearest reachable point (%s) is %.0f m from the"
                                + " target", start.latLonText(), target.latLonText(), separatingZones(),
                        district.horizontalMarginM(), district.name(), free.components.length, at, standoffM));
            } else if (zone.isPresent()) {
                notes.add(String.format(Locale.ROOT, "target %s lies inside exclusion zone '%s' (%s); the route stops"
                        + " outside it at %s, %.0f m from the target, where the camera can look in",
                        target.latLonText(), zone.get().name(), zone.get().reason(), at, standoffM));
                standOff = new StandOff(zone.get().name(), zone.get().reason(), atPoint, standoffM);
            } else {
                notes.add(String.format(Locale.ROOT, "target %s lies within the %.0f m safety margin of the fence;"
                        + " the route stops at %s, %.0f m from the target", target.latLonText(),
                        district.horizontalMarginM(), at, standoffM));
                standOff = new StandOff(null, "", atPoint, standoffM);
            }
            path = found[0];
        } else {
            path = shortestPath(sx, sy, tx, ty, comp, options.turnCostM());
        }
        if (path == null) {
            return refuse(PlanFailureReason.NO_PATH, String.format(Locale.ROOT,
                    "no route exists from %s to %s inside district '%s'", start.latLonText(), target.latLonText(),
                    district.name()));
        }
        return new PlanResult.Planned(buildRoute(start, target, reentry, path, options, isReturn), notes, standOff);
    }

    private String separatingZones() {
        List<String> names = new ArrayList<>();
        for (ExclusionZone z : district.exclusions()) {
            names.add("'" + z.name() + "'");
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private String describeOutside(GeoPoint start, double outsideM) {
        Optional<ExclusionZone> z = fence.exclusionAt(start);
        if (z.isPresent()) {
            return "inside exclusion zone '" + z.get().name() + "'";
        }
        if (outsideM > 0) {
            return String.format(Locale.ROOT, "%.0f m outside district '%s'", outsideM, district.name());
        }
        return String.format(Locale.ROOT, "within the %.0f m safety margin of the fence", district.horizontalMarginM());
    }

    private static Point pt(double x, double y) {
        return EnuGeometry.FACTORY.createPoint(new Coordinate(x, y));
    }

    /**
     * A* on the cached graph plus start and target, with lazily checked start and target edges: an edge from the
     * start or to the target is tested for visibility only when A* pops it, so a plan usually runs a handful of
     * visibility tests instead of one per node. Every edge leaving a graph node (a turn of the path) costs
     * {@code turnCostM} on top of its length. Returns x0,y0,x1,y1,... or null.
     */
    double @Nullable [] shortestPath(double sx, double sy, double tx, double ty, int comp, double turnCostM) {
        int n = adjacency.length;
        int sId = n;
        int tId = n + 1;
        double[] bestG = new double[n + 2];
        Arrays.fill(bestG, Double.POSITIVE_INFINITY);
        int[] parent = new int[n + 2];
        Arrays.fill(parent, -1);
        double[] g = new double[n + 2];
        boolean[] closed = new boolean[n + 2];
        Entries e = new Entries(64);
        MinHeap heap = new MinHeap(64);
        heap.push(e.add(tId, sId, dist(sx, sy, tx, ty), true), dist(sx, sy, tx, ty));
        for (int v = 0; v < n; v++) {
            if (free.nodeComponent[v] == comp && free.tangentAt(v, sx, sy)) {
                double gv = dist(sx, sy, free.nodeX[v], free.nodeY[v]);
                heap.push(e.add(v, sId, gv, true), gv + dist(free.nodeX[v], free.nodeY[v], tx, ty));
            }
        }
        closed[sId] = true;
        while (!heap.isEmpty()) {
            int k = heap.pop();
            int u = e.node[k];
            if (closed[u]) {
                continue;
            }
            int from = e.parent[k];
            if (e.check[k]) {
                double fx = from == sId ? sx : free.nodeX[from];
                double fy = from == sId ? sy : free.nodeY[from];
                double ux = u == tId ? tx : free.nodeX[u];
                double uy = u == tId ? ty : free.nodeY[u];
                if (!free.visible(fx, fy, ux, uy)) {
                    continue;
                }
            }
            closed[u] = true;
            parent[u] = from;
            g[u] = e.g[k];
            if (u == tId) {
                break;
            }
            double ux = free.nodeX[u];
            double uy = free.nodeY[u];
            int[] adj = adjacency[u];
            double[] w = weights[u];
            for (int i = 0; i < adj.length; i++) {
                int v = adj[i];
                double ng = g[u] + w[i] + turnCostM;
                if (!closed[v] && ng < bestG[v]) {
                    bestG[v] = ng;
                    heap.push(e.add(v, u, ng, false), ng + dist(free.nodeX[v], free.nodeY[v], tx, ty));
                }
            }
            if (free.tangentAt(u, tx, ty)) {
                double ng = g[u] + dist(ux, uy, tx, ty) + turnCostM;
                heap.push(e.add(tId, u, ng, true), ng);
            }
        }
        if (!closed[tId]) {
            return null;
        }
        List<double[]> pts = new ArrayList<>();
        for (int v = tId; ; v = parent[v]) {
            if (v == tId) {
                pts.add(new double[] {tx, ty});
            } else if (v == sId) {
                pts.add(new double[] {sx, sy});
                break;
            } else {
                pts.add(new double[] {free.nodeX[v], free.nodeY[v]});
            }
        }
        java.util.Collections.reverse(pts);
        List<double[]> taut = new ArrayList<>();
        for (double[] p : pts) {
            while (taut.size() >= 2) {
                double[] a = taut.get(taut.size() - 2);
                double[] b = taut.get(taut.size() - 1);
                if (FreeSpace.orient(a[0], a[1], b[0], b[1], p[0], p[1]) == 0) {
                    taut.remove(taut.size() - 1);
                } else {
                    break;
                }
            }
            taut.add(p);
        }
        double[] out = new double[taut.size() * 2];
        for (int i = 0; i < taut.size(); i++) {
            out[2 * i] = taut.get(i)[0];
            out[2 * i + 1] = taut.get(i)[1];
        }
        return out;
    }

    private static double dist(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Growable arrays of A* entries: node, parent, g, and whether the edge parent-node still needs a check. */
    private static final class Entries {
        int[] node;
        int[] parent;
        double[] g;
        boolean[] check;
        int size;

        Entries(int capacity) {
            node = new int[capacity];
            parent = new int[capacity];
            g = new double[capacity];
            check = new boolean[capacity];
        }

        int add(int n, int p, double gv, boolean needsCheck) {
            if (size == node.length) {
                int c = size * 2;
                node = Arrays.copyOf(node, c);
                parent = Arrays.copyOf(parent, c);
                g = Arrays.copyOf(g, c);
                check = Arrays.copyOf(check, c);
            }
            node[size] = n;
            parent[size] = p;
            g[size] = gv;
            check[size] = needsCheck;
            return size++;
        }
    }

    private Route buildRoute(GeoPoint start, GeoPoint target, double @Nullable [] reentry, double[] path, PlanOptions o,
            boolean isReturn) {
        double transit = district.transitAltitudeRelM();
        List<Waypoint> wps = new ArrayList<>();
        wps.add(new Waypoint(start, WaypointKind.START));
        double vertical = 0;
        double time = 0;
        if (start.altitudeRelM() != transit) {
            double dz = transit - start.altitudeRelM();
            vertical += Math.abs(dz);
            time += dz > 0 ? dz / o.climbRateMps() : -dz / o.descentRateMps();
            wps.add(new Waypoint(start.withAltitudeRelM(transit), WaypointKind.TO_TRANSIT_ALTITUDE));
        }
        EnuPoint s = frame.toLocal(start.withAltitudeRelM(0));
        double horizontal = 0;
        double px = s.eastM();
        double py = s.northM();
        if (reentry != null) {
            horizontal += Math.hypot(reentry[0] - px, reentry[1] - py);
            wps.add(new Waypoint(frame.toGeo(reentry[0], reentry[1], 0).withAltitudeRelM(transit),
                    WaypointKind.REENTRY));
            px = reentry[0];
            py = reentry[1];
        }
        int k = path.length / 2;
        GeoPoint destination = null;
        for (int i = 1; i < k; i++) {
            double x = path[2 * i];
            double y = path[2 * i + 1];
            horizontal += Math.hypot(x - px, y - py);
            px = x;
            py = y;
            boolean last = i == k - 1;
            GeoPoint g = frame.toGeo(x, y, 0).withAltitudeRelM(transit);
            if (last) {
                EnuPoint tl = frame.toLocal(target.withAltitudeRelM(0));
                if (Math.hypot(tl.eastM() - x, tl.northM() - y) < 1e-6) {
                    g = target.withAltitudeRelM(transit);
                }
                destination = g.withAltitudeRelM(0);
            }
            wps.add(new Waypoint(g, last ? WaypointKind.ARRIVAL : WaypointKind.TURN));
        }
        if (destination == null) {
            GeoPoint g = frame.toGeo(px, py, 0);
            destination = g;
            wps.add(new Waypoint(g.withAltitudeRelM(transit), WaypointKind.ARRIVAL));
        }
        time += horizontal / o.horizontalSpeedMps();
        if (!isReturn && district.onSceneAltitudeRelM() != transit) {
            double dz = district.onSceneAltitudeRelM() - transit;
            vertical += Math.abs(dz);
            time += dz > 0 ? dz / o.climbRateMps() : -dz / o.descentRateMps();
            wps.add(new Waypoint(destination.withAltitudeRelM(district.onSceneAltitudeRelM()),
                    WaypointKind.ON_SCENE));
        }
        return new Route(wps, target.withAltitudeRelM(0), destination, horizontal, vertical, time);
    }

    private PlanResult refuse(PlanFailureReason reason, String message) {
        return new PlanResult.Refused(new PlanFailure(reason, message));
    }

    @Override
    public String toString() {
        return "DistrictPlanner['" + district.name() + "', " + nodeCount() + " nodes, " + edgeCount + " edges]";
    }

    /** Binary min-heap of (key, node) with duplicates allowed (lazy deletion by the caller). */
    private static final class MinHeap {
        private double[] keys;
        private int[] nodes;
        private int size;

        MinHeap(int capacity) {
            keys = new double[Math.max(4, capacity)];
            nodes = new int[keys.length];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int node, double key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) / 2;
                if (less(key, node, keys[p], nodes[p])) {
                    keys[i] = keys[p];
                    nodes[i] = nodes[p];
                    i = p;
                } else {
                    break;
                }
            }
            keys[i] = key;
            nodes[i] = node;
        }

        int pop() {
            int top = nodes[0];
            size--;
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && less(keys[c + 1], nodes[c + 1], keys[c], nodes[c])) {
                    c++;
                }
                if (less(keys[c], nodes[c], key, node)) {
                    keys[i] = keys[c];
                    nodes[i] = nodes[c];
                    i = c;
                } else {
                    break;
                }
            }
            keys[i] = key;
            nodes[i] = node;
            return top;
        }

        private static boolean less(double k1, int n1, double k2, int n2) {
            return k1 < k2 || (k1 == k2 && n1 < n2);
        }
    }
}
