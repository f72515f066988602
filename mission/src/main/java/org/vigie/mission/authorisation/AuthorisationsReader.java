package org.vigie.mission.authorisation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.io.GeoJsonGeometry;
import org.vigie.geofence.io.Json;
import org.vigie.geofence.io.JsonException;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * Reads an authorisations file (the format is in {@link Authorisations}) all or nothing: the first problem throws
 * {@link AuthorisationConfigException} naming the authorisation and the field. Stateless.
 */
final class AuthorisationsReader {

    private static final Pattern BRACKET_ZONE = Pattern.compile("(.*?)\\[([^\\]]*)\\]");

    private AuthorisationsReader() {
    }

    static Authorisations parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (JsonException e) {
            throw new AuthorisationConfigException("authorisations: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new AuthorisationConfigException("authorisations: expected an object");
        }
        Object req = m.get("required");
        if (req != null && !(req instanceof Boolean)) {
            throw new AuthorisationConfigException("authorisations, required: expected true or false, got " + req);
        }
        Object list = m.get("authorisations");
        if (!(list instanceof List<?> l)) {
            throw new AuthorisationConfigException("authorisations, authorisations: expected an array");
        }
        List<Authorisation> out = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < l.size(); i++) {
            Authorisation a = one(l.get(i), i);
            if (!ids.add(a.id())) {
                throw new AuthorisationConfigException("authorisation #" + i + " '" + a.id()
                        + "', id: duplicate id");
            }
            out.add(a);
        }
        return new Authorisations(out, req == null || (Boolean) req);
    }

    private static Authorisation one(@Nullable Object o, int index) {
        String where = "authorisation #" + index;
        if (!(o instanceof Map<?, ?> a)) {
            throw new AuthorisationConfigException(where + ": expected an object");
        }
        String id = text(a, "id", where, DispatchRequest.MAX_AUTHORISATION_ID_CHARS);
        where = where + " '" + id + "'";
        String district = text(a, "district", where, 200);
        String issuer = text(a, "issuer", where, 200);
        String purpose = text(a, "purpose", where, 500);
        Instant from = instant(a.get("validFrom"), where + ", validFrom");
        Instant until = instant(a.get("validUntil"), where + ", validUntil");
        if (!from.isBefore(until)) {
            throw new AuthorisationConfigException(where + ", validUntil: " + until + " is not after validFrom "
                    + from);
        }
        GeoPolygon area;
        try {
            area = GeoJsonGeometry.polygon(a.get("area"), where + ", area");
        } catch (IllegalArgumentException e) {
            throw new AuthorisationConfigException(String.valueOf(e.getMessage()));
        }
        Set<String> zones = new TreeSet<>();
        Object z = a.get("zones");
        if (z != null) {
            if (!(z instanceof List<?> zl)) {
                throw new AuthorisationConfigException(where + ", zones: expected an array of ED-269 identifiers");
            }
            for (int i = 0; i < zl.size(); i++) {
                if (!(zl.get(i) instanceof String s) || s.isBlank()) {
                    throw new AuthorisationConfigException(where + ", zones[" + i + "]: expected an identifier");
                }
                zones.add(s.strip());
            }
        }
        return new Authorisation(id, district, issuer, purpose, from, until, area, zones);
    }

    private static String text(Map<?, ?> m, String key, String where, int max) {
        Object o = m.get(key);
        if (!(o instanceof String s) || s.isBlank()) {
            throw new AuthorisationConfigException(where + ", " + key + ": missing or empty");
        }
        if (s.strip().length() > max) {
            throw new AuthorisationConfigException(where + ", " + key + ": " + s.strip().length()
                    + " characters, more than " + max);
        }
        return s.strip();
    }

    private static Instant instant(@Nullable Object o, String where) {
        if (!(o instanceof String s)) {
            throw new AuthorisationConfigException(where + ": expected an ISO 8601 date-time with its zone");
        }
        String text = s.strip();
        Matcher m = BRACKET_ZONE.matcher(text);
        try {
            if (m.matches()) {
                ZoneId zone;
                try {
                    zone = ZoneId.of(m.group(2));
                } catch (DateTimeException e) {
                    throw new AuthorisationConfigException(where + ": unknown time zone '" + m.group(2) + "'");
                }
                try {
                    return OffsetDateTime.parse(m.group(1)).toInstant();
                } catch (DateTimeParseException e) {
                    return LocalDateTime.parse(m.group(1)).atZone(zone).toInstant();
                }
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new AuthorisationConfigException(where + ": '" + s + "' is not an ISO 8601 date-time with an"
                    + " offset or a [Region/City] zone");
        }
    }
}
