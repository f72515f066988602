package org.vigie.geofence.ed269;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
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

    private static final double FEET_M = 0.3048;
    private static final Set<String> REASONS = Set.of("AIR_TRAFFIC", "SENSITIVE", "PRIVACY", "POPULATION",
            "NATURE", "NOISE", "FOREIGN_TERRITORY", "EMERGENCY", "OTHER");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)(Z|[+-]\\d{2}:?\\d{2}|\\[[^\\]]+\\])?");
    private static final Pattern BRACKET_ZONE = Pattern.compile("(.*?)\\[([^\\]]*)\\]");

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

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** Reads one zone; knows its position and identifier for the messages. */
    private static final class ZoneReader {
        private final int index;
        private final @Nullable Object raw;
        private String label;

        ZoneReader(int index, @Nullable Object raw) {
            this.index = index;
            this.raw = raw;
            this.label = "#" + index;
        }

        UasZone read() {
            Map<String, Object> z = obj(raw, "");
            String id = text(z, "identifier", true, MAX_IDENTIFIER_CHARS);
            label = "#" + index + " '" + id + "'";
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
                volumes.add(volume(gl.get(i), "geometry[" + i + "]"));
            }
            Applicability applicability = applicability(z.get("applicability"));
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

        private AirspaceVolume volume(@Nullable Object o, String path) {
            Map<String, Object> v = obj(o, path);
            String uom = text(v, "uomDimensions", true, 40, path);
            double unit;
            if (uom.equals("M")) {
                unit = 1.0;
            } else if (uom.equals("FT")) {
                unit = FEET_M;
            } else {
                throw fail(path + ".uomDimensions", "'" + uom + "' is not M or FT");
            }
            VerticalReference lowerRef = reference(v, "lowerVerticalReference", path);
            VerticalReference upperRef = reference(v, "upperVerticalReference", path);
            double lower = limit(v, "lowerLimit", path, unit, 0.0);
            double upper = limit(v, "upperLimit", path, unit, Double.POSITIVE_INFINITY);
            if (lowerRef == VerticalReference.AGL && lower < 0) {
                throw fail(path + ".lowerLimit", String.format(Locale.ROOT, "%.1f m below ground level", lower));
            }
            if (upperRef == VerticalReference.AGL && upper <= 0) {
                throw fail(path + ".upperLimit", String.format(Locale.ROOT,
                        "%.1f m AGL: a zone must reach above the ground", upper));
            }
            if (lowerRef == upperRef && upper <= lower) {
                throw fail(path + ".upperLimit", String.format(Locale.ROOT,
                        "%.1f m %s is not above the lower limit %.1f m %s", upper, upperRef, lower, lowerRef));
            }
            HorizontalProjection p = projection(v.get("horizontalProjection"), path + ".horizontalProjection", unit);
            return new AirspaceVolume(lower, lowerRef, upper, upperRef, p);
        }

        private VerticalReference reference(Map<String, Object> v, String key, String path) {
            String s = text(v, key, true, 40, path);
            try {
                return VerticalReference.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw fail(path + "." + key, "'" + s + "' is not AGL or AMSL");
            }
        }

        private double limit(Map<String, Object> v, String key, String path, double unit, double absent) {
            Object o = v.get(key);
            if (o == null) {
                return absent;
            }
            if (!(o instanceof Double d) || !Double.isFinite(d)) {
                throw fail(path + "." + key, "expected a number, got " + o);
            }
            double m = d * unit;
            if (Math.abs(m) > MAX_LIMIT_M) {
                throw fail(path + "." + key, String.format(Locale.ROOT, "%.0f m is beyond the %.0f m sanity limit",
                        m, MAX_LIMIT_M));
            }
            return m;
        }

        private HorizontalProjection projection(@Nullable Object o, String path, double unit) {
            Map<String, Object> p = obj(o, path);
            String type = text(p, "type", true, 40, path);
            if (type.equals("Circle")) {
                GeoPoint c = position(p.get("center"), path + ".center");
                Object r = p.get("radius");
                if (!(r instanceof Double d) || !Double.isFinite(d) || d <= 0) {
                    throw fail(path + ".radius", "expected a number > 0, got " + r);
                }
                double m = d * unit;
                if (m > MAX_RADIUS_M) {
                    throw fail(path + ".radius", String.format(Locale.ROOT, "%.0f m is beyond the %.0f m sanity limit",
                            m, MAX_RADIUS_M));
                }
                return new HorizontalProjection.Circle(c, m);
            }
            if (!type.equals("Polygon")) {
                throw fail(path + ".type", "'" + type + "' is not Polygon or Circle");
            }
            Object c = p.get("coordinates");
            if (!(c instanceof List<?> rings) || rings.isEmpty() || !(rings.get(0) instanceof List<?>)) {
                throw fail(path + ".coordinates", "expected [[[lon, lat], ...]] (a GeoJSON polygon)");
            }
            List<Object> shell = list(rings.get(0));
            List<GeoPoint> ring = new ArrayList<>();
            for (int i = 0; i < shell.size(); i++) {
                GeoPoint q = position(shell.get(i), path + ".coordinates[0][" + i + "]");
                if (ring.isEmpty() || !same(ring.get(ring.size() - 1), q)) {
                    ring.add(q);
                }
            }
            while (ring.size() > 1 && same(ring.get(0), ring.get(ring.size() - 1))) {
                ring.remove(ring.size() - 1);
            }
            if (ring.size() < 3) {
                throw fail(path + ".coordinates[0]", "has " + ring.size()
                        + " distinct positions; a polygon needs at least 3");
            }
            checkSimple(ring, path + ".coordinates[0]");
            return new HorizontalProjection.Polygon(ring);
        }

        private void checkSimple(List<GeoPoint> ring, String path) {
            LocalFrame frame = new LocalFrame(ring.get(0));
            Coordinate[] cs = new Coordinate[ring.size() + 1];
            for (int i = 0; i < ring.size(); i++) {
                EnuPoint e = frame.toLocal(ring.get(i));
                cs[i] = new Coordinate(e.eastM(), e.northM());
            }
            cs[ring.size()] = cs[0];
            IsSimpleOp op = new IsSimpleOp(new GeometryFactory().createLinearRing(cs));
            if (!op.isSimple()) {
                Coordinate at = op.getNonSimpleLocation();
                throw fail(path, "the ring crosses itself" + (at == null ? "" : String.format(Locale.ROOT,
                        " near %s", frame.toGeo(at.x, at.y, 0).latLonText())));
            }
        }

        private GeoPoint position(@Nullable Object o, String path) {
            if (!(o instanceof List<?> l) || l.size() < 2 || l.size() > 3 || !(l.get(0) instanceof Double lon)
                    || !(l.get(1) instanceof Double lat)) {
                throw fail(path, "expected a position [lon, lat], got " + o);
            }
            if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
                throw fail(path, "longitude " + lon + " is outside [-180, 180]");
            }
            if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
                throw fail(path, "latitude " + lat + " is outside [-90, 90] (positions are [lon, lat])");
            }
            return GeoPoint.of(lat, lon);
        }

        private Applicability applicability(@Nullable Object o) {
            if (o == null) {
                return Applicability.ALWAYS;
            }
            if (!(o instanceof List<?> l)) {
                throw fail("applicability", "expected an array of ApplicableTimePeriod");
            }
            List<TimePeriod> periods = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                periods.add(period(l.get(i), "applicability[" + i + "]"));
            }
            return new Applicability(periods);
        }

        private TimePeriod period(@Nullable Object o, String path) {
            Map<String, Object> p = obj(o, path);
            String perm = text(p, "permanent", true, 40, path);
            if (!perm.equals("YES") && !perm.equals("NO")) {
                throw fail(path + ".permanent", "'" + perm + "' is not YES or NO");
            }
            boolean permanent = perm.equals("YES");
            Instant start = dateTime(p.get("startDateTime"), path + ".startDateTime");
            Instant end = dateTime(p.get("endDateTime"), path + ".endDateTime");
            if (!permanent && start == null) {
                throw fail(path + ".startDateTime", "missing: a period that is not permanent needs a start");
            }
            if (!permanent && end == null) {
                throw fail(path + ".endDateTime", "missing: a period that is not permanent needs an end");
            }
            if (start != null && end != null && !start.isBefore(end)) {
                throw fail(path + ".endDateTime", end + " is not after the start " + start);
            }
            List<DailyPeriod> schedule = new ArrayList<>();
            Object s = p.get("schedule");
            if (s != null) {
                if (!(s instanceof List<?> sl)) {
                    throw fail(path + ".schedule", "expected an array of DailyPeriod");
                }
                for (int i = 0; i < sl.size(); i++) {
                    schedule.add(daily(sl.get(i), path + ".schedule[" + i + "]"));
                }
            }
            return new TimePeriod(permanent, start, end, schedule);
        }

        private DailyPeriod daily(@Nullable Object o, String path) {
            Map<String, Object> d = obj(o, path);
            Object days = d.get("day");
            if (!(days instanceof List<?> dl) || dl.isEmpty() || dl.size() > 8) {
                throw fail(path + ".day", "expected an array of 1 to 7 days (MON..SUN or ANY)");
            }
            Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < dl.size(); i++) {
                Object day = dl.get(i);
                DayOfWeek w = day instanceof String ds ? dayOf(ds) : null;
                if (w == null && "ANY".equals(day)) {
                    set.addAll(EnumSet.allOf(DayOfWeek.class));
                } else if (w == null) {
                    throw fail(path + ".day[" + i + "]", "'" + day + "' is not MON, TUE, WED, THU, FRI, SAT, SUN or ANY");
                } else {
                    set.add(w);
                }
            }
            Zoned start = time(d.get("startTime"), path + ".startTime");
            Zoned end = time(d.get("endTime"), path + ".endTime");
            if (!start.zone().equals(end.zone())) {
                throw fail(path + ".endTime", "time zone " + end.zone() + " differs from the start's " + start.zone());
            }
            return new DailyPeriod(set, start.time(), end.time(), start.zone());
        }

        private static @Nullable DayOfWeek dayOf(String s) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().substring(0, 3).equals(s)) {
                    return d;
                }
            }
            return null;
        }

        private Zoned time(@Nullable Object o, String path) {
            if (!(o instanceof String s)) {
                throw fail(path, "expected a time hh:mm[:ss] with its time zone, got " + o);
            }
            Matcher m = TIME.matcher(s.strip());
            if (!m.matches()) {
                throw fail(path, "'" + s + "' is not a time hh:mm[:ss[.s]] followed by Z, an offset or [Region/City]");
            }
            if (m.group(2) == null) {
                throw fail(path, "'" + s + "' has no time zone: add Z, an offset (+01:00) or a region ([Europe/Paris])");
            }
            LocalTime t;
            try {
                t = LocalTime.parse(m.group(1));
            } catch (DateTimeParseException e) {
                throw fail(path, "'" + s + "' is not a valid time of day");
            }
            String z = m.group(2);
            return new Zoned(t, zone(z.startsWith("[") ? z.substring(1, z.length() - 1) : z, path));
        }

        private ZoneId zone(String z, String path) {
            try {
                return ZoneId.of(z.length() == 5 && !z.contains(":") ? z.substring(0, 3) + ":" + z.substring(3) : z);
            } catch (DateTimeException e) {
                throw fail(path, "unknown time zone '" + z + "' (use Z, an offset such as +01:00, or a region such as"
                        + " Europe/Paris)");
            }
        }

        private @Nullable Instant dateTime(@Nullable Object o, String path) {
            if (o == null || (o instanceof String e && e.isBlank())) {
                return null;
            }
            if (!(o instanceof String s)) {
                throw fail(path, "expected an ISO 8601 date-time, got " + o);
            }
            String text = s.strip();
            Matcher m = BRACKET_ZONE.matcher(text);
            try {
                if (m.matches()) {
                    ZoneId zone = zone(m.group(2), path);
                    String base = m.group(1);
                    try {
                        return OffsetDateTime.parse(base).toInstant();
                    } catch (DateTimeParseException e) {
                        return LocalDateTime.parse(base).atZone(zone).toInstant();
                    }
                }
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    LocalDateTime.parse(text);
                } catch (DateTimeParseException notLocal) {
                    throw fail(path, "'" + s + "' is not an ISO 8601 date-time");
                }
                throw fail(path, "'" + s + "' has no time zone: add Z, an offset (+01:00) or a region"
                        + " ([Europe/Paris])");
            }
        }

        private String text(Map<String, Object> m, String key, boolean required, int max) {
            return text(m, key, required, max, "");
        }

        private String text(Map<String, Object> m, String key, boolean required, int max, String path) {
            String field = path.isEmpty() ? key : path + "." + key;
            Object o = m.get(key);
            if (o == null) {
                if (required) {
                    throw fail(field, "missing");
                }
                return "";
            }
            if (!(o instanceof String s)) {
                throw fail(field, "expected a string, got " + o);
            }
            String v = s.strip();
            if (required && v.isEmpty()) {
                throw fail(field, "is empty");
            }
            if (v.length() > max) {
                throw fail(field, "'" + v + "' is " + v.length() + " characters, more than " + max);
            }
            return v;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> obj(@Nullable Object o, String path) {
            if (o instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw fail(path, "expected an object");
        }

        private Ed269Exception fail(String field, String problem) {
            return new Ed269Exception(label, field, problem);
        }
    }

    private record Zoned(LocalTime time, ZoneId zone) {}

    private static boolean same(GeoPoint a, GeoPoint b) {
        return a.latDeg() == b.latDeg() && a.lonDeg() == b.lonDeg();
    }
}
