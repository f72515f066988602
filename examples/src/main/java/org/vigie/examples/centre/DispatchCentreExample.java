package org.vigie.examples.centre;

import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.vigie.centre.CentreEvent;
import org.vigie.centre.CentreOptions;
import org.vigie.centre.DispatchCentre;
import org.vigie.centre.AuditCentreRecorder;
import org.vigie.centre.IncidentView;
import org.vigie.centre.Roster;
import org.vigie.centre.alert.ButtonRegistry;
import org.vigie.centre.alert.DistrictIndex;
import org.vigie.centre.fleet.DroneKeys;
import org.vigie.centre.fleet.DroneRecord;
import org.vigie.centre.console.AgentConsole;
import org.vigie.centre.console.AgentToken;
import org.vigie.centre.console.AgentTokens;
import org.vigie.centre.console.ConsoleRecorder;
import org.vigie.centre.console.Footprints;
import org.vigie.centre.http.CentreHttpServer;
import org.vigie.centre.link.FleetLinks;
import org.vigie.dispatch.DispatchClientOptions;
import org.vigie.examples.QuickStart;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.time.SpeedUpClock;

/**
 * A dispatch centre you can copy: two simulated drones (Arsenal and Saint-Merri, each a simulator, a companion and a
 * dispatch server on its own signed UDP link), a {@link DispatchCentre} with its {@link FleetLinks}, one agent on
 * duty (who confirms every launch, printed), and the HTTP intake on {@code http://127.0.0.1:8080}. It prints the
 * {@code curl} lines to send an alert, then every incident change and drone event as the drone flies.
 *
 * <p>Usage: {@code java -cp examples/target/vigie-quickstart.jar org.vigie.examples.centre.DispatchCentreExample
 * [--http-port 8080] [--token T] [--speed 1] [--demo]}. With {@code --demo} it posts one alert itself over HTTP,
 * waits until the drone is on scene and back on its dock, and exits (0 when on scene). Without it, it runs until
 * Ctrl-C.
 */
public final class DispatchCentreExample {

    /** The console token of the example's agent, agent-ana (12 hours from start). Never use it for real. */
    public static final String AGENT_TOKEN = "agent-ana-example-token";

    /** The example's bearer token unless {@code --token} is given. Never use it for real. */
    public static final String DEFAULT_TOKEN = "vigie-example-token-change-me";

    private DispatchCentreExample() {
    }

    /**
     * Runs the example.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the example, printing to {@code out}.
     *
     * @param args see the class description
     * @param out  where to print
     * @return 0 when (in demo mode) the drone reached the scene, 1 otherwise, 2 on a usage or start-up error
     */
    public static int run(String[] args, PrintStream out) {
        int httpPort = 8080;
        String token = DEFAULT_TOKEN;
        double speed = 1.0;
        boolean demo = false;
        java.nio.file.Path auditFile = java.nio.file.Path.of("vigie-out", "centre-audit.jsonl");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                    case "--token" -> token = args[++i];
                    case "--speed" -> speed = Double.parseDouble(args[++i]);
                    case "--demo" -> demo = true;
                    case "--audit" -> auditFile = java.nio.file.Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            out.println("usage: DispatchCentreExample [--http-port 8080] [--token T] [--speed 1] [--demo]"
                    + " [--audit FILE (default vigie-out/centre-audit.jsonl)]: "
                    + e.getMessage());
            return 2;
        }
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        SpeedUpClock clock = new SpeedUpClock(speed, Clock.systemUTC(), RealtimeScheduler.DEFAULT_MAX_LATENESS);
        List<SimulatedDrone> drones = new ArrayList<>();
        try {
            java.nio.file.Files.createDirectories(auditFile.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            out.println("Cannot create the folder of the audit trail " + auditFile + ": " + e);
            return 2;
        }
        try (org.vigie.audit.AuditTrail trail = org.vigie.audit.AuditTrail.open(auditFile,
                org.vigie.audit.AuditTrailOptions.defaults());
             RealtimeScheduler air = new RealtimeScheduler("air", clock);
             RealtimeScheduler droneDispatch = new RealtimeScheduler("drone-dispatch", clock);
             RealtimeScheduler centreScheduler = new RealtimeScheduler("centre", clock)) {
            // 1. the city: two quartiers, 100 seeded buttons
            List<ParisQuartiers.Quartier> qs = QuickStart.bundledQuartiers();
            List<District> districts = List.of(ParisQuartiers.district(ParisQuartiers.byName(qs, "Arsenal")),
                    ParisQuartiers.district(ParisQuartiers.byName(qs, "Saint-Merri")));
            DistrictIndex index = new DistrictIndex(districts);
            ButtonRegistry buttons = ButtonRegistry.seeded(index, 100, 0.2, 20, 42);

            // 2. the centre, its links (one signed link and key per drone) and its record
            DroneKeys keys = new DroneKeys();
            SigningTimestamps ts = SigningTimestamps.open(centreScheduler, TimestampStore.inMemory(null));
            FleetLinks links = new FleetLinks(centreScheduler, callbacks, keys, ts,
                    DispatchClientOptions.defaults().withRetries(Duration.ofSeconds(2), 5));
            AuditCentreRecorder recorder = new AuditCentreRecorder(trail);
            ConsoleRecorder consoleRecorder = new ConsoleRecorder(recorder, 500, 10_000, 1_000);
            DispatchCentre centre = DispatchCentre.start(centreScheduler, callbacks, index, buttons, links,
                    consoleRecorder,
                    CentreOptions.defaults().withTurnaround(Duration.ZERO).withOnSceneTime(Duration.ofSeconds(30)));
            links.feed(centre);

            // 3. the drones: each a simulator + companion + dispatch server on its own UDP port and key
            for (int i = 0; i < districts.size(); i++) {
                int id = i + 1;
                District d = districts.get(i);
                SigningKey key = exampleKey(id);
                keys.add("drone-" + id, key);
                DroneRecord record = new DroneRecord(id, d.name(), "drone-" + id, d.home());
                centre.register(record);
                int port = freePort();
                drones.add(new SimulatedDrone(id, d, key, port, air, droneDispatch, callbacks, id));
                links.connect(record, "udpout://127.0.0.1:" + port);
            }

            // 4. one agent on duty; here a console that confirms every launch and approves every caller
            centre.setRoster(Roster.roundRobin(List.of(1, 2), List.of("agent-ana")));
            CompletableFuture<IncidentView> firstEnded = new CompletableFuture<>();
            CompletableFuture<Void> backOnDock = new CompletableFuture<>();
            centre.onEvent(e -> {
                if (e instanceof CentreEvent.AgentAsked a) {
                    out.printf(Locale.ROOT, "[agent %s] %s %s (%s)%n", a.agentId(), a.approval() ? "approves"
                            : "confirms", a.incident().id(), a.incident().reason());
                    if (a.approval()) {
                        centre.approve(a.agentId(), a.incident().id());
                    } else {
                        centre.confirm(a.agentId(), a.incident().id());
                    }
                } else if (e instanceof CentreEvent.IncidentChanged c) {
                    IncidentView v = c.incident();
                    out.printf(Locale.ROOT, "[incident %s] %-9s drone %d: %s%n", v.id(), v.state(), v.droneSystemId(),
                            v.reason());
                    if (v.state().terminal()) {
                        firstEnded.complete(v);
                    }
                    if (v.state().terminal() && v.state() != org.vigie.centre.IncidentState.ON_SCENE) {
                        backOnDock.complete(null);
                    }
                } else if (e instanceof CentreEvent.DroneBack b) {
                    out.printf(Locale.ROOT, "[fleet] drone %d heard: district %s covered%n", b.droneSystemId(),
                            b.district());
                } else if (e instanceof CentreEvent.DroneDown d) {
                    out.printf(Locale.ROOT, "[fleet] drone %d DOWN: %s%n", d.droneSystemId(), d.reason());
                }
            });

            // 5. the HTTP intake
            try (CentreHttpServer http = CentreHttpServer.start(centre, new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), httpPort), token, 8192, Duration.ofSeconds(5), 4);
                 AgentConsole console = AgentConsole.mount(http, centre, new AgentTokens(List.of(new AgentToken(
                         "agent-ana", AGENT_TOKEN, Instant.now().plus(Duration.ofHours(12)))), Clock.systemUTC()),
                         consoleRecorder, new Footprints(), Clock.systemUTC(), 250, Duration.ofSeconds(5))) {
                String base = "http://127.0.0.1:" + http.port();
                out.println("Agents' console: " + base + "/console/ (agent-ana, token " + AGENT_TOKEN + ")");
                String button = buttons.all().iterator().next().id();
                String body = "{\"type\":\"button\",\"buttonId\":\"" + button + "\"}";
                out.println("Dispatch centre listening on " + base + " (OpenAPI: " + base + "/openapi.yaml)");
                out.println("Send an alert:");
                out.println("  curl -s -X POST -H 'Authorization: Bearer " + token + "' -H 'Content-Type: "
                        + "application/json' -d '" + body + "' " + base + "/alerts");
                out.println("Follow it:  curl -s -H 'Authorization: Bearer " + token + "' " + base
                        + "/incidents/I000001");
                out.println("The fleet:  curl -s -H 'Authorization: Bearer " + token + "' " + base + "/fleet");
                if (!demo) {
                    CountDownLatch forever = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
                    forever.await();
                    return 0;
                }
                awaitReady(centre, 2, Duration.ofSeconds(60));
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/alerts"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                out.println("POST /alerts -> " + r.statusCode() + " " + r.body());
                long waitS = (long) Math.ceil(600 / speed) + 30;
                IncidentView v = firstEnded.get(waitS, TimeUnit.SECONDS);
                boolean onScene = v.state() == org.vigie.centre.IncidentState.ON_SCENE;
                if (onScene) {
                    awaitLanded(centre, v.droneSystemId(), Duration.ofSeconds(waitS));
                }
                out.println("GET /fleet -> " + client.send(HttpRequest.newBuilder(URI.create(base + "/fleet"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
                out.println("Centre record: " + auditFile + " (" + trail.stats() + "; check it with AuditMain verify "
                        + auditFile + "); stats " + centre.stats());
                return onScene ? 0 : 1;
            } finally {
                links.close();
                centre.close();
                drones.forEach(SimulatedDrone::close);
            }
        } catch (Exception e) {
            out.println("The dispatch centre example could not run: " + e);
            return 2;
        } finally {
            callbacks.shutdownNow();
        }
    }

    private static void awaitReady(DispatchCentre centre, int count, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            long ready = centre.fleet().get(5, TimeUnit.SECONDS).stream()
                    .filter(d -> d.availability() == org.vigie.centre.fleet.Availability.READY).count();
            if (ready >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the drones were not ready within " + limit.toSeconds() + " s");
    }

    private static void awaitLanded(DispatchCentre centre, int drone, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            var d = centre.fleet().get(5, TimeUnit.SECONDS).get(drone - 1);
            if (d.flightId() == 0) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** A fixed example key per drone; a real centre loads its keys from its secret store. */
    static SigningKey exampleKey(int id) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (0x5A ^ (id * 13 + i * 29));
        }
        return SigningKey.of(b);
    }

    private static int freePort() throws java.io.IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
