package org.vigie.centre.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.centre.CentreAction;
import org.vigie.centre.CentreRecord;
import org.vigie.centre.IncidentState;
import org.vigie.centre.IntakeResult;
import org.vigie.centre.alert.Alert;
import org.vigie.dispatch.DispatchPriority;

/** The console's HTTP API over loopback: logins, tokens, actions applied and refused, malformed input. */
class AgentConsoleHttpTest {

    private ConsoleRig rig;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        rig = new ConsoleRig(100);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rig.url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rig.url(path))).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String callerIncident(double dLon) throws Exception {
        IntakeResult r = rig.centre.submit(new Alert.CallerPosition("caller-" + dLon, rig.arsenal.home().latDeg(),
                rig.arsenal.home().lonDeg() + dLon, DispatchPriority.URGENT, "smoke")).get();
        return ((IntakeResult.Opened) r).incident().id();
    }

    @Test
    void thePageAndLeafletAreServedWithoutTokenButEveryApiCallNeedsAnAgentToken() throws Exception {
        HttpResponse<String> page = get("/console/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("leaflet/leaflet.js").doesNotContain(ConsoleRig.ADMIN_TOKEN);
        HttpResponse<String> leaflet = get("/console/leaflet/leaflet.js", null);
        assertThat(leaflet.statusCode()).isEqualTo(200);
        assertThat(leaflet.body()).contains("Leaflet 1.9.4");
        assertThat(get("/console/leaflet/LICENSE", null).body()).contains("BSD");
        assertThat(get("/openapi.yaml", null).body()).contains("/console/api/login:")
                .contains("/console/api/incidents/{id}/{action}:").contains("/console/api/drones/{systemId}/{action}:");

        assertThat(get("/console/api/state", null).statusCode()).isEqualTo(401);
        HttpResponse<String> admin = get("/console/api/state", ConsoleRig.ADMIN_TOKEN);
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.body()).contains("not one of the 3 configured");
        HttpResponse<String> expired = get("/console/api/districts", ConsoleRig.OLD_TOKEN);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("token of agent old expired at");
        assertThat(get("/console/api/events?token=nope-nope-nope-nope", null).statusCode()).isEqualTo(401);

        HttpResponse<String> d = get("/console/api/districts", ConsoleRig.A1_TOKEN);
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).contains("\"name\":\"Arsenal\"").contains("\"name\":\"Saint-Merri\"")
                .contains("\"type\":\"Polygon\"");
        assertThat(rig.console.count(401)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void loginChecksTheAgentsOwnToken() throws Exception {
        assertThat(post("/console/api/login", null, "{\"agentId\":\"a1\",\"token\":\"" + ConsoleRig.A1_TOKEN
                + "\"}").body()).isEqualTo("{\"agentId\":\"a1\"}");
        HttpResponse<String> other = post("/console/api/login", null, "{\"agentId\":\"a2\",\"token\":\""
                + ConsoleRig.A1_TOKEN + "\"}");
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(other.body()).contains("the token is not agent a2's");
        HttpResponse<String> malformed = post("/console/api/login", null, "{\"agentId\":\"a1\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");
    }

    @Test
    void anAgentCancelsAnIncidentOfTheirDroneAndTheCentreRecordsTheirIdentity() throws Exception {
        String id = callerIncident(0.0005);
        HttpResponse<String> r = post("/console/api/incidents/" + id + "/cancel", ConsoleRig.A1_TOKEN,
                "{\"reason\":\"false alarm\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(rig.centre.incident(id).get().orElseThrow().state()).isEqualTo(IncidentState.CANCELLED);
        assertThat(rig.trail()).anySatisfy(c -> {
            assertThat(c.actor()).isEqualTo("a1");
            assertThat(c.action()).isEqualTo(CentreAction.CANCEL);
            assertThat(c.incidentId()).isEqualTo(id);
            assertThat(c.reason()).contains("false alarm");
        });
        HttpResponse<String> detail = get("/console/api/incidents/" + id, ConsoleRig.A1_TOKEN);
        assertThat(detail.body()).contains("\"actor\":\"a1\"").contains("\"action\":\"CANCEL\"")
                .contains("\"state\":\"CANCELLED\"");
        HttpResponse<String> again = post("/console/api/incidents/" + id + "/cancel", ConsoleRig.A1_TOKEN, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("has already ended CANCELLED");
    }

    @Test
    void badActionsAreRefusedWithAClearStatusRecordedAndCounted() throws Exception {
        long refusedBefore = rig.console.refusedActions();
        String id = callerIncident(0.0010);

        HttpResponse<String> notOnDuty = post("/console/api/incidents/" + id + "/approve", ConsoleRig.A2_TOKEN, "{}");
        assertThat(notOnDuty.statusCode()).isEqualTo(409);
        assertThat(notOnDuty.body()).contains("agent a2 is not on duty for drone 1 (agent a1 is)");
        assertThat(rig.centre.incident(id).get().orElseThrow().state()).isEqualTo(IncidentState.AWAITING_APPROVAL);

        HttpResponse<String> unknown = post("/console/api/incidents/I999999/cancel", ConsoleRig.A1_TOKEN, "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("incident 'I999999' is unknown");
        assertThat(post("/console/api/drones/77/recall", ConsoleRig.A1_TOKEN, "{}").statusCode()).isEqualTo(404);

        HttpResponse<String> outside = post("/console/api/drones/1/retask", ConsoleRig.A1_TOKEN,
                "{\"lat\":" + rig.merri.home().latDeg() + ",\"lon\":" + rig.merri.home().lonDeg() + "}");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("outside district 'Arsenal' of drone 1 (in 'Saint-Merri')");
        HttpResponse<String> otherDrone = post("/console/api/drones/2/retask", ConsoleRig.A1_TOKEN,
                "{\"lat\":" + rig.merri.home().latDeg() + ",\"lon\":" + rig.merri.home().lonDeg() + "}");
        assertThat(otherDrone.statusCode()).isEqualTo(403);
        assertThat(otherDrone.body()).contains("agent a1 is not on duty for drone 2");

        assertThat(post("/console/api/drones/1/retask", ConsoleRig.A1_TOKEN, "{\"lat\":\"x\",\"lon\":2}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> extra = post("/console/api/incidents/" + id + "/cancel", ConsoleRig.A1_TOKEN,
                "{\"why\":\"x\"}");
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(extra.body()).contains("field 'why' is not taken here");
        HttpResponse<String> big = post("/console/api/incidents/" + id + "/cancel", ConsoleRig.A1_TOKEN,
                "{\"reason\":\"" + "x".repeat(5000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        HttpResponse<String> notJson = HTTP.send(HttpRequest.newBuilder(URI.create(rig.url("/console/api/incidents/"
                        + id + "/cancel"))).header("Authorization", "Bearer " + ConsoleRig.A1_TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(get("/console/api/incidents/" + id + "/cancel", ConsoleRig.A1_TOKEN).statusCode()).isEqualTo(405);

        assertThat(rig.centre.incident(id).get().orElseThrow().state()).isEqualTo(IncidentState.AWAITING_APPROVAL);
        assertThat(rig.console.refusedActions() - refusedBefore).isEqualTo(5);
        assertThat(rig.trail()).filteredOn(c -> c.action() == CentreAction.AGENT_REFUSED)
                .extracting(CentreRecord::actor).contains("a1", "a2");
        assertThat(rig.trail()).filteredOn(c -> c.action() == CentreAction.AGENT_REFUSED)
                .extracting(CentreRecord::reason).anySatisfy(r -> assertThat(r).contains("outside district"));
    }

    @Test
    void liveUpdatesComeAtMostOncePerPeriodHoweverFastTheTelemetry() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> events = HTTP.send(HttpRequest.newBuilder(URI.create(
                rig.url("/console/api/events?token=" + ConsoleRig.A1_TOKEN))).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        java.util.concurrent.atomic.AtomicInteger states = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> events.body().forEach(l -> {
            if (l.equals("event: state")) {
                states.incrementAndGet();
            }
        }));
        reader.setDaemon(true);
        reader.start();
        long startNs = System.nanoTime();
        int updates = 0;
        while (System.nanoTime() - startNs < 1_000_000_000L) {
            updates++;
            rig.centre.position(1, org.vigie.geofence.geodesy.GeoPoint.of(rig.arsenal.home().latDeg()
                    + updates * 1e-6, rig.arsenal.home().lonDeg()));
            Thread.sleep(2);
        }
        double elapsedS = (System.nanoTime() - startNs) / 1e9;
        int seen = states.get();
        events.body().close();
        assertThat(updates).isGreaterThan(200);
        assertThat(seen).as("%d state events for %d position updates in %.2f s at a 100 ms period", seen, updates,
                elapsedS).isBetween(3, (int) Math.ceil(elapsedS * 10) + 2);
        System.out.printf(java.util.Locale.ROOT, "console feed: %d position updates in %.2f s -> %d state events"
                + " (period 100 ms)%n", updates, elapsedS, seen);
    }

    @Test
    void aRetaskToAPointOfTheDistrictSendsTheDrone() throws Exception {
        double lat = rig.arsenal.home().latDeg();
        double lon = rig.arsenal.home().lonDeg() - 0.0015;
        HttpResponse<String> r = post("/console/api/drones/1/retask", ConsoleRig.A1_TOKEN, "{\"lat\":" + lat
                + ",\"lon\":" + lon + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("drone 1");
        assertThat(rig.orders).anySatisfy(o -> assertThat(o.requesterId()).isEqualTo("a1"));
    }
}
