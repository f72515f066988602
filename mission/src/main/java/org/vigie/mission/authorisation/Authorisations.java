package org.vigie.mission.authorisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.io.GeoJsonGeometry;
import org.vigie.geofence.io.Json;
import org.vigie.geofence.io.JsonException;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.GeoPolygon;

/**
 * The authorisations of a district configuration, and the check every dispatch passes: a dispatch names the
 * authorisation it flies under ({@link DispatchRequest#authorisationId()}); it flies only if that authorisation
 * exists, covers the district, is valid from the dispatch to the flight's latest expected landing, and its area holds
 * the target. When {@link #required()} (the default for a police or city service), a dispatch that names none is
 * refused.
 *
 * <p>File format (JSON, UTF-8):
 * <pre>{@code
 * {"required": true,
 *  "authorisations": [{"id": "PP-2026-0412", "district": "Arsenal", "issuer": "Préfecture de police",
 *    "purpose": "sécurité des personnes, 4e arrondissement",
 *    "validFrom": "2026-01-01T00:00:00[Europe/Paris]", "validUntil": "2026-07-01T00:00:00+02:00",
 *    "area": {"type": "Polygon", "coordinates": [[[2.3590, 48.8450], ...]]},
 *    "zones": ["LFP4AR"]}]}
 * }</pre>
 * Every date-time carries its zone (an offset or a bracketed region); a problem throws
 * {@link AuthorisationConfigException} naming the authorisation and the field, and nothing is loaded.
 *
 * <p>Immutable and thread-safe.
 */
public final class Authorisations {

    private static final Pattern BRACKET_ZONE = Pattern.compile("(.*?)\\[([^\\]]*)\\]");

    private final Map<String, Authorisation> byId;
    private final boolean required;

    /**
     * @param authorisations the authorisations (ids unique)
     * @param required       whether a dispatch that names none is refused
     * @throws IllegalArgumentException on a duplicate id
     */
    public Authorisations(List<Authorisation> authorisations, boolean required) {
        Map<String, Authorisation> m = new LinkedHashMap<>();
        for (Authorisation a : authorisations) {
            if (m.put(a.id(), a) != null) {
                throw new IllegalArgumentException("duplicate authorisation id '" + a.id() + "'");
            }
        }
        this.byId = Map.copyOf(m);
        this.required = required;
    }

    /** @return no authorisation, none required (the behaviour before authorisations existed) */
    public static Authorisations notRequired() {
        return new Authorisations(List.of(), false);
    }

    /** @return whether a dispatch naming no authorisation is refused */
    public boolean required() {
        return required;
    }

    /**
     * @param id an authorisation id
     * @return the authorisation, if known
     */
    public Optional<Authorisation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Decides whether a dispatch may fly.
     *
     * @param request      the dispatch
     * @param districtName the district it would fly in
     * @param from         the dispatch instant
     * @param to           the latest expected landing
     * @return granted (with the authorisation), not required, or denied with a sentence naming the authorisation
     */
    public AuthorisationDecision check(DispatchRequest request, String districtName, Instant from, Instant to) {
        Optional<String> named = request.authorisationId();
        if (named.isEmpty()) {
            return required ? new AuthorisationDecision.Denied("dispatch " + request.alertId()
                    + " names no authorisation; district '" + districtName + "' flies only under one")
                    : new AuthorisationDecision.NotRequired();
        }
        String id = named.get();
        Authorisation a = byId.get(id);
        if (a == null) {
            return denied("authorisation '" + id + "' is unknown to district '" + districtName + "'");
        }
        if (!a.districtName().equals(districtName)) {
            return denied("authorisation '" + id + "' covers district '" + a.districtName() + "', not '"
                    + districtName + "'");
        }
        if (from.isBefore(a.validFrom())) {
            return denied("authorisation '" + id + "' (" + a.issuer() + ") is not valid before " + a.validFrom());
        }
        if (!from.isBefore(a.validUntil())) {
            return denied("authorisation '" + id + "' (" + a.issuer() + ") expired at " + a.validUntil());
        }
        if (to.isAfter(a.validUntil())) {
            return denied(String.format(Locale.ROOT, "authorisation '%s' (%s) expires at %s, %d min before the"
                    + " flight's latest expected landing at %s", id, a.issuer(), a.validUntil(),
                    Duration.between(a.validUntil(), to).toMinutes(), to));
        }
        GeoPoint target = GeoPoint.of(request.targetLatDeg(), request.targetLonDeg());
        Polygon area = EnuGeometry.polygon(new LocalFrame(target), a.area());
        if (!area.covers(area.getFactory().createPoint(new Coordinate(0, 0)))) {
            return denied("target " + target.latLonText() + " lies outside the area of authorisation '" + id + "'");
        }
        return new AuthorisationDecision.Granted(a);
    }

    private static AuthorisationDecision denied(String why) {
        return new AuthorisationDecision.Denied(why);
    }

    /**
     * Reads an authorisations file.
     *
     * @param file the JSON file
     * @return the authorisations
     * @throws IOException if it cannot be read
     * @throws AuthorisationConfigException naming the authorisation and field of the first problem
     */
    public static Authorisations read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses authorisations JSON (format in the class description).
     *
     * @param json the text
     * @return the authorisations
     * @throws AuthorisationConfigException naming the authorisation and field of the first problem
     */
    public static Authorisations parse(String json) {
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
