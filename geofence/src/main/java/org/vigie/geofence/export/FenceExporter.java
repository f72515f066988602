package org.vigie.geofence.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * Turns a {@link District} into autopilot fence items within an item budget.
 *
 * <p>The inclusion shell becomes one inclusion polygon; inclusion holes and polygonal exclusion zones become exclusion
 * polygons; circular zones become exclusion circles; home becomes the return point (optional). When the items exceed
 * the budget, vertices are removed greedily, smallest triangle first, and only conservatively: from the inclusion only
 * convex "ear" vertices (cutting the ear shrinks it), from exclusions only reflex vertices whose pocket is empty
 * (filling the pocket grows it); no removal may sweep over home or another vertex of the ring, so rings stay simple.
 * Each simplified polygon is then moved {@link #SAFETY_DEG} to the safe side (mitre offset: same vertices) and rounded
 * to 1e-7 degree, less than the offset; circle radii are rounded up past the centre's rounding error. A simplification
 * never brings a boundary within about 5 m of home. Every export is then proven with JTS in the lon/lat plane (containment is preserved by the local affine maps
 * autopilots use): the exported inclusion is covered by the true shell, every exported exclusion covers its true zone,
 * home is inside the exported inclusion and outside every exported exclusion. If no conservative fence fits, or the
 * proof fails, the result is {@link FenceExport.Refused} with a sentence.
 *
 * <p>Immutable and thread-safe.
 */
public final class FenceExporter {

    /** ArduPilot's practical fence item budget (FENCE_TOTAL storage on common boards). */
    public static final int ARDUPILOT_MAX_ITEMS = 70;
    /** PX4's fence item budget (dataman geofence storage). */
    public static final int PX4_MAX_ITEMS = 64;

    private static final GeometryFactory GF = new GeometryFactory();
    /** Exported polygons are moved this far (degrees, about 7-11 cm) to the safe side before rounding to 1e-7. */
    static final double SAFETY_DEG = 1e-6;
    /** A simplification may not bring the inclusion or an exclusion closer to home than this (degrees, ~5 m). */
    static final double HOME_CLEARANCE_DEG = 5e-5;
    private static final BufferParameters MITRE = new BufferParameters(1, BufferParameters.CAP_FLAT,
            BufferParameters.JOIN_MITRE, 50.0);

    private final int maxItems;
    private final boolean includeReturnPoint;

    /**
     * @param maxItems           item budget, &ge; 4
     * @param includeReturnPoint whether to append a RETURN_POINT item at home (counts against the budget)
     * @throws IllegalArgumentException if maxItems &lt; 4
     */
    public FenceExporter(int maxItems, boolean includeReturnPoint) {
        if (maxItems < 4) {
            throw new IllegalArgumentException("maxItems " + maxItems + " must be >= 4");
        }
        this.maxItems = maxItems;
        this.includeReturnPoint = includeReturnPoint;
    }

    /** @return the item budget */
    public int maxItems() {
        return maxItems;
    }

    /**
     * Exports a district.
     *
     * @param d the district
     * @return the items, or a refusal with a sentence
     * @throws IllegalArgumentException if d is null
     */
    public FenceExport export(District d) {
        if (d == null) {
            throw new IllegalArgumentException("district is null");
        }
        int target = maxItems;
        for (int attempt = 0; attempt < 5; attempt++) {
            FenceExport r = attempt(d, target);
            if (r instanceof FenceExport.Exported e && e.items().size() > maxItems) {
                // a mitre offset bevelled a very sharp corner into two vertices: aim lower and retry
                target -= e.items().size() - maxItems;
                continue;
            }
            return r;
        }
        return new FenceExport.Refused("district '" + d.name() + "' has corners too sharp to export within "
                + maxItems + " items");
    }

    private FenceExport attempt(District d, int budget) {
        GeoPoint home = d.home();
        List<Ring> rings = new ArrayList<>();
        rings.add(new Ring("inclusion of '" + d.name() + "'", d.inclusion().shell(), false));
        for (int i = 0; i < d.inclusion().holes().size(); i++) {
            rings.add(new Ring("inclusion hole " + i, d.inclusion().holes().get(i), true));
        }
        List<CircleExclusion> circles = new ArrayList<>();
        for (ExclusionZone z : d.exclusions()) {
            if (z instanceof PolygonExclusion p) {
                rings.add(new Ring("exclusion '" + p.name() + "'", p.ring(), true));
            } else {
                circles.add((CircleExclusion) z);
            }
        }
        int fixed = circles.size() + (includeReturnPoint ? 1 : 0);
        int total = fixed;
        for (Ring r : rings) {
            total += r.count;
        }
        int minimum = fixed + 3 * rings.size();
        if (minimum > budget) {
            return new FenceExport.Refused(String.format(Locale.ROOT, "district '%s' needs at least %d fence items"
                    + " (%d polygons of 3 vertices, %d circles%s) but the autopilot takes %d", d.name(), minimum,
                    rings.size(), circles.size(), includeReturnPoint ? ", a return point" : "", budget));
        }
        double hx = home.lonDeg();
        double hy = home.latDeg();
        int removed = 0;
        double removedArea = 0;
        PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
        boolean rescanned = false;
        while (total > budget) {
            if (pq.isEmpty()) {
                if (rescanned) {
                    return new FenceExport.Refused(String.format(Locale.ROOT, "district '%s' needs %d fence items"
                            + " after every conservative simplification; the autopilot takes %d", d.name(), total,
                            budget));
                }
                for (int ri = 0; ri < rings.size(); ri++) {
                    Ring r = rings.get(ri);
                    for (int v = 0; v < r.x.length; v++) {
                        if (r.alive[v]) {
                            push(pq, rings, ri, v, hx, hy);
                        }
                    }
                }
                rescanned = true;
                continue;
            }
            double[] c = pq.poll();
            Ring r = rings.get((int) c[1]);
            int v = (int) c[2];
            if (!r.alive[v] || r.stamp[v] != (int) c[3] || r.count <= 3 || Double.isNaN(r.cost(v, hx, hy))) {
                continue;
            }
            int p = r.prev[v];
            int n = r.next[v];
            r.alive[v] = false;
            r.next[p] = n;
            r.prev[n] = p;
            r.count--;
            total--;
            removed++;
            if (!r.grow) {
                removedArea += c[0];
            }
            r.stamp[p]++;
            r.stamp[n]++;
            push(pq, rings, (int) c[1], p, hx, hy);
            push(pq, rings, (int) c[1], n, hx, hy);
            rescanned = false;
        }
        return prove(d, rings, circles, removed, removedArea);
    }

    private static void push(PriorityQueue<double[]> pq, List<Ring> rings, int ri, int v, double hx, double hy) {
        Ring r = rings.get(ri);
        double cost = r.cost(v, hx, hy);
        if (!Double.isNaN(cost)) {
            pq.add(new double[] {cost, ri, v, r.stamp[v]});
        }
    }

    private FenceExport prove(District d, List<Ring> rings, List<CircleExclusion> circles, int removed,
            double removedAreaDeg2) {
        List<FenceItem> items = new ArrayList<>();
        Coordinate homeC = new Coordinate(d.home().lonDeg(), d.home().latDeg());
        for (Ring r : rings) {
            Polygon truth = r.truePolygon();
            Polygon simplified = r.currentPolygon();
            Geometry offset = BufferOp.bufferOp(simplified, r.grow ? SAFETY_DEG : -SAFETY_DEG, MITRE);
            if (!(offset instanceof Polygon op) || op.isEmpty()) {
                return new FenceExport.Refused("the exported " + r.name + " falls apart when moved "
                        + SAFETY_DEG + " degree to the safe side");
            }
            List<int[]> e7 = new ArrayList<>();
            Coordinate[] oc = op.getExteriorRing().getCoordinates();
            for (int i = 0; i + 1 < oc.length; i++) {
                int[] p = {(int) Math.round(oc[i].y * 1e7), (int) Math.round(oc[i].x * 1e7)};
                if (e7.isEmpty() || !java.util.Arrays.equals(e7.get(e7.size() - 1), p)) {
                    e7.add(p);
                }
            }
            while (e7.size() > 1 && java.util.Arrays.equals(e7.get(0), e7.get(e7.size() - 1))) {
                e7.remove(e7.size() - 1);
            }
            Coordinate[] cs = new Coordinate[e7.size() + 1];
            for (int i = 0; i < e7.size(); i++) {
                cs[i] = new Coordinate(e7.get(i)[1] / 1e7, e7.get(i)[0] / 1e7);
            }
            cs[e7.size()] = new Coordinate(cs[0]);
            if (e7.size() < 3) {
                return new FenceExport.Refused("the exported " + r.name + " has fewer than 3 vertices");
            }
            Polygon out = GF.createPolygon(cs);
            if (!out.isValid()) {
                return new FenceExport.Refused("the exported " + r.name + " is not a simple polygon after rounding");
            }
            boolean contained = r.grow ? out.covers(truth) : truth.covers(out);
            if (!contained) {
                return new FenceExport.Refused("cannot prove that the exported " + r.name + (r.grow
                        ? " contains the true zone" : " lies inside the true district"));
            }
            boolean homeCovered = out.covers(GF.createPoint(homeC));
            if (r.grow && homeCovered) {
                return new FenceExport.Refused("the exported " + r.name + " covers home");
            }
            if (!r.grow && !homeCovered) {
                return new FenceExport.Refused("the exported " + r.name + " leaves out home");
            }
            int cmd = r.grow ? FenceItem.POLYGON_VERTEX_EXCLUSION : FenceItem.POLYGON_VERTEX_INCLUSION;
            for (int[] p : e7) {
                items.add(new FenceItem(cmd, e7.size(), p[0], p[1]));
            }
        }
        for (CircleExclusion c : circles) {
            int lat = (int) Math.round(c.centre().latDeg() * 1e7);
            int lon = (int) Math.round(c.centre().lonDeg() * 1e7);
            double shift = Geodesy.distanceM(c.centre(), GeoPoint.of(lat / 1e7, lon / 1e7));
            double want = Math.ceil((c.radiusM() + shift + 0.01) * 100.0) / 100.0;
            float radius = (float) want;
            while (radius < want) {
                radius = Math.nextUp(radius);
            }
            if (Geodesy.distanceM(d.home(), GeoPoint.of(lat / 1e7, lon / 1e7)) <= radius) {
                return new FenceExport.Refused("the exported circle '" + c.name() + "' covers home");
            }
            items.add(new FenceItem(FenceItem.CIRCLE_EXCLUSION, radius, lat, lon));
        }
        if (includeReturnPoint) {
            items.add(new FenceItem(FenceItem.RETURN_POINT, 0f, (int) Math.round(d.home().latDeg() * 1e7),
                    (int) Math.round(d.home().lonDeg() * 1e7)));
        }
        double mPerDegLat = 111_320.0;
        double mPerDegLon = 111_320.0 * Math.cos(Math.toRadians(d.home().latDeg()));
        return new FenceExport.Exported(items, removed, removedAreaDeg2 * mPerDegLat * mPerDegLon);
    }

    /** One ring being simplified, CCW, as a doubly linked list over its vertices (x = lon, y = lat). */
    private static final class Ring {
        final String name;
        final double[] x;
        final double[] y;
        final int[] prev;
        final int[] next;
        final int[] stamp;
        final boolean[] alive;
        final boolean grow;
        int count;

        Ring(String name, List<GeoPoint> pts, boolean grow) {
            this.name = name;
            this.grow = grow;
            int n = pts.size();
            x = new double[n];
            y = new double[n];
            Coordinate[] cs = new Coordinate[n + 1];
            for (int i = 0; i < n; i++) {
                cs[i] = new Coordinate(pts.get(i).lonDeg(), pts.get(i).latDeg());
            }
            cs[n] = cs[0];
            boolean ccw = Orientation.isCCW(cs);
            for (int i = 0; i < n; i++) {
                GeoPoint p = pts.get(ccw ? i : n - 1 - i);
                x[i] = p.lonDeg();
                y[i] = p.latDeg();
            }
            prev = new int[n];
            next = new int[n];
            stamp = new int[n];
            alive = new boolean[n];
            for (int i = 0; i < n; i++) {
                prev[i] = (i - 1 + n) % n;
                next[i] = (i + 1) % n;
                alive[i] = true;
            }
            count = n;
        }

        int first() {
            for (int i = 0; i < alive.length; i++) {
                if (alive[i]) {
                    return i;
                }
            }
            throw new IllegalStateException("empty ring");
        }

        Polygon currentPolygon() {
            List<Coordinate> cs = new ArrayList<>();
            int f = first();
            for (int v = f; ; v = next[v]) {
                cs.add(new Coordinate(x[v], y[v]));
                if (next[v] == f) {
                    break;
                }
            }
            cs.add(new Coordinate(cs.get(0)));
            return GF.createPolygon(cs.toArray(new Coordinate[0]));
        }

        Polygon truePolygon() {
            Coordinate[] cs = new Coordinate[x.length + 1];
            for (int i = 0; i < x.length; i++) {
                cs[i] = new Coordinate(x[i], y[i]);
            }
            cs[x.length] = new Coordinate(cs[0]);
            return GF.createPolygon(cs);
        }

        /** Area removed or added by dropping v, or NaN when dropping v is not conservative or breaks the ring. */
        double cost(int v, double hx, double hy) {
            if (!alive[v] || count <= 3) {
                return Double.NaN;
            }
            int p = prev[v];
            int n = next[v];
            double cross = (x[v] - x[p]) * (y[n] - y[v]) - (y[v] - y[p]) * (x[n] - x[v]);
            if (cross == 0) {
                double dot = (x[v] - x[p]) * (x[n] - x[v]) + (y[v] - y[p]) * (y[n] - y[v]);
                return dot > 0 ? 0.0 : Double.NaN;
            }
            if (grow ? cross > 0 : cross < 0) {
                return Double.NaN;
            }
            if (inTriangle(hx, hy, p, v, n) || Distance.pointToSegment(new Coordinate(hx, hy),
                    new Coordinate(x[p], y[p]), new Coordinate(x[n], y[n])) < HOME_CLEARANCE_DEG) {
                return Double.NaN;
            }
            for (int w = next[n]; w != p; w = next[w]) {
                if (inTriangle(x[w], y[w], p, v, n)) {
                    return Double.NaN;
                }
            }
            return Math.abs(cross) / 2;
        }

        private boolean inTriangle(double qx, double qy, int a, int b, int c) {
            int o1 = orient(x[a], y[a], x[b], y[b], qx, qy);
            int o2 = orient(x[b], y[b], x[c], y[c], qx, qy);
            int o3 = orient(x[c], y[c], x[a], y[a], qx, qy);
            boolean hasNeg = o1 < 0 || o2 < 0 || o3 < 0;
            boolean hasPos = o1 > 0 || o2 > 0 || o3 > 0;
            return !(hasNeg && hasPos);
        }

        private static int orient(double ax, double ay, double bx, double by, double cx, double cy) {
            return Orientation.index(new Coordinate(ax, ay), new Coordinate(bx, by), new Coordinate(cx, cy));
        }
    }
}
