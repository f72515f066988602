package org.vigie.centre.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.centre.CentreOptions;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.DroneCommands;
import org.vigie.centre.InMemoryCentreRecorder;
import org.vigie.centre.Roster;
import org.vigie.centre.alert.Button;
import org.vigie.centre.alert.ButtonKind;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.RealtimeScheduler;

/** The HTTP intake over a real socket on loopback: good alerts, every kind of bad input, the token, the limits. */
class CentreHttpTest {

    private static final String TOKEN = "test-token-0123456789";

    private final List<DispatchRequest> orders = new CopyOnWriteArrayList<>();
    private ExecutorService callbacks;
    private RealtimeScheduler scheduler;
    private DispatchCentre centre;
    private CentreHttpServer server;
    private HttpClient http;
    private District arsenal;

    @BeforeEach
    void start() throws Exception {
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        arsenal = ParisQuartiers.district(ParisQuartiers.byName(qs, "Arsenal"));
        District merri = ParisQuartiers.district(ParisQuartiers.byName(qs, "Saint-Merri"));
        callbacks = Executors.newSingleThreadExecutor();
        scheduler = new RealtimeScheduler("centre", 1.0, Clock.systemUTC());
        DroneCommands pending = new DroneCommands() {
            @Override
            public CompletableFuture<DispatchAck> dispatch(int drone, DispatchRequest r) {
                orders.add(r);
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<DispatchAck> retask(int drone, long flightId, DispatchRequest r) {
                orders.add(r);
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<DispatchAck> cancel(int drone, long flightId, String who, String origin,
                                                         String why) {
                return new CompletableFuture<>();
            }
        };
        centre = DispatchCentre.start(scheduler, callbacks, new DistrictIndex(List.of(arsenal, merri)),
                ButtonRegistry.of(List.of(new Button("B1", arsenal.home(), ButtonKind.STREET_POST),
                        new Button("B2", merri.home(), ButtonKind.PERSONAL_DEVICE))), pending,
                new InMemoryCentreRecorder(), CentreOptions.defaults().withSilenceTimeout(Duration.ofMinutes(10)));
        centre.register(new DroneRecord(1, arsenal.name(), "k1", arsenal.home()));
        centre.register(new DroneRecord(2, merri.name(), "k2", merri.home()));
        centre.setRoster(Roster.empty().assign(1, "a1").assign(2, "a2"));
        centre.heard(1);
        centre.heard(2);
        server = CentreHttpServer.start(centre, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TOKEN,
                1024, Duration.ofSeconds(5), 2);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        centre.close();
        scheduler.close();
        callbacks.shutdownNow();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/alerts")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void aButtonPressOpensAnIncidentThatCanBeReadBackAndTheFleetIsListed() throws Exception {
        HttpResponse<String> r = post("{\"type\":\"button\",\"buttonId\":\"B1\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"result\":\"opened\"").contains("\"state\":\"ORDERED\"");
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/incidents/I000001");
        HttpResponse<String> merged = post("{\"type\":\"button\",\"buttonId\":\"B1\"}");
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(merged.body()).contains("\"result\":\"merged\"").contains("\"alerts\":2");

        HttpResponse<String> inc = get(location);
        assertThat(inc.statusCode()).isEqualTo(200);
        assertThat(inc.body()).contains("\"id\":\"I000001\"").contains("\"district\":\"Arsenal\"")
                .contains("\"kind\":\"STREET_POST\"");
        HttpResponse<String> caller = post("{\"type\":\"caller\",\"callerId\":\"op-7\",\"lat\":"
                + arsenal.home().latDeg() + ",\"lon\":" + (arsenal.home().lonDeg() + 0.001)
                + ",\"priority\":\"emergency\",\"description\":\"smoke from a window\"}");
        assertThat(caller.statusCode()).as(caller.body()).isIn(200, 201);

        HttpResponse<String> fleet = get("/fleet");
        assertThat(fleet.statusCode()).isEqualTo(200);
        assertThat(fleet.body()).contains("\"systemId\":1").contains("\"systemId\":2")
                .contains("\"availability\":\"READY\"");

        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/openapi.yaml")).GET());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).startsWith("openapi: 3.0.3").contains("/alerts:").contains("/incidents/{id}:")
                .contains("/fleet:");
    }

    @Test
    void badInputGetsAClear4xxNamingTheFieldIsCountedAndLeavesTheFleetUndisturbed() throws Exception {
        record Case(String body, int status, String field, String text) {
        }
        List<Case> cases = List.of(
                new Case("{\"type\":\"button\",\"buttonId\":", 400, null, "malformed JSON at line 1, column"),
                new Case("[1,2]", 400, null, "the body must be one JSON object"),
                new Case("{\"buttonId\":\"B1\"}", 400, "type", "type is missing"),
                new Case("{\"type\":\"drone\"}", 400, "type", "type 'drone' is not"),
                new Case("{\"type\":\"button\",\"buttonId\":\"B1\",\"extra\":1}", 400, "extra",
                        "unknown field 'extra'"),
                new Case("{\"type\":\"button\",\"buttonId\":7}", 400, "buttonId", "buttonId must be a string"),
                new Case("{\"type\":\"button\",\"buttonId\":\"\"}", 400, "buttonId", "buttonId is missing or blank"),
                new Case("{\"type\":\"button\",\"buttonId\":\"B1\",\"buttonId\":\"B2\"}", 400, "buttonId",
                        "buttonId appears twice"),
                new Case("{\"type\":\"caller\",\"callerId\":\"c\",\"lat\":\"48.8\",\"lon\":2.3,\"priority\":"
                        + "\"URGENT\",\"description\":\"x\"}", 400, "lat", "lat must be a number"),
                new Case("{\"type\":\"caller\",\"callerId\":\"c\",\"lat\":95,\"lon\":2.3,\"priority\":"
                        + "\"URGENT\",\"description\":\"x\"}", 400, "lat", "lat 95.0 is not a latitude"),
                new Case("{\"type\":\"caller\",\"callerId\":\"c\",\"lat\":48.8,\"lon\":2.3,\"priority\":"
                        + "\"SOON\",\"description\":\"x\"}", 400, "priority", "priority 'SOON' is not"),
                new Case("{\"type\":\"caller\",\"callerId\":\"c\",\"lat\":48.8,\"lon\":2.3,\"priority\":"
                        + "\"URGENT\"}", 400, "description", "description is missing"),
                new Case("{\"type\":\"button\",\"buttonId\":\"B999\"}", 422, "buttonId",
                        "button 'B999' is not registered (2 buttons known)"),
                new Case("{\"type\":\"caller\",\"callerId\":\"c\",\"lat\":48.90,\"lon\":2.20,\"priority\":"
                        + "\"URGENT\",\"description\":\"far away\"}", 422, "lat",
                        "outside every district of the city (2 districts)"));
        for (Case c : cases) {
            HttpResponse<String> r = post(c.body());
            assertThat(r.statusCode()).as(c.body() + " -> " + r.body()).isEqualTo(c.status());
            assertThat(r.body()).as(c.body()).contains(c.text());
            assertThat(r.body()).as(c.body()).contains(c.field() == null ? "\"field\":null"
                    : "\"field\":\"" + c.field() + "\"");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        }

        HttpResponse<String> big = post("{\"type\":\"button\",\"buttonId\":\"" + "x".repeat(2000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("more than the limit of 1024");
        HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/alerts")).header("Authorization",
                "Bearer " + TOKEN).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(
                "B1")));
        assertThat(text.statusCode()).isEqualTo(415);
        HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/fleet")).GET());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).isPresent();
        HttpResponse<String> badToken = send(HttpRequest.newBuilder(uri("/fleet"))
                .header("Authorization", "Bearer nope-nope-nope-nope").GET());
        assertThat(badToken.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongMethod = get("/alerts");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> unknown = get("/incidents/I424242");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("incident 'I424242' is unknown");

        // a flood of presses of one personal device: one incident, merges, then 429s
        int opened = 0;
        int merged = 0;
        int flood = 0;
        for (int i = 0; i < 20; i++) {
            int s = post("{\"type\":\"button\",\"buttonId\":\"B2\"}").statusCode();
            opened += s == 201 ? 1 : 0;
            merged += s == 200 ? 1 : 0;
            flood += s == 429 ? 1 : 0;
        }
        assertThat(opened).isEqualTo(1);
        assertThat(merged).isEqualTo(4);
        assertThat(flood).isEqualTo(15);

        assertThat(server.count(400)).isEqualTo(12);
        assertThat(server.count(422)).isEqualTo(2);
        assertThat(server.count(429)).isEqualTo(15);
        assertThat(server.count(401)).isEqualTo(2);
        assertThat(centre.stats().refusedInvalid()).isEqualTo(2);
        assertThat(centre.stats().refusedFlood()).isEqualTo(15);
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).alertId()).isEqualTo("I000001");
        assertThat(get("/fleet").body()).contains("\"systemId\":1,\"district\":\"Arsenal\"");
        assertThat(centre.fleet().get().get(0).availability().name()).isEqualTo("READY");
    }
}
