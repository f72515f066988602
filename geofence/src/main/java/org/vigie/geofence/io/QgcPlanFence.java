package org.vigie.geofence.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.InvalidDistrictException;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * The {@code geoFence} section of a QGroundControl {@code .plan} file (version 2: {@code polygons} with an
 * {@code inclusion} flag and {@code [lat, lon]} vertices, {@code circles} with {@code center} and {@code radius},
 * optional {@code breachReturn} {@code [lat, lon, alt]}); version 1 files (a single {@code polygon}) are read too.
 * Stateless and thread-safe.
 */
public final class QgcPlanFence {

    /**
     * A fence polygon.
     *
     * @param inclusion true for an inclusion (keep-in) polygon
     * @param vertices  the vertices, open ring
     */
    public record Polygon(boolean inclusion, List<GeoPoint> vertices) {
        /** Copies the list. */
        public Polygon {
            vertices = List.copyOf(vertices);
        }
    }

    /**
     * A fence circle.
     *
     * @param inclusion true for an inclusion circle
     * @param centre    the centre
     * @param radiusM   radius, metres
     */
    public record Circle(boolean inclusion, GeoPoint centre, double radiusM) {
    }

    /**
     * A geoFence section.
     *
     * @param polygons     the polygons in file order
     * @param circles      the circles in file order
     * @param breachReturn the breach return point (altitude above home), if any
     */
    public record Fence(List<Polygon> polygons, List<Circle> circles, Optional<GeoPoint> breachReturn) {
        /** Copies the lists. */
        public Fence {
            polygons = List.copyOf(polygons);
            circles = List.copyOf(circles);
        }
    }

    private QgcPlanFence() {
    }

    /**
     * Reads the geoFence section of a {@code .plan} document.
     *
     * @param planJson the whole {@code .plan} JSON text
     * @return the fence (empty lists when the plan has none)
     * @throws JsonException            on malformed JSON
     * @throws InvalidDistrictException naming {@code geoFence.polygons[i]} and the vertex on bad coordinates
     */
    public static Fence read(String planJson) {
        Map<String, Object> root = Json.obj(Json.parse(planJson), "plan");
        Object gfo = root.get("geoFence");
        if (gfo == null) {
            return new Fence(List.of(), List.of(), Optional.empty());
        }
        Map<String, Object> gf = Json.obj(gfo, "geoFence");
        List<Polygon> polygons = new ArrayList<>();
        List<Object> ps = Json.emptyIfNull(gf.get("polygons"), "geoFence.polygons");
        for (int i = 0; i < ps.size(); i++) {
            String where = "geoFence.polygons[" + i + "]";
            Map<String, Object> p = Json.obj(ps.get(i), where);
            boolean inclusion = !Boolean.FALSE.equals(p.get("inclusion"));
            polygons.add(new Polygon(inclusion, vertices(p.get("polygon"), where)));
        }
        if (gf.get("polygon") != null) {
            polygons.add(new Polygon(true, vertices(gf.get("polygon"), "geoFence.polygon")));
        }
        List<Circle> circles = new ArrayList<>();
        List<Object> cs = Json.emptyIfNull(gf.get("circles"), "geoFence.circles");
        for (int i = 0; i < cs.size(); i++) {
            String where = "geoFence.circles[" + i + "]";
            Map<String, Object> c = Json.obj(cs.get(i), where);
            Map<String, Object> circle = Json.obj(c.get("circle"), where + ".circle");
            double r = Json.num(circle.get("radius"), where + ".circle.radius");
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new InvalidDistrictException(where, -1, "radius " + r + " must be > 0");
            }
            circles.add(new Circle(!Boolean.FALSE.equals(c.get("inclusion")),
                    latLon(circle.get("center"), where, -1), r));
        }
        Optional<GeoPoint> breach = Optional.empty();
        if (gf.get("breachReturn") != null) {
            List<Object> b = Json.arr(gf.get("breachReturn"), "geoFence.breachReturn");
            GeoPoint p = latLon(b, "geoFence.breachReturn", -1);
            double alt = b.size() > 2 && b.get(2) instanceof Double a && Double.isFinite(a) ? a : 0.0;
            breach = Optional.of(p.withAltitudeRelM(alt));
        }
        return new Fence(polygons, circles, breach);
    }

    private static List<GeoPoint> vertices(@Nullable Object o, String where) {
        List<Object> vs = Json.arr(o, where + ".polygon");
        List<GeoPoint> out = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            out.add(latLon(vs.get(i), where, i));
        }
        if (out.size() < 3) {
            throw new InvalidDistrictException(where, -1, "polygon has " + out.size() + " vertices; needs 3");
        }
        return out;
    }

    private static GeoPoint latLon(@Nullable Object o, String where, int index) {
        String what = index >= 0 ? "vertex " + index : "position";
        if (!(o instanceof List<?> l) || l.size() < 2 || !(l.get(0) instanceof Double lat)
                || !(l.get(1) instanceof Double lon)) {
            throw new InvalidDistrictException(where, index, what + " is not a [latitude, longitude] pair");
        }
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            throw new InvalidDistrictException(where, index, what + " has a non-finite coordinate");
        }
        if (lat < -90 || lat > 90) {
            String hint = Math.abs(lon) <= 90 ? " (latitude/longitude swapped? QGC writes [latitude, longitude])" : "";
            throw new InvalidDistrictException(where, index, what + " latitude " + lat + " is out of range" + hint);
        }
        if (lon < -180 || lon > 180) {
            throw new InvalidDistrictException(where, index, what + " longitude " + lon + " is out of range");
        }
        return GeoPoint.of(lat, lon);
    }

    /**
     * Writes a complete {@code .plan} document holding the fence (empty mission and rally points).
     *
     * @param fence the fence
     * @return the JSON text
     */
    public static String write(Fence fence) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = Json.generator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            g.writeStartObject();
            g.writeStringField("fileType", "Plan");
            g.writeObjectFieldStart("geoFence");
            if (fence.breachReturn().isPresent()) {
                GeoPoint p = fence.breachReturn().get();
                g.writeArrayFieldStart("breachReturn");
                latLon(g, p);
                g.writeNumber(p.altitudeRelM());
                g.writeEndArray();
            }
            g.writeArrayFieldStart("circles");
            for (Circle c : fence.circles()) {
                g.writeStartObject();
                g.writeObjectFieldStart("circle");
                g.writeArrayFieldStart("center");
                latLon(g, c.centre());
                g.writeEndArray();
                g.writeNumberField("radius", c.radiusM());
                g.writeEndObject();
                g.writeBooleanField("inclusion", c.inclusion());
                g.writeNumberField("version", 1);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("polygons");
            for (Polygon p : fence.polygons()) {
                g.writeStartObject();
                g.writeBooleanField("inclusion", p.inclusion());
                g.writeArrayFieldStart("polygon");
                for (GeoPoint v : p.vertices()) {
                    g.writeStartArray();
                    latLon(g, v);
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeNumberField("version", 1);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("version", 2);
            g.writeEndObject();
            g.writeStringField("groundStation", "QGroundControl");
            g.writeObjectFieldStart("mission");
            g.writeNumberField("cruiseSpeed", 10);
            g.writeNumberField("firmwareType", 3);
            g.writeNumberField("hoverSpeed", 5);
            g.writeArrayFieldStart("items");
            g.writeEndArray();
            g.writeFieldName("plannedHomePosition");
            g.writeArray(new int[] {0, 0, 0}, 0, 3);
            g.writeNumberField("vehicleType", 2);
            g.writeNumberField("version", 2);
            g.writeEndObject();
            g.writeObjectFieldStart("rallyPoints");
            g.writeArrayFieldStart("points");
            g.writeEndArray();
            g.writeNumberField("version", 2);
            g.writeEndObject();
            g.writeNumberField("version", 1);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Writes latitude then longitude (QGC's order), 9 decimals, into the open array. */
    private static void latLon(JsonGenerator g, GeoPoint p) throws IOException {
        g.writeNumber(String.format(Locale.ROOT, "%.9f", p.latDeg()));
        g.writeNumber(String.format(Locale.ROOT, "%.9f", p.lonDeg()));
    }

    /**
     * The fence of a district: the inclusion shell as the inclusion polygon, holes and polygonal zones as exclusion
     * polygons, circular zones as exclusion circles, home as the breach return point at transit altitude.
     *
     * @param d the district
     * @return the fence (unsimplified; QGC has no vertex limit, the autopilot does: see the export package)
     */
    public static Fence fromDistrict(District d) {
        List<Polygon> ps = new ArrayList<>();
        ps.add(new Polygon(true, d.inclusion().shell()));
        for (List<GeoPoint> h : d.inclusion().holes()) {
            ps.add(new Polygon(false, h));
        }
        List<Circle> cs = new ArrayList<>();
        for (ExclusionZone z : d.exclusions()) {
            if (z instanceof PolygonExclusion p) {
                ps.add(new Polygon(false, p.ring()));
            } else if (z instanceof CircleExclusion c) {
                cs.add(new Circle(false, c.centre(), c.radiusM()));
            }
        }
        return new Fence(ps, cs, Optional.of(d.home().withAltitudeRelM(d.transitAltitudeRelM())));
    }

    /**
     * A district from a fence: exactly one inclusion polygon; exclusion polygons and circles become zones named
     * {@code "polygon i"} / {@code "circle i"}; home is the breach return point unless given.
     *
     * @param fence the fence
     * @param name  district name
     * @param home  home, or null to use the breach return point
     * @return a builder (settings at their defaults), ready to build
     * @throws InvalidDistrictException if there is not exactly one inclusion polygon, if there is an inclusion circle,
     *                                  or if no home is available
     */
    public static District.Builder toDistrict(Fence fence, String name, GeoPoint home) {
        GeoPolygon inclusion = null;
        District.Builder b = District.builder(name);
        for (int i = 0; i < fence.polygons().size(); i++) {
            Polygon p = fence.polygons().get(i);
            String where = "geoFence.polygons[" + i + "]";
            if (p.inclusion()) {
                if (inclusion != null) {
                    throw new InvalidDistrictException(where, -1, "a second inclusion polygon; a district has one");
                }
                inclusion = GeoPolygon.of(p.vertices());
            } else {
                b.exclusion(new PolygonExclusion("polygon " + i, "from QGroundControl plan", p.vertices()));
            }
        }
        for (int i = 0; i < fence.circles().size(); i++) {
            Circle c = fence.circles().get(i);
            if (c.inclusion()) {
                throw new InvalidDistrictException("geoFence.circles[" + i + "]", -1,
                        "inclusion circles are not supported; draw the district as a polygon");
            }
            b.exclusion(new CircleExclusion("circle " + i, "from QGroundControl plan", c.centre(), c.radiusM()));
        }
        if (inclusion == null) {
            throw new InvalidDistrictException("geoFence", -1, "no inclusion polygon");
        }
        GeoPoint h = home != null ? home : fence.breachReturn().orElseThrow(() ->
                new InvalidDistrictException("geoFence", -1, "no home given and no breachReturn point"));
        return b.inclusion(inclusion).home(h.withAltitudeRelM(0));
    }
}
