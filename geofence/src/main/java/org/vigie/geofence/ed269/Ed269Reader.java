package org.vigie.geofence.ed269;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.io.Json;
import org.vigie.geofence.io.JsonException;

/**
 * Reads the UAS geographical zones of an ED-269 (chapter 8) JSON file: an object whose {@code features} array holds
 * {@code UASZoneVersion}s, or that array alone. Every field Vigie acts on is checked: identifier, country, restriction,
 * reasons, geometry (polygon as GeoJSON {@code [[[lon, lat], ...]]} or circle with {@code center: [lon, lat]} and
 * {@code radius}), vertical limits with {@code uomDimensions} ({@code M} or {@code FT}) and references ({@code AGL},
 * {@code AMSL}), and applicability (permanent, start and end date-times, daily schedules with days {@code MON}..
 * {@code SUN} or {@code ANY}).
 *
 * <p>Every time carries its time zone: {@code Z}, an offset ({@code +01:00}) or, so a schedule can follow summer
 * time, a region in brackets ({@code 08:00[Europe/Paris]}, {@code 2026-07-14T06:00:00[Europe/Paris]}).
 *
 * <p>All or nothing: the first problem throws an {@link Ed269Exception} naming the zone (position and identifier)
 * and the field, with the limit broken; no zone of that file is returned. Stateless and thread-safe.
 */
public final class Ed269Reader {

    /** Highest vertical limit accepted, metres (a sanity limit: UAS zones end far below it). */
    public static final double MAX_LIMIT_M = 20_000.0;
    /** Largest circle radius accepted, metres. */
    public static final double MAX_RADIUS_M = 200_000.0;
    /** Longest identifier ED-269 allows, characters. */
    public static final int MAX_IDENTIFIER_CHARS = 7;
    /** Longest name and message ED-269 allows, characters. */
    public static final int MAX_TEXT_CHARS = 200;

    private static final Set<String> REASONS = Set.of("AIR_TRAFFIC", "SENSITIVE", "PRIVACY", "POPULATION",
            "NATURE", "NOISE", "FOREIGN_TERRITORY", "EMERGENCY", "OTHER");

    private Ed269Reader() {
    }

    /**
     * Reads a file (UTF-8).
     *
     * @param file the ED-269 JSON file
     * @return the zones, in file order
     * @throws IOException if the file cannot be read
     * @throws Ed269Exception naming the zone and field of the first problem
     */
    public static List<UasZone> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses ED-269 JSON text.
     *
     * @param json the text
     * @return the zones, in file order
     * @throws Ed269Exception naming the zone and field of the first problem (JSON syntax errors with line and column)
     */
    public static List<UasZone> parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (JsonException e) {
            throw new Ed269Exception("", "", String.valueOf(e.getMessage()));
        }
        List<Object> features;
        if (root instanceof Map<?, ?> m) {
            Object f = m.get("features");
            if (!(f instanceof List<?>)) {
                throw new Ed269Exception("", "features", "expected an array of UASZoneVersion objects");
            }
            features = list(f);
        } else if (root instanceof List<?>) {
            features = list(root);
        } else {
            throw new Ed269Exception("", "", "expected an object with \"features\" or an array of zones");
        }
        List<UasZone> zones = new ArrayList<>(features.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            UasZone z = new ZoneReader(i, features.get(i)).read();
            if (!ids.add(z.identifier())) {
                throw new Ed269Exception("#" + i + " '" + z.identifier() + "'", "identifier",
                        "duplicate identifier: another zone of this file has it");
            }
            zones.add(z);
        }
        return List.copyOf(zones);
    }

    private static List<Object> list(Object o) {
        return ZoneFields.list(o);
    }

    /** Reads one zone; knows its position and identifier for the messages. */
    private static final class ZoneReader {
        private final int index;
        private final @Nullable Object raw;
        private final ZoneFields fields;

        ZoneReader(int index, @Nullable Object raw) {
            this.index = index;
            this.raw = raw;
            this.fields = new ZoneFields(index);
        }

        UasZone read() {
            Map<String, Object> z = fields.obj(raw, "");
            String id = text(z, "identifier", true, MAX_IDENTIFIER_CHARS);
            fields.identified(index, id);
            String country = text(z, "country", true, 3);
            if (!country.matches("[A-Z]{3}")) {
                throw fail("country", "'" + country + "' is not an ISO 3166-1 alpha-3 code (three capital letters)");
            }
            String name = text(z, "name", false, MAX_TEXT_CHARS);
            String r = text(z, "restriction", true, 40);
            Restriction restriction;
            try {
                restriction = Restriction.valueOf(r);
            } catch (IllegalArgumentException e) {
                throw fail("restriction", "'" + r + "' is not one of PROHIBITED, REQ_AUTHORISATION, CONDITIONAL,"
                        + " NO_RESTRICTION");
            }
            List<String> conditions = conditions(z.get("restrictionConditions"));
            List<String> reasons = reasons(z.get("reason"));
            String message = text(z, "message", false, MAX_TEXT_CHARS);
            Object g = z.get("geometry");
            if (!(g instanceof List<?>) || ((List<?>) g).isEmpty()) {
                throw fail("geometry", "expected an array of at least one UASZoneAirspaceVolume");
            }
            List<Object> gl = list(g);
            List<AirspaceVolume> volumes = new ArrayList<>();
            for (int i = 0; i < gl.size(); i++) {
                volumes.add(new Ed269Geometry(fields).volume(gl.get(i), "geometry[" + i + "]"));
            }
            Applicability applicability = new Ed269Times(fields).applicability(z.get("applicability"));
            return new UasZone(id, country, name, restriction, conditions, reasons, message, volumes, applicability);
        }

        private List<String> conditions(@Nullable Object o) {
            if (o == null) {
                return List.of();
            }
            if (o instanceof String s) {
                return s.isBlank() ? List.of() : List.of(s.strip());
            }
            if (o instanceof List<?> l) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    if (!(l.get(i) instanceof String s)) {
                        throw fail("restrictionConditions[" + i + "]", "expected a string");
                    }
                    out.add(s.strip());
                }
                return out;
            }
            throw fail("restrictionConditions", "expected a string or an array of strings");
        }

        private List<String> reasons(@Nullable Object o) {
            if (o == null) {
                return List.of();
            }
            if (!(o instanceof List<?> l)) {
                throw fail("reason", "expected an array of reasons");
            }
            if (l.size() > 9) {
                throw fail("reason", l.size() + " reasons, more than the 9 ED-269 allows");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String s) || !REASONS.contains(s)) {
                    throw fail("reason[" + i + "]", "'" + l.get(i) + "' is not one of " + new java.util.TreeSet<>(
                            REASONS));
                }
                out.add(s);
            }
            return out;
        }

        private String text(Map<String, Object> m, String key, boolean required, int max) {
            return fields.text(m, key, required, max, "");
        }

        private Ed269Exception fail(String field, String problem) {
            return fields.fail(field, problem);
        }
    }
}
