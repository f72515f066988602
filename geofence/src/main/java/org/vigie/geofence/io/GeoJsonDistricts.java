package org.vigie.geofence.io;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.DistrictLimits;
import org.vigie.geofence.zone.ExclusionZone;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.InvalidDistrictException;
import org.vigie.geofence.zone.PolygonExclusion;
import org.vigie.geofence.zone.PrivacyZone;

/**
 * A district as a GeoJSON (RFC 7946) FeatureCollection. Each feature has a {@code "role"} property:
 * <ul>
 *   <li>{@code "inclusion"}: exactly one Polygon (holes allowed); its properties may carry the district settings
 *       {@code name}, {@code floor_rel_m}, {@code ceiling_rel_m}, {@code horizontal_margin_m},
 *       {@code vertical_margin_m}, {@code transit_altitude_rel_m}, {@code on_scene_altitude_rel_m},
 *       {@code max_extent_m} (at most the reader's {@link DistrictLimits#maxExtentM()});</li>
 *   <li>{@code "home"}: exactly one Point;</li>
 *   <li>{@code "exclusion"}: a Polygon, or a Point with {@code radius_m} for a circle; {@code name} and
 *       {@code reason};</li>
 *   <li>{@code "privacy"}: a Polygon with a {@code name}.</li>
 * </ul>
 * A feature with another role (a {@code "target"} point, a button, a note) is not part of the district: it is ignored
 * with a WARN log naming it, so one file can carry a district and its targets; the {@code target}, {@code planned} and
 * {@code flown} features of a flight's {@code flight.geojson} are skipped silently, so that file reads back as the
 * district flown. A feature with no role is refused, with a hint when the file is the Paris quartiers data. The
 * format, with units, winding and limits, is documented in the README ("District files").
 * Stateless and thread-safe.
 */
public final class GeoJsonDistricts {

    private static final Logger LOG = LoggerFactory.getLogger(GeoJsonDistricts.class);
    /** The roles of a flight's {@code flight.geojson} beside its district: skipped without a warning. */
    private static final java.util.Set<String> FLIGHT_ROLES = java.util.Set.of("target", "planned", "flown");

    private GeoJsonDistricts() {
    }

    /**
     * Reads and validates a district within {@link DistrictLimits#DEFAULT}.
     *
     * @param json the FeatureCollection text
     * @return the district
     * @throws JsonException            on malformed JSON
     * @throws InvalidDistrictException naming the feature (index, name) and vertex on any geometric or safety problem,
     *                                  or the limit and the value when the district goes beyond its limits
     */
    public static District read(String json) {
        if (json == null) {
            throw new JsonException("JSON text is null");
        }
        return read(new StringReader(json), DistrictLimits.DEFAULT);
    }

    /**
     * Reads and validates a district file, streaming: a file beyond the limits (vertices, JSON values, text lengths)
     * is refused as soon as the parser reaches the excess, before the rest is read.
     *
     * @param file   the file (UTF-8)
     * @param limits the limits the district must keep
     * @return the district
     * @throws IOException              if the file cannot be read
     * @throws JsonException            on malformed JSON
     * @throws InvalidDistrictException as {@link #read(String)}
     */
    public static District read(Path file, DistrictLimits limits) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, limits);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (InvalidDistrictException e) {
            // the whole quartiers file trips the vertex limit before any feature's role is judged: say what it is
            if (looksLikeQuartiersData(file)) {
                throw new InvalidDistrictException("feature #0", -1, missingRole(null, Map.of("l_qu", "")));
            }
            throw e;
        }
    }

    private static boolean looksLikeQuartiersData(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] head = new char[8192];
            int n = in.read(head);
            String text = n > 0 ? new String(head, 0, n) : "";
            return text.contains("\"l_qu\"") && !text.contains("\"role\"");
        }
    }

    /**
     * Reads and validates a district from a stream of text, stopping at the first limit exceeded.
     *
     * @param in     the text (not closed)
     * @param limits the limits the district must keep
     * @return the district
     * @throws JsonException            on malformed JSON
     * @throws InvalidDistrictException as {@link #read(String)}
     * @throws UncheckedIOException     if the stream fails
     */
    public static District read(Reader in, DistrictLimits limits) {
        Map<String, Object> root = Json.obj(BoundedJson.parse(in, limits), "document");
        if (!"FeatureCollection".equals(root.get("type"))) {
            throw new InvalidDistrictException("document", -1, "type is " + root.get("type")
                    + ", expected FeatureCollection");
        }
        List<Object> features = Json.arr(root.get("features"), "features");
        GeoPolygon inclusion = null;
        Map<String, Object> settings = Map.of();
        GeoPoint home = null;
        String name = null;
        List<ExclusionZone> exclusions = new java.util.ArrayList<>();
        List<PrivacyZone> privacy = new java.util.ArrayList<>();
        String inclusionFeature = "inclusion";
        List<String> exclusionFeatures = new java.util.ArrayList<>();
        List<String> privacyFeatures = new java.util.ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Map<String, Object> f = Json.obj(features.get(i), "feature #" + i);
            Map<String, Object> props = f.get("properties") == null ? Map.of()
                    : Json.obj(f.get("properties"), "feature #" + i + " properties");
            Object role = props.get("role");
            String fname = props.get("name") instanceof String s ? s : null;
            String feature = "feature #" + i + (fname != null ? " '" + fname + "'" : "") + " (" + role + ")";
            if ("inclusion".equals(role)) {
                if (inclusion != null) {
                    throw new InvalidDistrictException(feature, -1, "a second inclusion polygon; a district has one");
                }
                inclusion = GeoJsonGeometry.polygon(f.get("geometry"), feature);
                inclusionFeature = feature;
                settings = props;
                name = fname;
            } else if ("home".equals(role)) {
                if (home != null) {
                    throw new InvalidDistrictException(feature, -1, "a second home point");
                }
                home = GeoJsonGeometry.point(f.get("geometry"), feature);
            } else if ("exclusion".equals(role)) {
                String zname = fname != null ? fname : "exclusion " + i;
                String reason = props.get("reason") instanceof String s ? s : "";
                Object geom = f.get("geometry");
                exclusionFeatures.add(feature);
                if (geom instanceof Map<?, ?> g && "Point".equals(g.get("type"))) {
                    if (!(props.get("radius_m") instanceof Double r) || !(r > 0) || !Double.isFinite(r)) {
                        throw new InvalidDistrictException(feature, -1, "circle exclusion needs a radius_m > 0");
                    }
                    exclusions.add(new CircleExclusion(zname, reason, GeoJsonGeometry.point(geom, feature), r));
                } else {
                    exclusions.add(new PolygonExclusion(zname, reason,
                            GeoJsonGeometry.polygon(geom, feature).shell()));
                }
            } else if ("privacy".equals(role)) {
                privacyFeatures.add(feature);
                privacy.add(new PrivacyZone(fname != null ? fname : "privacy " + i,
                        GeoJsonGeometry.polygon(f.get("geometry"), feature).shell()));
            } else if (role instanceof String other && FLIGHT_ROLES.contains(other)) {
                LOG.debug("{}: part of a flight file, not of its district: skipped", feature);
            } else if (role instanceof String other && !other.isBlank()) {
                // a file that also carries other things (targets, buttons, notes) is still a district file
                LOG.warn("{}: role '{}' is not a district role (inclusion, exclusion, privacy, home): ignored",
                        feature, other);
            } else {
                throw new InvalidDistrictException(feature, -1, missingRole(role, props));
            }
        }
        if (inclusion == null) {
            throw new InvalidDistrictException("document", -1, "no feature with role inclusion");
        }
        if (home == null) {
            throw new InvalidDistrictException("document", -1, "no feature with role home");
        }
        District.Builder b = District.builder(name != null ? name : "district").home(home).inclusion(inclusion)
                .limits(limits);
        setting(settings, "floor_rel_m", b::floorRelM);
        setting(settings, "ceiling_rel_m", b::ceilingRelM);
        setting(settings, "horizontal_margin_m", b::horizontalMarginM);
        setting(settings, "vertical_margin_m", b::verticalMarginM);
        setting(settings, "transit_altitude_rel_m", b::transitAltitudeRelM);
        setting(settings, "on_scene_altitude_rel_m", b::onSceneAltitudeRelM);
        setting(settings, "max_extent_m", v -> {
            if (v > limits.maxExtentM()) {
                throw new InvalidDistrictException("inclusion", -1, String.format(Locale.ROOT, "max_extent_m %.0f is"
                        + " over the limit of %.0f m across (DistrictLimits.maxExtentM)", v, limits.maxExtentM()));
            }
            b.maxExtentM(v);
        });
        exclusions.forEach(b::exclusion);
        privacy.forEach(b::privacyZone);
        try {
            return b.build();
        } catch (InvalidDistrictException e) {
            throw new InvalidDistrictException(fileFeature(e.feature(), inclusionFeature, exclusionFeatures,
                    privacyFeatures), e.vertexIndex(),
                    Objects.requireNonNull(e.getMessage(), "message").substring(e.feature().length() + 2));
        }
    }

    /** What is wrong with a feature's role, and how to fix it. */
    private static String missingRole(@Nullable Object role, Map<String, Object> props) {
        if (role == null && props.containsKey("l_qu")) {
            return "this is the Paris quartiers data (one feature per quartier, no roles), not a district file: make a"
                    + " district from one quartier with `java -cp examples/target/vigie-quickstart.jar"
                    + " org.vigie.examples.DistrictMain Arsenal > arsenal.geojson`, or use a sample in data/districts/";
        }
        String was = role == null ? "no \"role\" property" : "role " + role + " is not text";
        return was + ": every feature of a district file needs a role: inclusion (the district's Polygon), home (a"
                + " Point), exclusion (a Polygon, or a Point with radius_m) or privacy (a Polygon); see the README's"
                + " \"District files\"";
    }

    /** Maps the builder's feature names ("inclusion", "exclusion #2 'X'") to the file's ("feature #5 'X' ..."). */
    private static String fileFeature(String builderFeature, String inclusion, List<String> exclusions,
            List<String> privacy) {
        if (builderFeature.startsWith("inclusion")) {
            return inclusion + builderFeature.substring("inclusion".length());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(exclusion|privacy) #(\\d+)")
                .matcher(builderFeature);
        if (m.find()) {
            List<String> l = m.group(1).equals("exclusion") ? exclusions : privacy;
            int i = Integer.parseInt(m.group(2));
            if (i < l.size()) {
                return l.get(i);
            }
        }
        return builderFeature;
    }

    private static void setting(Map<String, Object> props, String key, java.util.function.DoubleConsumer setter) {
        Object v = props.get(key);
        if (v == null) {
            return;
        }
        if (!(v instanceof Double d)) {
            throw new InvalidDistrictException("inclusion", -1, "property " + key + " is not a number");
        }
        setter.accept(d);
    }

    /**
     * Writes a district in the format {@link #read(String)} accepts, one feature per line.
     *
     * @param d the district
     * @return the FeatureCollection text, ending with a line break
     */
    public static String write(District d) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = Json.generator(out)) {
            g.setPrettyPrinter(new OneFeaturePerLine());
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            beginFeature(g, "inclusion");
            g.writeStringField("name", d.name());
            g.writeNumberField("floor_rel_m", d.floorRelM());
            g.writeNumberField("ceiling_rel_m", d.ceilingRelM());
            g.writeNumberField("horizontal_margin_m", d.horizontalMarginM());
            g.writeNumberField("vertical_margin_m", d.verticalMarginM());
            g.writeNumberField("transit_altitude_rel_m", d.transitAltitudeRelM());
            g.writeNumberField("on_scene_altitude_rel_m", d.onSceneAltitudeRelM());
            g.writeNumberField("max_extent_m", d.maxExtentM());
            endProperties(g);
            GeoJsonGeometry.writePolygon(g, d.inclusion());
            g.writeEndObject();
            beginFeature(g, "home");
            endProperties(g);
            GeoJsonGeometry.writePoint(g, d.home());
            g.writeEndObject();
            for (ExclusionZone z : d.exclusions()) {
                beginFeature(g, "exclusion");
                g.writeStringField("name", z.name());
                g.writeStringField("reason", z.reason());
                if (z instanceof CircleExclusion c) {
                    g.writeNumberField("radius_m", c.radiusM());
                    endProperties(g);
                    GeoJsonGeometry.writePoint(g, c.centre());
                } else {
                    endProperties(g);
                    GeoJsonGeometry.writePolygon(g, GeoPolygon.of(((PolygonExclusion) z).ring()));
                }
                g.writeEndObject();
            }
            for (PrivacyZone z : d.privacyZones()) {
                beginFeature(g, "privacy");
                g.writeStringField("name", z.name());
                endProperties(g);
                GeoJsonGeometry.writePolygon(g, GeoPolygon.of(z.ring()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Opens a feature object and its properties with the role; the caller adds properties. */
    private static void beginFeature(JsonGenerator g, String role) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("properties");
        g.writeStringField("role", role);
    }

    /** Closes the properties; the geometry comes next. */
    private static void endProperties(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeFieldName("geometry");
    }
}
