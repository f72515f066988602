package org.vigie.geofence.ed269;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the applicability of one ED-269 zone: periods (permanent or dated), daily schedules, and every time with its
 * zone ({@code Z}, an offset, or a bracketed region such as {@code [Europe/Paris]}); an unknown zone or a time without
 * one is an error naming the field. Not thread-safe: one per zone read.
 */
final class Ed269Times {

    private static final Pattern TIME = Pattern.compile(
            "(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)(Z|[+-]\\d{2}:?\\d{2}|\\[[^\\]]+\\])?");
    private static final Pattern BRACKET_ZONE = Pattern.compile("(.*?)\\[([^\\]]*)\\]");

    private final ZoneFields fields;

    Ed269Times(ZoneFields fields) {
        this.fields = fields;
    }

    Applicability applicability(@Nullable Object o) {
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

    private Ed269Exception fail(String field, String problem) {
        return fields.fail(field, problem);
    }

    private String text(Map<String, Object> m, String key, boolean required, int max, String path) {
        return fields.text(m, key, required, max, path);
    }

    private Map<String, Object> obj(@Nullable Object o, String path) {
        return fields.obj(o, path);
    }

    private record Zoned(LocalTime time, ZoneId zone) {}
}
