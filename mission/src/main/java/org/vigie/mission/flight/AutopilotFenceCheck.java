package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigie.geofence.export.FenceItem;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.plan.Route;
import org.vigie.geofence.plan.Waypoint;

/**
 * Checks a planned route against the fence the autopilot will actually enforce: the district's fence as exported
 * within the autopilot's item budget, whose conservative simplification may cut into the corridor the planner uses.
 * A route must stay {@code clearanceM} inside the exported inclusion and outside every exported exclusion, or the
 * autopilot would refuse its waypoints or breach on the way: the flight refuses such a route before take-off instead.
 *
 * <p>Geometry in the district's local ENU frame (JTS, prepared). Immutable and thread-safe.
 */
public final class AutopilotFenceCheck {

    private static final GeometryFactory GF = new GeometryFactory();

    private final LocalFrame frame;
    private final PreparedGeometry allowed;
    private final double clearanceM;
    private final int itemCount;

    /**
     * @param frame      the district's local frame
     * @param items      the exported fence items, in upload order
     * @param clearanceM distance a route must keep from the exported fence, metres, &ge; 0
     * @throws IllegalArgumentException on a negative clearance, or items without exactly one inclusion polygon
     */
    public AutopilotFenceCheck(LocalFrame frame, List<FenceItem> items, double clearanceM) {
        if (!(clearanceM >= 0)) {
            throw new IllegalArgumentException("clearanceM " + clearanceM + " must be >= 0 metres");
        }
        this.frame = frame;
        this.clearanceM = clearanceM;
        this.itemCount = items.size();
        Geometry inclusion = null;
        List<Geometry> exclusions = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            FenceItem it = items.get(i);
            switch (it.command()) {
                case FenceItem.POLYGON_VERTEX_INCLUSION, FenceItem.POLYGON_VERTEX_EXCLUSION -> {
                    int n = (int) it.param1();
                    if (n < 3 || i + n > items.size()) {
                        throw new IllegalArgumentException("fence item " + i + " starts a polygon of " + n
                                + " vertices but " + (items.size() - i) + " items remain");
                    }
                    Coordinate[] cs = new Coordinate[n + 1];
                    for (int k = 0; k < n; k++) {
                        cs[k] = enu(items.get(i + k));
                    }
                    cs[n] = new Coordinate(cs[0]);
                    Geometry p = GF.createPolygon(cs);
                    if (it.command() == FenceItem.POLYGON_VERTEX_INCLUSION) {
                        if (inclusion != null) {
                            throw new IllegalArgumentException("more than one inclusion polygon in the fence items");
                        }
                        inclusion = p;
                    } else {
                        exclusions.add(p);
                    }
                    i += n;
                }
                case FenceItem.CIRCLE_EXCLUSION -> {
                    exclusions.add(GF.createPoint(enu(it)).buffer(it.param1(), 16));
                    i++;
                }
                default -> i++;
            }
        }
        if (inclusion == null) {
            throw new IllegalArgumentException("no inclusion polygon in the fence items");
        }
        Geometry ok = clearanceM > 0 ? inclusion.buffer(-clearanceM) : inclusion;
        for (Geometry x : exclusions) {
            ok = ok.difference(clearanceM > 0 ? x.buffer(clearanceM) : x);
        }
        this.allowed = PreparedGeometryFactory.prepare(ok);
    }

    private Coordinate enu(FenceItem it) {
        EnuPoint p = frame.toLocal(new GeoPoint(it.latDeg(), it.lonDeg(), 0));
        return new Coordinate(p.eastM(), p.northM());
    }

    /**
     * @param route     a planned route
     * @param routeName "outbound", "return" ... for the sentence
     * @return null when the whole route keeps the clearance inside the exported fence, else a sentence saying where
     *         it does not
     */
    public String problem(Route route, String routeName) {
        List<Waypoint> wps = route.waypoints();
        Coordinate[] cs = new Coordinate[wps.size()];
        for (int k = 0; k < wps.size(); k++) {
            EnuPoint p = frame.toLocal(wps.get(k).position());
            cs[k] = new Coordinate(p.eastM(), p.northM());
        }
        Geometry path = cs.length == 1 ? GF.createPoint(cs[0]) : GF.createLineString(cs);
        if (allowed.covers(path)) {
            return null;
        }
        Geometry outside = path.difference(allowed.getGeometry());
        Coordinate c = outside.isEmpty() ? cs[cs.length - 1] : outside.getCoordinate();
        GeoPoint where = frame.toGeo(c.x, c.y, 0);
        double lengthM = path instanceof LineString ? outside.getLength() : 0;
        return String.format(Locale.ROOT, "the %s route passes within %.0f m of the autopilot's fence (the district "
                + "simplified to %d fence items) near %s%s", routeName, clearanceM, itemCount, where.latLonText(),
                lengthM > 0 ? String.format(Locale.ROOT, " over %.0f m", lengthM) : "");
    }
}
