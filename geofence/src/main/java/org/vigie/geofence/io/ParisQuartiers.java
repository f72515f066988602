package org.vigie.geofence.io;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * The 80 administrative quartiers of Paris (Ville de Paris open data, ODbL; {@code data/paris-quartiers.geojson},
 * properties {@code l_qu} name, {@code c_qu} number, {@code c_ar} arrondissement, {@code surface} m²,
 * {@code perimetre} m) turned into districts: one per quartier, three sectors per quartier, or all of Paris as one.
 * Homes are the centre of the polygon's maximum inscribed circle (the point farthest from every boundary: a plausible
 * roof well inside). Quartier districts use a {@link #PARIS_MAX_EXTENT_M} size limit. Stateless and thread-safe.
 */
public final class ParisQuartiers {

    /**
     * One quartier.
     *
     * @param name           the name ({@code l_qu}), e.g. {@code "Arsenal"}
     * @param number         quartier number 1..80 ({@code c_qu})
     * @param arrondissement arrondissement 1..20 ({@code c_ar})
     * @param surfaceM2      official surface, m²
     * @param perimeterM     official perimeter, m
     * @param polygon        the boundary
     */
    public record Quartier(String name, int number, int arrondissement, double surfaceM2, double perimeterM,
            GeoPolygon polygon) {
    }

    /** Size limit used for quartier districts: the largest quartier is 6.1 km across. */
    public static final double PARIS_MAX_EXTENT_M = 7000.0;

    private ParisQuartiers() {
    }

    /**
     * Reads the quartiers file.
     *
     * @param file path to {@code paris-quartiers.geojson}
     * @return the quartiers in file order
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is malformed (feature and vertex named)
     */
    public static List<Quartier> load(Path file) throws IOException {
        return parse(Json.readFile(file));
    }

    /**
     * Parses the quartiers GeoJSON text.
     *
     * @param json the FeatureCollection
     * @return the quartiers in file order
     * @throws IllegalArgumentException if malformed
     */
    public static List<Quartier> parse(String json) {
        Map<String, Object> root = Json.obj(Json.parse(json), "document");
        List<Object> features = Json.arr(root.get("features"), "features");
        List<Quartier> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Map<String, Object> f = Json.obj(features.get(i), "feature #" + i);
            Map<String, Object> p = Json.obj(f.get("properties"), "feature #" + i + " properties");
            String name = p.get("l_qu") instanceof String s ? s : "quartier " + i;
            String feature = "feature #" + i + " '" + name + "'";
            out.add(new Quartier(name, (int) Json.num(p.get("c_qu"), feature + " c_qu"),
                    (int) Json.num(p.get("c_ar"), feature + " c_ar"), Json.num(p.get("surface"), feature + " surface"),
                    Json.num(p.get("perimetre"), feature + " perimetre"),
                    GeoJsonGeometry.polygon(f.get("geometry"), feature)));
        }
        return out;
    }

    /**
     * Finds a quartier by name, ignoring case and accents ({@code "hopital-saint-louis"} finds
     * {@code "Hôpital-Saint-Louis"}).
     *
     * @param quartiers the list
     * @param name      the name
     * @return the quartier
     * @throws IllegalArgumentException if none matches, listing the names
     */
    public static Quartier byName(List<Quartier> quartiers, String name) {
        String key = fold(name);
        for (Quartier q : quartiers) {
            if (fold(q.name()).equals(key)) {
                return q;
            }
        }
        List<String> names = quartiers.stream().map(Quartier::name).sorted().toList();
        throw new IllegalArgumentException("no quartier named '" + name + "'; known: " + String.join(", ", names));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A plausible home: the centre of the maximum inscribed circle of the polygon (to 1 m).
     *
     * @param polygon the polygon
     * @return the point inside the polygon farthest from its boundary
     */
    public static GeoPoint interiorHome(GeoPolygon polygon) {
        LocalFrame frame = new LocalFrame(polygon.shell().get(0));
        Polygon p = EnuGeometry.polygon(frame, polygon);
        Coordinate c = new MaximumInscribedCircle(p, 1.0).getCenter().getCoordinate();
        return frame.toGeo(c.x, c.y, 0).withAltitudeRelM(0);
    }

    /**
     * A district for one quartier, with default altitudes and margins and home at {@link #interiorHome}.
     *
     * @param q the quartier
     * @return a builder, ready to {@code build()} or to receive exclusion zones first
     */
    public static District.Builder districtBuilder(Quartier q) {
        return District.builder(q.name()).home(interiorHome(q.polygon())).inclusion(q.polygon())
                .maxExtentM(PARIS_MAX_EXTENT_M);
    }

    /**
     * {@link #districtBuilder(Quartier)} built.
     *
     * @param q the quartier
     * @return the validated district
     */
    public static District district(Quartier q) {
        return districtBuilder(q).build();
    }

    /**
     * Splits a quartier into three sectors by three rays from its inscribed centre at bearings 0, 120 and 240 degrees;
     * where a sector falls apart (non-convex quartiers), its largest piece is kept.
     *
     * @param q the quartier
     * @return three districts named {@code "<name> 1/3"}, {@code "2/3"}, {@code "3/3"}, each with its own home
     */
    public static List<District> sectors(Quartier q) {
        GeoPoint centre = interiorHome(q.polygon());
        LocalFrame frame = new LocalFrame(centre);
        Polygon p = EnuGeometry.polygon(frame, q.polygon());
        double r = 20000;
        List<District> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double a0 = Math.toRadians(120 * k);
            Coordinate[] wedge = new Coordinate[6];
            wedge[0] = new Coordinate(0, 0);
            for (int j = 0; j <= 3; j++) {
                double a = a0 + Math.toRadians(40 * j);
                wedge[j + 1] = new Coordinate(r * Math.sin(a), r * Math.cos(a));
            }
            wedge[5] = new Coordinate(0, 0);
            Geometry piece = p.intersection(EnuGeometry.FACTORY.createPolygon(wedge));
            Polygon best = null;
            for (int i = 0; i < piece.getNumGeometries(); i++) {
                if (piece.getGeometryN(i) instanceof Polygon pp
                        && (best == null || pp.getArea() > best.getArea())) {
                    best = pp;
                }
            }
            GeoPolygon gp = toGeo(frame, Objects.requireNonNull(best, "the sector wedge cuts no polygon"));
            out.add(District.builder(q.name() + " " + (k + 1) + "/3").home(interiorHome(gp)).inclusion(gp)
                    .maxExtentM(PARIS_MAX_EXTENT_M).build());
        }
        return out;
    }

    /**
     * All quartiers merged into one polygon (the city as one district).
     *
     * @param quartiers the quartiers
     * @param maxExtentM sanity size limit to apply (Paris is about 12 km across)
     * @return the district, home at the inscribed centre
     */
    public static District unionDistrict(List<Quartier> quartiers, double maxExtentM) {
        LocalFrame frame = new LocalFrame(quartiers.get(0).polygon().shell().get(0));
        List<Geometry> ps = new ArrayList<>();
        for (Quartier q : quartiers) {
            ps.add(EnuGeometry.polygon(frame, q.polygon()));
        }
        Geometry u = UnaryUnionOp.union(ps);
        Polygon best = null;
        for (int i = 0; i < u.getNumGeometries(); i++) {
            if (u.getGeometryN(i) instanceof Polygon pp && (best == null || pp.getArea() > best.getArea())) {
                best = pp;
            }
        }
        GeoPolygon gp = toGeo(frame, Objects.requireNonNull(best, "the union has no polygon"));
        return District
.builder("Paris").home(interiorHome(gp)).inclusion(gp).maxExtentM(maxExtentM).build();
    }

    static GeoPolygon toGeo(LocalFrame frame, Polygon p) {
        List<List<GeoPoint>> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            holes.add(ring(frame, p.getInteriorRingN(i)));
        }
        return new GeoPolygon(ring(frame, p.getExteriorRing()), holes);
    }

    private static List<GeoPoint> ring(LocalFrame frame, LinearRing r) {
        List<GeoPoint> out = new ArrayList<>();
        for (Coordinate c : r.getCoordinates()) {
            out.add(frame.toGeo(c.x, c.y, 0).withAltitudeRelM(0));
        }
        return out;
    }

    /** Orders quartiers by number. */
    public static final Comparator<Quartier> BY_NUMBER = Comparator.comparingInt(Quartier::number);
}
