package org.vigie.geofence.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.Geofence;

/**
 * The flyable area of a district in ENU metres: the inclusion polygon shrunk by the horizontal margin minus every
 * exclusion zone grown by it, with a uniform-grid segment index walked from the segment's start (so blockers near the
 * start end the test early) and an exact segment-visibility test.
 *
 * <p>Polygon buffers use an inflated distance {@code margin / cos(3 pi / (8 * QUADRANT_SEGMENTS))} so that the chords
 * JTS uses for round joins stay at least {@code margin} away from the true fence (JTS rounds the number of chords per
 * fillet, so one chord may span up to 1.5 times the nominal step): the free space is contained in the true
 * margin-buffered free space. Circular zones are grown exactly: the enclosing 16-gon of the circle of radius
 * {@code r + margin}. Immutable and thread-safe after construction (indexes are built and warmed in the constructor).
 */
final class FreeSpace {

    static final int QUADRANT_SEGMENTS = 4;
    /** Vertices of the polygon that encloses a margin-grown circular exclusion zone. */
    static final int CIRCLE_SEGMENTS = 16;

    final Geometry geometry;
    final Polygon[] components;
    /** Edge endpoints, edge i from (ax[i], ay[i]) to (bx[i], by[i]), free space on the left. */
    final double[] ax;
    final double[] ay;
    final double[] bx;
    final double[] by;
    /** The component (index into {@link #components}) each edge bounds. */
    final int[] edgeComponent;
    /** Reflex vertices of the free space (interior angle &gt; 180 deg): the only bends of shortest paths. */
    final double[] nodeX;
    final double[] nodeY;
    /** Ring neighbours of each node (previous and next vertex along the ring). */
    final double[] prevX;
    final double[] prevY;
    final double[] nextX;
    final double[] nextY;
    final int[] nodeComponent;
    private final SegmentGrid edgeIndex;
    private final IndexedPointInAreaLocator[] locators;
    private final IndexedPointInAreaLocator locator;

    FreeSpace(Geofence fence, double marginM) {
        Geometry inc = fence.inclusionEnu();
        List<Geometry> obstacles = new ArrayList<>();
        List<Geometry> grown = new ArrayList<>();
        List<ExclusionZone> zones = fence.district().exclusions();
        List<Polygon> zonePolygons = fence.exclusionsEnu();
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i) instanceof CircleExclusion c) {
                EnuPoint e = fence.frame().toLocal(c.centre().withAltitudeRelM(0));
                grown.add(EnuGeometry.enclosingPolygon(e.eastM(), e.northM(), c.radiusM() + Math.max(0, marginM),
                        CIRCLE_SEGMENTS));
            } else {
                obstacles.add(zonePolygons.get(i));
            }
        }
        double d = marginM <= 0 ? 0 : marginM / Math.cos(3 * Math.PI / (8 * QUADRANT_SEGMENTS)) + 1e-6;
        BufferParameters bp = new BufferParameters(QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND,
                BufferParameters.JOIN_ROUND, BufferParameters.DEFAULT_MITRE_LIMIT);
        Geometry free = d > 0 ? org.locationtech.jts.operation.buffer.BufferOp.bufferOp(inc, -d, bp) : inc;
        if (!obstacles.isEmpty() || !grown.isEmpty()) {
            for (Geometry g : obstacles) {
                grown.add(d > 0 ? org.locationtech.jts.operation.buffer.BufferOp.bufferOp(g, d, bp) : g);
            }
            free = free.difference(UnaryUnionOp.union(grown));
        }
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < free.getNumGeometries(); i++) {
            Geometry g = free.getGeometryN(i);
            if (g instanceof Polygon p && !p.isEmpty() && p.getArea() > 1e-6) {
                polys.add(p);
            }
        }
        this.components = polys.toArray(new Polygon[0]);
        this.geometry = EnuGeometry.FACTORY.createMultiPolygon(components);
        List<double[]> edges = new ArrayList<>();
        List<double[]> nodes = new ArrayList<>();
        for (int c = 0; c < components.length; c++) {
            Polygon p = components[c];
            for (int r = 0; r <= p.getNumInteriorRing(); r++) {
                LinearRing ring = r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1);
                Coordinate[] cs = ring.getCoordinates();
                boolean ccw = Orientation.isCCW(cs);
                boolean wantCcw = r == 0;
                if (ccw != wantCcw) {
                    cs = cs.clone();
                    java.util.Collections.reverse(Arrays.asList(cs));
                }
                int n = cs.length - 1;
                for (int i = 0; i < n; i++) {
                    Coordinate a = cs[i];
                    Coordinate b = cs[i + 1];
                    edges.add(new double[] {a.x, a.y, b.x, b.y, c});
                    Coordinate prev = cs[(i - 1 + n) % n];
                    if (Orientation.index(prev, a, b) == Orientation.CLOCKWISE) {
                        nodes.add(new double[] {a.x, a.y, prev.x, prev.y, b.x, b.y, c});
                    }
                }
            }
        }
        int m = edges.size();
        ax = new double[m];
        ay = new double[m];
        bx = new double[m];
        by = new double[m];
        edgeComponent = new int[m];
        for (int i = 0; i < m; i++) {
            double[] e = edges.get(i);
            edgeComponent[i] = (int) e[4];
            ax[i] = e[0];
            ay[i] = e[1];
            bx[i] = e[2];
            by[i] = e[3];
        }
        edgeIndex = new SegmentGrid(ax, ay, bx, by);
        int k = nodes.size();
        nodeX = new double[k];
        nodeY = new double[k];
        prevX = new double[k];
        prevY = new double[k];
        nextX = new double[k];
        nextY = new double[k];
        nodeComponent = new int[k];
        for (int i = 0; i < k; i++) {
            double[] v = nodes.get(i);
            nodeX[i] = v[0];
            nodeY[i] = v[1];
            prevX[i] = v[2];
            prevY[i] = v[3];
            nextX[i] = v[4];
            nextY[i] = v[5];
            nodeComponent[i] = (int) v[6];
        }
        locators = new IndexedPointInAreaLocator[components.length];
        for (int c = 0; c < components.length; c++) {
            locators[c] = new IndexedPointInAreaLocator(components[c]);
            locators[c].locate(new Coordinate(0, 0));
        }
        locator = new IndexedPointInAreaLocator(geometry);
        locator.locate(new Coordinate(0, 0));
    }

    boolean isEmpty() {
        return components.length == 0;
    }

    /** @return JTS location (INTERIOR, BOUNDARY, EXTERIOR) of a point in the free space */
    int locate(double x, double y) {
        return locator.locate(new Coordinate(x, y));
    }

    /** @return the index of the component covering the point, or -1 */
    int componentOf(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        for (int i = 0; i < locators.length; i++) {
            if (locators[i].locate(c) != Location.EXTERIOR) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when node {@code v} can be a bend of a shortest path that arrives from or leaves towards (qx, qy): both ring
     * neighbours of v lie on the same side of the line through v and q (or on it).
     */
    boolean tangentAt(int v, double qx, double qy) {
        double x = nodeX[v];
        double y = nodeY[v];
        int s1 = orient(x, y, qx, qy, prevX[v], prevY[v]);
        int s2 = orient(x, y, qx, qy, nextX[v], nextY[v]);
        return s1 * s2 >= 0;
    }

    static int orient(double px, double py, double qx, double qy, double rx, double ry) {
        double det = (qx - px) * (ry - py) - (qy - py) * (rx - px);
        double mag = (Math.abs(qx - px) + Math.abs(qy - py)) * (Math.abs(rx - px) + Math.abs(ry - py));
        if (Math.abs(det) > 1e-12 * mag) {
            return det > 0 ? 1 : -1;
        }
        return Orientation.index(new Coordinate(px, py), new Coordinate(qx, qy), new Coordinate(rx, ry));
    }

    /**
     * Exact visibility: true when the closed segment p-q lies in the (closed) free space. Assumes p and q are in the
     * free space. Proper crossings of a boundary edge reject at once; contacts split the segment and every piece's
     * midpoint must be in the free space.
     */
    boolean visible(double px, double py, double qx, double qy) {
        VisibilityVisitor v = new VisibilityVisitor(this, px, py, qx, qy);
        edgeIndex.walk(px, py, qx, qy, v);
        if (v.blocked) {
            return false;
        }
        if (v.contactCount == 0 && v.overlapCount == 0) {
            return locate((px + qx) / 2, (py + qy) / 2) != Location.EXTERIOR;
        }
        double[] ts = Arrays.copyOf(v.contacts, v.contactCount + 2);
        ts[v.contactCount] = 0;
        ts[v.contactCount + 1] = 1;
        Arrays.sort(ts);
        for (int i = 0; i + 1 < ts.length; i++) {
            if (ts[i + 1] - ts[i] <= 1e-12) {
                continue;
            }
            double t = (ts[i] + ts[i + 1]) / 2;
            if (v.onBoundary(t)) {
                continue;
            }
            if (locate(px + t * (qx - px), py + t * (qy - py)) == Location.EXTERIOR) {
                return false;
            }
        }
        return true;
    }

    private static final class VisibilityVisitor implements SegmentGrid.EdgeVisitor {
        private final FreeSpace fs;
        private final double px;
        private final double py;
        private final double qx;
        private final double qy;
        boolean blocked;
        double[] contacts = new double[4];
        int contactCount;

        VisibilityVisitor(FreeSpace fs, double px, double py, double qx, double qy) {
            this.fs = fs;
            this.px = px;
            this.py = py;
            this.qx = qx;
            this.qy = qy;
        }

        @Override
        public boolean visit(int i) {
            double ax = fs.ax[i];
            double ay = fs.ay[i];
            double bx = fs.bx[i];
            double by = fs.by[i];
            int o1 = orient(px, py, qx, qy, ax, ay);
            int o2 = orient(px, py, qx, qy, bx, by);
            if (o1 * o2 > 0) {
                return true;
            }
            int o3 = orient(ax, ay, bx, by, px, py);
            int o4 = orient(ax, ay, bx, by, qx, qy);
            if (o3 * o4 > 0) {
                return true;
            }
            if (o1 != 0 && o2 != 0 && o3 != 0 && o4 != 0) {
                blocked = true;
                return false;
            }
            double dx = qx - px;
            double dy = qy - py;
            double len2 = dx * dx + dy * dy;
            if (len2 == 0) {
                return true;
            }
            double ta = ((ax - px) * dx + (ay - py) * dy) / len2;
            double tb = ((bx - px) * dx + (by - py) * dy) / len2;
            if (o1 == 0) {
                addContact(ta);
            }
            if (o2 == 0) {
                addContact(tb);
            }
            if (o1 == 0 && o2 == 0) {
                addOverlap(Math.min(ta, tb), Math.max(ta, tb));
            }
            if (o1 != 0 && o2 != 0) {
                // p or q lies on the edge's interior: the contact is at an end of the segment
                addContact(o3 == 0 ? 0.0 : 1.0);
            }
            return true;
        }

        double[] overlaps = new double[0];
        int overlapCount;

        /** The part of the segment in [lo, hi] runs along a boundary edge (it is in the closed free space). */
        private void addOverlap(double lo, double hi) {
            if (hi <= 0 || lo >= 1) {
                return;
            }
            if (2 * overlapCount + 2 > overlaps.length) {
                overlaps = Arrays.copyOf(overlaps, Math.max(4, overlaps.length * 2));
            }
            overlaps[2 * overlapCount] = lo;
            overlaps[2 * overlapCount + 1] = hi;
            overlapCount++;
        }

        boolean onBoundary(double t) {
            for (int i = 0; i < overlapCount; i++) {
                if (t >= overlaps[2 * i] && t <= overlaps[2 * i + 1]) {
                    return true;
                }
            }
            return false;
        }

        private void addContact(double t) {
            if (t <= 0 || t >= 1) {
                return;
            }
            if (contactCount == contacts.length) {
                contacts = Arrays.copyOf(contacts, contacts.length * 2);
            }
            contacts[contactCount++] = t;
        }
    }
}
