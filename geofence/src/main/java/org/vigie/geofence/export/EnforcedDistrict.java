package org.vigie.geofence.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * The district as the autopilot will enforce it: the true district plus, as exclusion zones, the parts of it that a
 * conservatively simplified fence cut off ("ears" of the inclusion between the true boundary and the exported one).
 * A route planned in it keeps the district's margin from the fence the autopilot actually holds, instead of being
 * refused when the simplification cuts across it; a target in a cut-off part is served from the nearest reachable
 * point, like a target in any exclusion zone.
 *
 * <p>Exported exclusions are larger than the true ones only by the export's safety offset and rounding (about 10 cm,
 * far inside the planning margin), so the true ones stand for them. Cut-off parts thinner than
 * {@link #SLIVER_M} (the export's own offset along the whole boundary) and smaller than {@link #MIN_AREA_M2} are
 * inside the margin anyway and are not added.
 *
 * <p>A small operation on immutable values; stateless and thread-safe.
 */
public final class EnforcedDistrict {

    /** Cut-off strips thinner than this (metres) are ignored: the export moves every edge about 10 cm inwards. */
    public static final double SLIVER_M = 1.0;
    /** Cut-off parts smaller than this (m²) are ignored. */
    public static final double MIN_AREA_M2 = 1.0;
    /** Name prefix of the added zones. */
    public static final String ZONE_NAME = "beyond the autopilot's fence";

    private static final GeometryFactory GF = new GeometryFactory();

    private EnforcedDistrict() {
    }

    /**
     * @param district the true district
     * @param exported the fence as exported for the autopilot (its first inclusion polygon is used)
     * @return the district with the cut-off parts as exclusion zones, or {@code district} itself when nothing was cut
     * @throws IllegalArgumentException if the export has no inclusion polygon
     */
    public static District of(District district, List<FenceShape> exported) {
        FenceShape.Polygon inclusion = exported.stream().filter(FenceShape.Polygon.class::isInstance)
                .map(FenceShape.Polygon.class::cast).filter(p -> p.role() == FenceShape.Role.INCLUSION).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the exported fence has no inclusion polygon"));
        var frame = district.geofence().frame();
        Polygon truth = district.geofence().inclusionEnu();
        Coordinate[] cs = new Coordinate[inclusion.vertices().size() + 1];
        for (int i = 0; i < inclusion.vertices().size(); i++) {
            FenceShape.LatLonE7 v = inclusion.vertices().get(i);
            var p = frame.toLocal(new GeoPoint(v.latDeg(), v.lonDeg(), 0));
            cs[i] = new Coordinate(p.eastM(), p.northM());
        }
        cs[cs.length - 1] = new Coordinate(cs[0]);
        Geometry enforced = GF.createPolygon(cs).buffer(SLIVER_M);
        Geometry cut = truth.difference(enforced);
        List<Polygon> pieces = new ArrayList<>();
        for (int i = 0; i < cut.getNumGeometries(); i++) {
            if (cut.getGeometryN(i) instanceof Polygon p && p.getArea() >= MIN_AREA_M2) {
                pieces.add(p);
            }
        }
        if (pieces.isEmpty()) {
            return district;
        }
        District.Builder b = district.toBuilder();
        int k = 0;
        for (Polygon p : pieces) {
            // a little beyond the true boundary, so the zone is not a degenerate sliver along it
            Polygon grown = (Polygon) p.buffer(0.5).getGeometryN(0);
            List<GeoPoint> ring = new ArrayList<>();
            Coordinate[] rc = grown.getExteriorRing().getCoordinates();
            for (int i = 0; i + 1 < rc.length; i++) {
                ring.add(frame.toGeo(rc[i].x, rc[i].y, 0));
            }
            b.exclusion(new PolygonExclusion(String.format(Locale.ROOT, "%s #%d", ZONE_NAME, ++k),
                    "the fence given to the autopilot is simplified here to fit its storage", ring));
        }
        return b.build();
    }
}
