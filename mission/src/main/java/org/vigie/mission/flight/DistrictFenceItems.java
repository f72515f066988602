package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.PolygonExclusion;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionType;

/**
 * Converts a district to MAVLink fence items, as ArduCopter received them in capture session 3:
 * MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION (5001) per boundary vertex with param1 = vertex count, then
 * MAV_CMD_NAV_FENCE_POLYGON_VERTEX_EXCLUSION (5002) per exclusion polygon vertex, then
 * MAV_CMD_NAV_FENCE_CIRCLE_EXCLUSION (5004) with param1 = radius in metres (rounded up); frame 0, altitude 0.
 *
 * <p>When the district needs more items than the autopilot holds (a real ArduCopter: 84), polygons are simplified
 * <em>conservatively</em> in the district's local frame: the inclusion polygon is first shrunk by the tolerance and
 * then simplified with it (so it only shrinks), exclusion polygons are grown then simplified (so they only grow). The
 * tolerance starts at 0.5 m and doubles up to a quarter of the district's horizontal margin, so the autopilot's fence
 * never cuts into the corridor the planner uses (the planner keeps the full margin). If even that does not fit, the
 * conversion is refused with {@link IllegalArgumentException}. Stateless.
 *
 * @param maxItems the autopilot's fence item limit
 */
public record DistrictFenceItems(int maxItems) implements FenceItems {

    /** MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION. */
    public static final int CMD_INCLUSION_VERTEX = 5001;
    /** MAV_CMD_NAV_FENCE_POLYGON_VERTEX_EXCLUSION. */
    public static final int CMD_EXCLUSION_VERTEX = 5002;
    /** MAV_CMD_NAV_FENCE_CIRCLE_EXCLUSION. */
    public static final int CMD_CIRCLE_EXCLUSION = 5004;
    /** A real ArduCopter's fence item limit ("Only 84 items are supported"). */
    public static final int ARDUCOPTER_MAX_ITEMS = 84;

    /** Validates the limit. */
    public DistrictFenceItems {
        if (maxItems < 3) {
            throw new IllegalArgumentException("maxItems " + maxItems + " must be >= 3");
        }
    }

    @Override
    public List<MissionItem> of(District district) {
        LocalFrame frame = district.geofence().frame();
        Polygon inc = district.geofence().inclusionEnu();
        double maxTol = district.horizontalMarginM() / 4;
        for (double tol = 0; ; tol = tol == 0 ? Math.min(0.5, maxTol) : Math.min(tol * 2, maxTol)) {
            List<MissionItem> out = build(district, frame, inc, tol);
            if (out.size() <= maxItems) {
                for (int i = 0; i < out.size(); i++) {
                    out.set(i, out.get(i).withSeq(i));
                }
                return out;
            }
            if (tol >= maxTol) {
                throw new IllegalArgumentException("district '" + district.name() + "' needs " + out.size()
                        + " fence items even simplified by " + tol + " m, more than the autopilot's " + maxItems);
            }
        }
    }

    private static List<MissionItem> build(District district, LocalFrame frame, Polygon inc, double tol) {
        List<MissionItem> out = new ArrayList<>();
        List<Coordinate> shell = tol == 0 ? ring(inc) : ring(simplify(inc.buffer(-tol), tol));
        for (Coordinate c : shell) {
            out.add(item(CMD_INCLUSION_VERTEX, shell.size(), frame.toGeo(c.x, c.y, 0)));
        }
        for (ExclusionZone z : district.exclusions()) {
            if (z instanceof PolygonExclusion pe) {
                Polygon p = EnuGeometry.polygon(frame, org.vigie.geofence.zone.GeoPolygon.of(pe.ring()));
                List<Coordinate> r = tol == 0 ? ring(p) : ring(simplify(p.buffer(tol), tol));
                for (Coordinate c : r) {
                    out.add(item(CMD_EXCLUSION_VERTEX, r.size(), frame.toGeo(c.x, c.y, 0)));
                }
            } else if (z instanceof CircleExclusion c) {
                out.add(item(CMD_CIRCLE_EXCLUSION, Math.ceil(c.radiusM()), c.centre()));
            }
        }
        return out;
    }

    private static Polygon simplify(Geometry g, double tol) {
        Geometry s = DouglasPeuckerSimplifier.simplify(g, tol);
        Polygon best = null;
        for (int i = 0; i < s.getNumGeometries(); i++) {
            Geometry gi = s.getGeometryN(i);
            if (gi instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("polygon vanished when simplified by " + tol + " m");
        }
        return best;
    }

    private static List<Coordinate> ring(Polygon p) {
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        List<Coordinate> out = new ArrayList<>(cs.length);
        for (int i = 0; i < cs.length - 1; i++) {
            out.add(cs[i]);
        }
        return out;
    }

    private static MissionItem item(int cmd, double p1, GeoPoint p) {
        return new MissionItem(0, 0, cmd, 0, 1, (float) p1, 0, 0, 0, (int) Math.round(p.latDeg() * 1e7),
                (int) Math.round(p.lonDeg() * 1e7), 0, MissionType.FENCE);
    }
}
