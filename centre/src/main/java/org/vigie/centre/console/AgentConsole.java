package org.vigie.centre.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.centre.AgentAnswer;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.IncidentState;
import org.vigie.centre.IncidentView;
import org.vigie.centre.IntakeResult;
import org.vigie.centre.alert.Alert;
import org.vigie.centre.fleet.DroneState;
import org.vigie.centre.http.CentreHttpServer;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;

/**
 * The agents' console, mounted under {@code /console} on the centre's {@link CentreHttpServer}:
 *
 * <ul>
 *   <li>{@code GET /console/}: the page and its bundled scripts (Leaflet, bundled at build time; nothing is fetched
 *       from elsewhere);</li>
 *   <li>{@code POST /console/api/login} {@code {"agentId","token"}}: 200 when the token is the agent's and not
 *       expired;</li>
 *   <li>{@code GET /console/api/districts}, {@code /state}, {@code /events} (Server-Sent Events; the token may come as
 *       {@code ?token=} since a browser's EventSource sends no header), {@code /incidents/{id}};</li>
 *   <li>{@code POST /console/api/incidents/{id}/approve|cancel} and {@code /console/api/drones/{id}/recall|retask}
 *       (retask: {@code {"lat","lon"}}, a point of the drone's own district).</li>
 * </ul>
 * Every API call needs an agent's token ({@code Authorization: Bearer}), never the centre's admin token: 401 when
 * absent, unknown or expired. Actions answer 200 when the centre applied them, 409 with the centre's reason when it
 * refused (not on duty, wrong state), 404 for an unknown incident or drone, 422 for a retask point outside the drone's
 * district, 400 for a malformed body, 413/415 for a body too large or not JSON; the centre records every action and
 * refusal with the agent's identity. Answers are counted by status ({@link #count}).
 *
 * <p>Threading: requests run on the HTTP server's threads and wait (bounded) on the centre's futures; the live feed
 * has its own thread.
 */
public final class AgentConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentConsole.class);
    private static final String PREFIX = "/console";
    private static final String RESOURCES = "/org/vigie/centre/console/";
    private static final int MAX_BODY_BYTES = 4_096;
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html",
            "/console.js", "console.js",
            "/console.css", "console.css",
            "/leaflet/leaflet.js", "leaflet/leaflet.js",
            "/leaflet/leaflet.css", "leaflet/leaflet.css",
            "/leaflet/LICENSE", "leaflet/LICENSE");

    private final DispatchCentre centre;
    private final AgentTokens tokens;
    private final ConsoleRecorder records;
    private final Duration answerTimeout;
    private final ConsoleFeed feed;
    private final String districtsJson;
    private final AtomicLongArray byStatus = new AtomicLongArray(600);
    private final AtomicLong refusedActions = new AtomicLong();

    private AgentConsole(DispatchCentre centre, AgentTokens tokens, ConsoleRecorder records, Footprints footprints,
                         Clock clock, long periodMs, Duration answerTimeout) {
        this.centre = Objects.requireNonNull(centre, "centre");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.records = Objects.requireNonNull(records, "records");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
        this.districtsJson = ConsoleJson.districts(centre.districts().districts());
        this.feed = new ConsoleFeed(centre, footprints, clock, periodMs, answerTimeout);
    }

    /**
     * Mounts the console on the centre's HTTP server and starts its live feed.
     *
     * @param server        the centre's HTTP server
     * @param centre        the centre
     * @param tokens        the agents' tokens
     * @param records       the centre's recorder, kept for the incident view (it must be the centre's recorder)
     * @param footprints    the drones' camera footprints (fed by the drone links; empty: none shown)
     * @param clock         the wall clock (track times, token expiry is the tokens' own)
     * @param periodMs      at most one live update per page per this period, 50..60,000 ms
     * @param answerTimeout how long a request waits for the centre
     * @return the running console
     * @throws IllegalArgumentException if periodMs is out of range
     */
    public static AgentConsole mount(CentreHttpServer server, DispatchCentre centre, AgentTokens tokens,
                                     ConsoleRecorder records, Footprints footprints, Clock clock, long periodMs,
                                     Duration answerTimeout) {
        AgentConsole c = new AgentConsole(centre, tokens, records, footprints, clock, periodMs, answerTimeout);
        server.mount(PREFIX, c::handle);
        return c;
    }

    /** @param status an HTTP status @return how many console answers had it */
    public long count(int status) {
        return status >= 0 && status < 600 ? byStatus.get(status) : 0;
    }

    /** @return agent actions refused (by the centre or by the console's own checks) */
    public long refusedActions() {
        return refusedActions.get();
    }

    /** @return live state events sent, all pages together */
    public long pushes() {
        return feed.pushes();
    }

    /** @return pages connected to the live feed now */
    public int connectedPages() {
        return feed.clients();
    }

    /** Stops the live feed and ends the pages' streams. Idempotent. */
    @Override
    public void close() {
        feed.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length()) : "";
        try {
            if (rest.equals("/api/events")) {
                String agent = agent(ex, true);
                if (agent != null && method(ex, "GET")) {
                    feed.attach(ex);
                    return;
                }
                ex.close();
                return;
            }
            try (ex) {
                route(ex, rest);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 503, "UNAVAILABLE", "the server is stopping");
        } catch (java.util.concurrent.TimeoutException e) {
            error(ex, 503, "UNAVAILABLE", "the centre did not answer within " + answerTimeout.toMillis() + " ms");
        } catch (Exception e) {
            LOG.error("console request {} {} failed", ex.getRequestMethod(), path, e);
            error(ex, 500, "INTERNAL", "internal error: " + e);
        }
    }

    private void route(HttpExchange ex, String rest) throws Exception {
        if (rest.isEmpty()) {
            ex.getResponseHeaders().set("Location", PREFIX + "/");
            send(ex, 308, "text/plain", new byte[0]);
            return;
        }
        if (!rest.startsWith("/api/")) {
            String file = STATIC.get(rest);
            if (file == null) {
                error(ex, 404, "NOT_FOUND", "no console file at " + PREFIX + rest);
                return;
            }
            if (method(ex, "GET")) {
                staticFile(ex, file);
            }
            return;
        }
        if (rest.equals("/api/login")) {
            if (method(ex, "POST")) {
                login(ex);
            }
            return;
        }
        String agent = agent(ex, false);
        if (agent == null) {
            return;
        }
        String[] parts = rest.substring("/api/".length()).split("/", -1);
        if (parts.length == 1 && parts[0].equals("districts")) {
            if (method(ex, "GET")) {
                json(ex, 200, districtsJson);
            }
        } else if (parts.length == 1 && parts[0].equals("state")) {
            if (method(ex, "GET")) {
                json(ex, 200, ConsoleJson.state(centre.fleet().get(timeoutMs(), TimeUnit.MILLISECONDS),
                        centre.incidents().get(timeoutMs(), TimeUnit.MILLISECONDS), new FlightLog(), feed.cameras()));
            }
        } else if (parts.length == 2 && parts[0].equals("incidents")) {
            if (method(ex, "GET")) {
                Optional<String> d = feed.detail(parts[1], records.forIncident(parts[1]));
                if (d.isPresent()) {
                    json(ex, 200, d.get());
                } else {
                    error(ex, 404, "UNKNOWN_INCIDENT", "incident '" + parts[1] + "' is unknown");
                }
            }
        } else if (parts.length == 3 && parts[0].equals("incidents")
                && (parts[2].equals("approve") || parts[2].equals("cancel"))) {
            if (method(ex, "POST")) {
                incidentAction(ex, agent, parts[1], parts[2]);
            }
        } else if (parts.length == 3 && parts[0].equals("drones")
                && (parts[2].equals("recall") || parts[2].equals("retask"))) {
            if (method(ex, "POST")) {
                droneAction(ex, agent, parts[1], parts[2]);
            }
        } else {
            error(ex, 404, "NOT_FOUND", "no console resource at " + PREFIX + rest);
        }
    }

    private void login(HttpExchange ex) throws IOException {
        Map<String, Object> body = body(ex, Set.of("agentId", "token"));
        if (body == null) {
            return;
        }
        Object id = body.get("agentId");
        Object token = body.get("token");
        if (!(id instanceof String) || !(token instanceof String)) {
            error(ex, 400, "INVALID", "agentId and token are both required strings");
            return;
        }
        AgentTokens.Check c = tokens.check((String) token);
        if (c instanceof AgentTokens.Check.Valid v && v.agentId().equals(id)) {
            json(ex, 200, ConsoleJson.agent(v.agentId()));
        } else {
            String why = c instanceof AgentTokens.Check.Invalid i ? i.reason()
                    : "the token is not agent " + id + "'s";
            error(ex, 401, "UNAUTHORISED", why);
        }
    }

    private void incidentAction(HttpExchange ex, String agent, String incidentId, String action) throws Exception {
        Map<String, Object> body = body(ex, Set.of("reason"));
        if (body == null) {
            return;
        }
        String reason = body.get("reason") instanceof String s ? s : "";
        if (reason.length() > 200) {
            error(ex, 400, "INVALID", "reason is " + reason.length() + " characters, more than 200");
            return;
        }
        boolean known = centre.incident(incidentId).get(timeoutMs(), TimeUnit.MILLISECONDS).isPresent();
        AgentAnswer a = (action.equals("approve") ? centre.approve(agent, incidentId)
                : centre.cancel(agent, incidentId, reason.isBlank() ? "cancelled from the console" : reason))
                .get(timeoutMs(), TimeUnit.MILLISECONDS);
        answer(ex, a, known ? 409 : 404, incidentId);
    }

    private void droneAction(HttpExchange ex, String agent, String droneText, String action) throws Exception {
        Map<String, Object> body = body(ex, action.equals("retask") ? Set.of("lat", "lon", "reason")
                : Set.of("reason"));
        if (body == null) {
            return;
        }
        int droneId;
        try {
            droneId = Integer.parseInt(droneText);
        } catch (NumberFormatException e) {
            droneId = -1;
        }
        int id = droneId;
        Optional<DroneState> drone = centre.fleet().get(timeoutMs(), TimeUnit.MILLISECONDS).stream()
                .filter(d -> d.drone().systemId() == id).findFirst();
        if (drone.isEmpty()) {
            refuse(ex, agent, null, Math.max(id, 0), 404, "UNKNOWN_DRONE", "drone '" + droneText
                    + "' is not registered");
            return;
        }
        String reason = body.get("reason") instanceof String s && !s.isBlank() ? s : "from the console";
        if (action.equals("recall")) {
            answer(ex, centre.recall(agent, id, reason).get(timeoutMs(), TimeUnit.MILLISECONDS), 409, null);
            return;
        }
        if (!(body.get("lat") instanceof Double lat) || !(body.get("lon") instanceof Double lon)) {
            error(ex, 400, "INVALID", "lat and lon (degrees) are both required numbers");
            return;
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90 || !Double.isFinite(lon) || lon < -180 || lon > 180) {
            error(ex, 400, "INVALID", "lat " + lat + " / lon " + lon + " is not a position in degrees");
            return;
        }
        String district = drone.get().drone().district();
        GeoPoint point = GeoPoint.of(lat, lon);
        Optional<District> at = centre.districts().locate(point);
        if (at.isEmpty() || !at.get().name().equals(district)) {
            refuse(ex, agent, null, id, 422, "OUTSIDE_DISTRICT", "retask point " + point.latLonText()
                    + " is outside district '" + district + "' of drone " + id + " (" + at.map(d -> "in '"
                    + d.name() + "'").orElse("in no district") + "): a drone never leaves its district");
            return;
        }
        String onDuty = centre.roster().agentFor(id).orElse(null);
        if (!agent.equals(onDuty)) {
            refuse(ex, agent, null, id, 403, "NOT_ON_DUTY", "agent " + agent + " is not on duty for drone " + id
                    + (onDuty == null ? " (nobody is)" : " (agent " + onDuty + " is)"));
            return;
        }
        IntakeResult r = centre.submit(new Alert.CallerPosition("agent:" + agent, lat, lon, DispatchPriority.ROUTINE,
                "retask point chosen by agent " + agent + ": " + reason)).get(timeoutMs(), TimeUnit.MILLISECONDS);
        IncidentView inc = r instanceof IntakeResult.Opened o ? o.incident()
                : r instanceof IntakeResult.Merged m ? m.incident() : null;
        if (inc == null) {
            refuse(ex, agent, null, id, 409, "REFUSED", ((IntakeResult.Refused) r).refusal().message());
            return;
        }
        IncidentView now = centre.incident(inc.id()).get(timeoutMs(), TimeUnit.MILLISECONDS).orElse(inc);
        if (now.droneSystemId() == id && (now.state() == IncidentState.ORDERED || now.state() == IncidentState.FLYING
                || now.state() == IncidentState.ON_SCENE)) {
            json(ex, 200, ConsoleJson.answer(true, "drone " + id + " sent to " + now.id(), now.id()));
            return;
        }
        answer(ex, centre.retask(agent, id, now.id()).get(timeoutMs(), TimeUnit.MILLISECONDS), 409, now.id());
    }

    private void refuse(HttpExchange ex, String agent, @Nullable String incidentId, int droneId, int status,
                        String code, String why) throws Exception {
        centre.refuseAgentAction(agent, incidentId, droneId, why).get(timeoutMs(), TimeUnit.MILLISECONDS);
        refusedActions.incrementAndGet();
        error(ex, status, code, why);
    }

    private void answer(HttpExchange ex, AgentAnswer a, int refusedStatus, @Nullable String incidentId)
            throws IOException {
        if (a.done()) {
            json(ex, 200, ConsoleJson.answer(true, a.message(), incidentId));
        } else {
            refusedActions.incrementAndGet();
            error(ex, refusedStatus, refusedStatus == 404 ? "UNKNOWN_INCIDENT" : refusedStatus == 403
                    ? "NOT_ON_DUTY" : "REFUSED", a.message());
        }
    }

    private @Nullable String agent(HttpExchange ex, boolean queryAllowed) throws IOException {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        String presented = h != null && h.startsWith("Bearer ") ? h.substring(7).trim() : null;
        if (presented == null && queryAllowed) {
            presented = query(ex).get("token");
        }
        AgentTokens.Check c = tokens.check(presented);
        if (c instanceof AgentTokens.Check.Valid v) {
            return v.agentId();
        }
        ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"vigie-console\"");
        error(ex, 401, "UNAUTHORISED", ((AgentTokens.Check.Invalid) c).reason());
        return null;
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String kv : q.split("&", -1)) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    out.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private @Nullable Map<String, Object> body(HttpExchange ex, Set<String> fields) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(ex, 415, "UNSUPPORTED_MEDIA_TYPE", "the body must be application/json, was " + type);
            return null;
        }
        byte[] b = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (b.length > MAX_BODY_BYTES) {
            error(ex, 413, "TOO_LARGE", "the body is more than the limit of " + MAX_BODY_BYTES + " bytes");
            return null;
        }
        try {
            return ConsoleJson.readFlat(new String(b, StandardCharsets.UTF_8), fields);
        } catch (ConsoleJson.BadBody e) {
            error(ex, 400, "INVALID", String.valueOf(e.getMessage()));
            return null;
        }
    }

    private boolean method(HttpExchange ex, String allowed) throws IOException {
        if (ex.getRequestMethod().equals(allowed)) {
            return true;
        }
        ex.getResponseHeaders().add("Allow", allowed);
        error(ex, 405, "METHOD_NOT_ALLOWED", ex.getRequestMethod() + " is not allowed here; use " + allowed);
        return false;
    }

    private void staticFile(HttpExchange ex, String file) throws IOException {
        try (InputStream in = AgentConsole.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                error(ex, 404, "NOT_FOUND", "console file " + file + " is not bundled in this build");
                return;
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/plain; charset=utf-8";
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private long timeoutMs() {
        return answerTimeout.toMillis();
    }

    private void error(HttpExchange ex, int status, String code, String message) throws IOException {
        json(ex, status, ConsoleJson.error(status, code, message));
    }

    private void json(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        byStatus.incrementAndGet(status);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
