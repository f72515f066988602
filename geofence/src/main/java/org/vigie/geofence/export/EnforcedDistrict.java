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
import org.vigie.geofence.zone.DistrictLimits;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * The district as the autopilot will enforce it: the true district plus, as exclusion zones, the parts of it that a
 * conservatively simplified fence cut off ("ears" of the inclusion between the true boundary and the exported one).
 * A route planned in it keeps the district's margin from the fence the autopilot actually holds, instead of being
 * refused when the simplification cuts across it; a target in a cut-off part is served from the nearest reachable
 * point, like a target in any exclusion zone.
 *
 * <p>An exclusion polygon (or a hole of the inclusion) that the simplification grew, by filling its pockets, is
 * planned around in its exported shape (a zone keeps its name and reason; a grown hole becomes one more zone): a
 * route into a filled pocket would pass within the margin of the fence the autopilot holds. Exclusions exported
 * without removing vertices are larger than the true ones only by the export's safety offset and rounding (about
 * 10 cm, far inside the planning margin), so the true ones stand for them. Cut-off parts thinner than
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
     * @param exported the fence as exported for the autopilot by {@link FenceExporter}: its inclusion polygon, then
     *                 the inclusion's holes and the polygon exclusion zones (in the district's order) as exclusion
     *                 polygons, then the circles
     * @return the district with the cut-off parts as exclusion zones and every polygon the simplification grew in its
     *     exported shape, or {@code district} itself when the export changed nothing that matters
     * @throws IllegalArgumentException if the export has no inclusion polygon
     */
    public static District of(District district, List<FenceShape> exported) {
        FenceShape.Polygon inclusion = exported.stream().filter(FenceShape.Polygon.class::isInstance)
                .map(FenceShape.Polygon.class::cast).filter(p -> p.role() == FenceShape.Role.INCLUSION).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the exported fence has no inclusion polygon"));
        List<FenceShape.Polygon> exportedExclusions = exported.stream().filter(FenceShape.Polygon.class::isInstance)
                .map(FenceShape.Polygon.class::cast).filter(p -> p.role() == FenceShape.Role.EXCLUSION).toList();
        var frame = district.geofence().frame();
        Polygon truth = district.geofence().inclusionEnu();
        Geometry enforced = GF.createPolygon(enu(frame, inclusion)).buffer(SLIVER_M);
        Geometry cut = truth.difference(enforced);
        List<Polygon> pieces = new ArrayList<>();
        for (int i = 0; i < cut.getNumGeometries(); i++) {
            if (cut.getGeometryN(i) instanceof Polygon p && p.getArea() >= MIN_AREA_M2) {
                pieces.add(p);
            }
        }
        int holes = district.inclusion().holes().size();
        List<ExclusionZone> zones = new ArrayList<>();
        List<List<GeoPoint>> grownHoles = new ArrayList<>();
        boolean changed = !pieces.isEmpty();
        for (int h = 0; h < holes && h < exportedExclusions.size(); h++) {
            FenceShape.Polygon x = exportedExclusions.get(h);
            if (x.vertices().size() < district.inclusion().holes().get(h).size()) {
                grownHoles.add(geo(x));
            }
        }
        changed |= !grownHoles.isEmpty();
        int next = holes;
        for (ExclusionZone z : district.exclusions()) {
            if (z instanceof PolygonExclusion pz && next < exportedExclusions.size()) {
                FenceShape.Polygon x = exportedExclusions.get(next++);
                if (x.vertices().size() < pz.ring().size()) {
                    zones.add(new PolygonExclusion(pz.name(), pz.reason(), geo(x)));
                    changed = true;
                    continue;
                }
            }
            zones.add(z);
        }
        if (!changed) {
            return district;
        }
        District.Builder b = District.builder(district.name()).home(district.home()).inclusion(district.inclusion())
                .floorRelM(district.floorRelM()).ceilingRelM(district.ceilingRelM())
                .maxCeilingRelM(Math.max(District.DEFAULT_MAX_CEILING_REL_M, district.ceilingRelM()))
                .horizontalMarginM(district.horizontalMarginM()).verticalMarginM(district.verticalMarginM())
                .transitAltitudeRelM(district.transitAltitudeRelM())
                .onSceneAltitudeRelM(district.onSceneAltitudeRelM())
                .limits(new DistrictLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                        district.maxExtentM(), Integer.MAX_VALUE, Integer.MAX_VALUE));
        zones.forEach(b::exclusion);
        district.privacyZones().forEach(b::privacyZone);
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
        for (List<GeoPoint> ring : grownHoles) {
            b.exclusion(new PolygonExclusion(String.format(Locale.ROOT, "%s #%d", ZONE_NAME, ++k),
                    "the fence given to the autopilot fills part of this hole of the district to fit its storage",
                    ring));
        }
        return b.build();
    }

    private static Coordinate[] enu(org.vigie.geofence.geodesy.LocalFrame frame, FenceShape.Polygon p) {
        Coordinate[] cs = new Coordinate[p.vertices().size() + 1];
        for (int i = 0; i < p.vertices().size(); i++) {
            FenceShape.LatLonE7 v = p.vertices().get(i);
            var e = frame.toLocal(new GeoPoint(v.latDeg(), v.lonDeg(), 0));
            cs[i] = new Coordinate(e.eastM(), e.northM());
        }
        cs[cs.length - 1] = new Coordinate(cs[0]);
        return cs;
    }

    private static List<GeoPoint> geo(FenceShape.Polygon p) {
        List<GeoPoint> ring = new ArrayList<>();
        for (FenceShape.LatLonE7 v : p.vertices()) {
            ring.add(new GeoPoint(v.latDeg(), v.lonDeg(), 0));
        }
        return ring;
    }
}
