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
 * Turns a {@link District} into autopilot fence shapes within what the autopilot can store ({@link FenceCapacity}:
 * items, bytes of ArduPilot's storage layout, vertices per polygon).
 *
 * <p>The inclusion shell becomes one inclusion polygon; inclusion holes and polygonal exclusion zones become exclusion
 * polygons; circular zones become exclusion circles; home becomes the return point (optional). When the items exceed
 * the capacity, vertices are removed greedily (first from any polygon above the per-polygon limit, then from all), smallest triangle first, and only conservatively: from the inclusion only
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

    /** ArduPilot's fence item limit on Pixhawk-class boards (560 bytes of storage / 8). */
    public static final int ARDUPILOT_MAX_ITEMS = 70;
    /** PX4's fence item budget (dataman geofence storage). */
    public static final int PX4_MAX_ITEMS = FenceCapacity.PX4_DEFAULT_ITEMS;

    private static final GeometryFactory GF = new GeometryFactory();
    /** Exported polygons are moved this far (degrees, about 7-11 cm) to the safe side before rounding to 1e-7. */
    static final double SAFETY_DEG = 1e-6;
    /** A simplification may not bring the inclusion or an exclusion closer to home than this (degrees, ~5 m). */
    static final double HOME_CLEARANCE_DEG = 5e-5;
    private static final BufferParameters MITRE = new BufferParameters(1, BufferParameters.CAP_FLAT,
            BufferParameters.JOIN_MITRE, 50.0);

    private final FenceCapacity capacity;
    private final boolean includeReturnPoint;

    /**
     * @param capacity           what the autopilot can store
     * @param includeReturnPoint whether to append a return point at home (counts against the capacity)
     * @throws IllegalArgumentException if capacity is null
     */
    public FenceExporter(FenceCapacity capacity, boolean includeReturnPoint) {
        if (capacity == null) {
            throw new IllegalArgumentException("capacity is null");
        }
        this.capacity = capacity;
        this.includeReturnPoint = includeReturnPoint;
    }

    /**
     * An exporter limited by items only.
     *
     * @param maxItems           item budget, &ge; 4
     * @param includeReturnPoint whether to append a return point at home (counts against the budget)
     * @throws IllegalArgumentException if maxItems &lt; 4
     */
    public FenceExporter(int maxItems, boolean includeReturnPoint) {
        this(FenceCapacity.items(maxItems), includeReturnPoint);
    }

    /** @return what the exported fence must fit */
    public FenceCapacity capacity() {
        return capacity;
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
        int slack = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            FenceExport r = attempt(d, slack);
            if (r instanceof FenceExport.Exported e) {
                int over = overBy(e.shapes());
                if (over > 0) {
                    // a mitre offset bevelled a very sharp corner into two vertices: aim lower and retry
                    slack += over;
                    continue;
                }
            }
            return r;
        }
        return new FenceExport.Refused("district '" + d.name() + "' has corners too sharp to export within "
                + capacity);
    }

    private int overBy(List<FenceShape> shapes) {
        List<Integer> polys = new ArrayList<>();
        int circles = 0;
        boolean ret = false;
        for (FenceShape s : shapes) {
            if (s instanceof FenceShape.Polygon p) {
                polys.add(p.vertices().size());
            } else if (s instanceof FenceShape.Circle) {
                circles++;
            } else {
                ret = true;
            }
        }
        return capacity.excess(polys.stream().mapToInt(Integer::intValue).toArray(), circles, ret);
    }

    /** Vertices still to remove for the rings to fit, plus {@code slack} more. */
    private int excess(List<Ring> rings, int circles, int slack) {
        int[] counts = new int[rings.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = rings.get(i).count;
        }
        int e = capacity.excess(counts, circles, includeReturnPoint);
        return e == 0 && slack == 0 ? 0 : e + slack;
    }

    private FenceExport attempt(District d, int slack) {
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
        int[] minimum = new int[rings.size()];
        java.util.Arrays.fill(minimum, 3);
        if (!capacity.fits(minimum, circles.size(), includeReturnPoint)) {
            return new FenceExport.Refused(String.format(Locale.ROOT, "district '%s' needs at least %d polygons of 3"
                    + " vertices and %d circles%s, more than the autopilot stores (%s)", d.name(), rings.size(),
                    circles.size(), includeReturnPoint ? " and a return point" : "", capacity));
        }
        Simplification simp = new Simplification(rings, home.lonDeg(), home.latDeg());
        for (int ri = 0; ri < rings.size(); ri++) {
            Ring r = rings.get(ri);
            int over = r.count - capacity.maxVerticesPerPolygon();
            if (over > 0 && capacity.maxVerticesPerPolygon() < capacity.maxItems() && !simp.remove(List.of(ri), over)) {
                return new FenceExport.Refused(String.format(Locale.ROOT, "the %s keeps %d vertices after every"
                        + " conservative simplification; the autopilot takes %d per polygon", r.name, r.count,
                        capacity.maxVerticesPerPolygon()));
            }
        }
        int excess = excess(rings, circles.size(), slack);
        if (excess > 0) {
            List<Integer> all = new ArrayList<>();
            for (int ri = 0; ri < rings.size(); ri++) {
                all.add(ri);
            }
            if (!simp.remove(all, excess)) {
                int total = circles.size() + (includeReturnPoint ? 1 : 0);
                for (Ring r : rings) {
                    total += r.count;
                }
                return new FenceExport.Refused(String.format(Locale.ROOT, "district '%s' needs %d fence items"
                        + " after every conservative simplification; the autopilot stores %s", d.name(), total,
                        capacity));
            }
        }
        return prove(d, rings, circles, simp.removed, simp.removedArea);
    }

    /** Greedy conservative vertex removal, smallest area first, over a chosen set of rings. */
    private static final class Simplification {
        private final List<Ring> rings;
        private final double hx;
        private final double hy;
        int removed;
        double removedArea;

        Simplification(List<Ring> rings, double hx, double hy) {
            this.rings = rings;
            this.hx = hx;
            this.hy = hy;
        }

        /** Removes {@code count} vertices from the given rings; false when no more can go conservatively. */
        boolean remove(List<Integer> ringIndexes, int count) {
            PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                    : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
            boolean rescanned = false;
            int left = count;
            while (left > 0) {
                if (pq.isEmpty()) {
                    if (rescanned) {
                        return false;
                    }
                    for (int ri : ringIndexes) {
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
                left--;
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
            return true;
        }
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
        List<FenceShape> shapes = new ArrayList<>();
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
            List<FenceShape.LatLonE7> vertices = new ArrayList<>();
            for (int[] p : e7) {
                vertices.add(new FenceShape.LatLonE7(p[0], p[1]));
            }
            shapes.add(new FenceShape.Polygon(r.grow ? FenceShape.Role.EXCLUSION : FenceShape.Role.INCLUSION,
                    vertices));
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
            shapes.add(new FenceShape.Circle(FenceShape.Role.EXCLUSION, new FenceShape.LatLonE7(lat, lon), radius));
        }
        if (includeReturnPoint) {
            shapes.add(new FenceShape.ReturnPoint(new FenceShape.LatLonE7((int) Math.round(d.home().latDeg() * 1e7),
                    (int) Math.round(d.home().lonDeg() * 1e7))));
        }
        double mPerDegLat = 111_320.0;
        double mPerDegLon = 111_320.0 * Math.cos(Math.toRadians(d.home().latDeg()));
        return new FenceExport.Exported(shapes, removed, removedAreaDeg2 * mPerDegLat * mPerDegLon);
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
