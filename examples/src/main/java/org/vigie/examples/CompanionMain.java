package org.vigie.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigie.geofence.io.GeoJsonDistricts;
import org.vigie.geofence.io.QgcPlanFence;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;
import org.vigie.audit.AuditTrail;
import org.vigie.audit.AuditTrailOptions;
import org.vigie.mission.audit.MissionAudit;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.FlatTerrain;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.KlvFeed;
import org.vigie.mission.klv.KlvFileSink;
import org.vigie.mission.klv.MetadataStreamer;
import org.vigie.mission.output.MapScenes;
import org.vigie.mission.stream.FlightTelemetryFeed;
import org.vigie.mission.stream.JsonLinesFileSink;
import org.vigie.mission.stream.JsonLinesUdpSink;
import org.vigie.mission.stream.TelemetryStream;

/**
 * The companion launcher: flies dispatches against a real autopilot (or the standalone simulator) from the command
 * line.
 *
 * <pre>
 * java -cp examples/target/vigie-quickstart.jar org.vigie.examples.CompanionMain \
 *      tcpout://127.0.0.1:5760 district.geojson [--out vigie-out] [--preflight-timeout 90] [--on-scene 120] \
 *      [--requester operator-1] [--origin "console 1"] [--speedup 1] [--target 48.8556,2.3654] \
 *      [--telemetry-udp 127.0.0.1:14600]
 * </pre>
 * Without {@code --target}, targets are read from standard input, one per line: {@code lat,lon[,reason]} (blank
 * lines and lines starting with {@code #} are skipped). Each flight writes {@code report.json}, {@code flight.geojson},
 * {@code map.svg}, {@code flight.klv} and {@code telemetry.jsonl} (the dispatch telemetry stream at 10 Hz, one JSON
 * object per line) into {@code <out>/<alert id>/}; with {@code --telemetry-udp host:port} the same lines also go out
 * as UDP datagrams (one line each, 10 Hz) for a dispatch system; every dispatch is appended to
 * {@code <out>/accountability.jsonl}. The district file is GeoJSON (Vigie district FeatureCollection) or a
 * QGroundControl {@code .plan} (its geoFence; home = its breach return point).
 *
 * <p>Refuses to start, with a sentence and exit code 2, on a bad argument or an invalid district file; a dispatch whose
 * autopilot home lies outside the district is refused by PREFLIGHT with the distance. Exit code 0 when every flight
 * completed, 1 otherwise.
 */
public final class CompanionMain {

    private CompanionMain() {
    }

    /**
     * Entry point.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int code = run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out,
                System.err);
        System.exit(code);
    }

    /**
     * Runs the launcher.
     *
     * @param args  arguments
     * @param in    where targets are read from when no {@code --target} is given
     * @param out   progress output
     * @param err   error output
     * @return the exit code: 0 all flights completed, 1 a flight did not complete, 2 usage or setup error
     */
    public static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println(usage());
            return 2;
        }
        String connection = args[0];
        Path districtFile = Path.of(args[1]);
        Path outDir = Path.of("vigie-out");
        Duration preflight = Duration.ofSeconds(90);
        Duration onScene = Duration.ofSeconds(120);
        String requester = "cli-operator";
        String origin = "CompanionMain on " + hostName();
        double speedUp = 1.0;
        InetSocketAddress telemetryUdp = null;
        List<String> targets = new ArrayList<>();
        try {
            for (int i = 2; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                if (v == null) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                i++;
                switch (a) {
                    case "--out" -> outDir = Path.of(v);
                    case "--preflight-timeout" -> preflight = Duration.ofSeconds(Long.parseLong(v));
                    case "--on-scene" -> onScene = Duration.ofSeconds(Long.parseLong(v));
                    case "--requester" -> requester = v;
                    case "--origin" -> origin = v;
                    case "--speedup" -> speedUp = Double.parseDouble(v);
                    case "--target" -> targets.add(v);
                    case "--telemetry-udp" -> telemetryUdp = parseHostPort(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("Bad arguments: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        District district;
        try {
            district = readDistrict(districtFile);
        } catch (IOException e) {
            err.println("Cannot read the district file " + districtFile + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("Refusing to fly: the district file " + districtFile + " is invalid: " + e.getMessage());
            return 2;
        }
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-callbacks");
            t.setDaemon(true);
            return t;
        });
        try (RealtimeScheduler scheduler = new RealtimeScheduler("vigie-link", speedUp, Clock.systemUTC());
             TelemetryStream telemetry = new TelemetryStream(scheduler)) {
            Files.createDirectories(outDir);
            if (telemetryUdp != null) {
                telemetry.subscribe("udp " + telemetryUdp, new JsonLinesUdpSink(telemetryUdp), 10,
                        daemonThread("vigie-telemetry-udp"), 64);
            }
            try (AuditTrail trail = AuditTrail.open(outDir.resolve("accountability.jsonl"),
                         AuditTrailOptions.defaults());
                 Companion companion = Companion.connect(connection, district, CompanionOptions.defaults()
                         .withAccountability(MissionAudit.to(trail, ""))
                         .withFlight(FlightConfig.defaults().withPreflightTimeout(preflight)), scheduler, callbacks)) {
                out.printf(Locale.ROOT, "Vigie companion on %s, district '%s' (home %s), outputs in %s%n", connection,
                        district.name(), district.home().latLonText(), outDir.toAbsolutePath());
                FlightTelemetryFeed.attach(companion, telemetry);
                boolean allCompleted = true;
                int n = 0;
                if (targets.isEmpty()) {
                    out.println("Targets from standard input, one per line: lat,lon[,reason]");
                }
                String line;
                int idx = 0;
                while ((line = targets.isEmpty() ? in.readLine() : (idx < targets.size() ? targets.get(idx++) : null))
                        != null) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    DispatchRequest req;
                    try {
                        req = parseTarget(line, ++n, scheduler, onScene, requester, origin);
                    } catch (IllegalArgumentException e) {
                        err.println("Ignoring line '" + line + "': " + e.getMessage());
                        allCompleted = false;
                        continue;
                    }
                    FlightReport r = fly(companion, scheduler, telemetry, req, outDir, out);
                    out.printf(Locale.ROOT, "%s: %s (%s)%n", req.alertId(), r.outcome(), r.outcomeReason());
                    allCompleted &= r.outcome() == FlightOutcome.COMPLETED;
                }
                return allCompleted && n > 0 ? 0 : 1;
            }
        } catch (IOException e) {
            err.println("Cannot connect or write outputs: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return 1;
        } catch (ExecutionException | RuntimeException e) {
            err.println("Failed: " + e.getMessage());
            return 2;
        } finally {
            callbacks.shutdown();
        }
    }

    private static FlightReport fly(Companion companion, RealtimeScheduler scheduler, TelemetryStream telemetry,
                                    DispatchRequest req, Path outDir, PrintStream out)
            throws IOException, InterruptedException, ExecutionException {
        District district = companion.district();
        Path dir = outDir.resolve(req.alertId());
        Files.createDirectories(dir);
        ExecutorService fileThread = daemonThread("vigie-telemetry-file");
        try (KlvFileSink klv = new KlvFileSink(dir.resolve("flight.klv"));
             JsonLinesFileSink jsonl = new JsonLinesFileSink(dir.resolve("telemetry.jsonl"));
             MetadataStreamer streamer = MetadataStreamer.builder(scheduler, new FlatTerrain(0)).sink(klv)
                     .platformDesignation("Vigie").onPacket(FlightTelemetryFeed.cameraViews(telemetry)).build()) {
            // the file is closed here, after its queue drained, not by the subscription
            TelemetryStream.Subscription file = telemetry.subscribe("telemetry.jsonl", jsonl::accept, 10, fileThread,
                    256);
            try {
                Flight f = companion.dispatch(req);
                Companion.viewOf(f).ifPresent(c -> c.addTelemetryObserver(
                        new KlvFeed(streamer, CameraModel.of(60, 45))));
                f.addListener(new FlightPrinter(out, scheduler.now(), 10));
                streamer.start();
                FlightReport r = f.report().get();
                streamer.stop();
                // one more stream period so the terminal sample reaches the file
                CompletableFuture<Void> lastPeriod = new CompletableFuture<>();
                scheduler.schedule(Duration.ofMillis(300), () -> lastPeriod.complete(null));
                lastPeriod.get(10, TimeUnit.SECONDS);
                MapScenes.writeAll(dir, district, r);
                return r;
            } catch (TimeoutException e) {
                throw new ExecutionException("the scheduler stopped running", e);
            } finally {
                file.close();
                fileThread.shutdown();
                if (!fileThread.awaitTermination(10, TimeUnit.SECONDS)) {
                    out.println("telemetry.jsonl: the writer did not finish within 10 s");
                }
            }
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    static InetSocketAddress parseHostPort(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException("telemetry UDP target '" + v + "' must be host:port");
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("telemetry UDP port in '" + v + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("telemetry UDP port must be 1..65535, was " + port);
        }
        InetSocketAddress a = new InetSocketAddress(v.substring(0, colon), port);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("telemetry UDP host '" + v.substring(0, colon) + "' is unknown");
        }
        return a;
    }

    static DispatchRequest parseTarget(String line, int n, RealtimeScheduler scheduler, Duration onScene,
                                       String requester, String origin) {
        String[] parts = line.split(",", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("expected lat,lon[,reason]");
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(parts[0].strip());
            lon = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latitude and longitude must be numbers");
        }
        String reason = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : "dispatch from the command line";
        String id = String.format(Locale.ROOT, "CLI-%d-%d", scheduler.now().getEpochSecond(), n);
        return DispatchRequest.builder(id, lat, lon).priority(DispatchPriority.URGENT).reason(reason)
                .onSceneTime(onScene).requester(requester, origin).build();
    }

    static District readDistrict(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".plan")) {
            return QgcPlanFence.toDistrict(QgcPlanFence.read(text), name.substring(0, name.length() - 5), null)
                    .build();
        }
        return GeoJsonDistricts.read(text);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static String usage() {
        return "usage: CompanionMain <connection: serial:///dev/ttyAMA0:921600 | udpin://0.0.0.0:14540 | "
                + "tcpout://127.0.0.1:5760> <district.geojson|.plan> [--out DIR] [--preflight-timeout S] "
                + "[--on-scene S] [--requester ID] [--origin TEXT] [--speedup N] [--target lat,lon]... "
                + "[--telemetry-udp host:port]";
    }
}
