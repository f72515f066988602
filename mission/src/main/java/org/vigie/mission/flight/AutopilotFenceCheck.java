package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.export.FenceShape;
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
     * @param shapes     the exported fence, in upload order
     * @param clearanceM distance a route must keep from the exported fence, metres, &ge; 0
     * @throws IllegalArgumentException on a negative clearance, or a fence without exactly one inclusion polygon
     */
    public AutopilotFenceCheck(LocalFrame frame, List<FenceShape> shapes, double clearanceM) {
        if (!(clearanceM >= 0)) {
            throw new IllegalArgumentException("clearanceM " + clearanceM + " must be >= 0 metres");
        }
        this.frame = frame;
        this.clearanceM = clearanceM;
        this.itemCount = FenceCapacity.itemCount(shapes);
        Geometry inclusion = null;
        List<Geometry> exclusions = new ArrayList<>();
        for (FenceShape s : shapes) {
            if (s instanceof FenceShape.Polygon p) {
                Coordinate[] cs = new Coordinate[p.vertices().size() + 1];
                for (int k = 0; k < p.vertices().size(); k++) {
                    cs[k] = enu(p.vertices().get(k));
                }
                cs[cs.length - 1] = new Coordinate(cs[0]);
                Geometry g = GF.createPolygon(cs);
                if (p.role() == FenceShape.Role.EXCLUSION) {
                    exclusions.add(g);
                } else if (inclusion != null) {
                    throw new IllegalArgumentException("more than one inclusion polygon in the fence");
                } else {
                    inclusion = g;
                }
            } else if (s instanceof FenceShape.Circle c) {
                Geometry g = GF.createPoint(enu(c.centre())).buffer(c.radiusM(), 16);
                if (c.role() == FenceShape.Role.INCLUSION) {
                    throw new IllegalArgumentException("inclusion circles are not checked; export a polygon");
                }
                exclusions.add(g);
            }
        }
        if (inclusion == null) {
            throw new IllegalArgumentException("no inclusion polygon in the fence");
        }
        Geometry ok = clearanceM > 0 ? inclusion.buffer(-clearanceM) : inclusion;
        for (Geometry x : exclusions) {
            ok = ok.difference(clearanceM > 0 ? x.buffer(clearanceM) : x);
        }
        this.allowed = PreparedGeometryFactory.prepare(ok);
    }

    private Coordinate enu(FenceShape.LatLonE7 it) {
        EnuPoint p = frame.toLocal(new GeoPoint(it.latDeg(), it.lonDeg(), 0));
        return new Coordinate(p.eastM(), p.northM());
    }

    /**
     * @param route     a planned route
     * @param routeName "outbound", "return" ... for the sentence
     * @return null when the whole route keeps the clearance inside the exported fence, else a sentence saying where
     *         it does not
     */
    public @Nullable String problem(Route route, String routeName) {
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
