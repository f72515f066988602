package org.vigie.mission.authorisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.EnuGeometry;

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
        return AuthorisationsReader.parse(json);
    }
}
