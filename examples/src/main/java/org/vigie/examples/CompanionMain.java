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
import org.vigie.geofence.zone.DistrictLimits;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.mission.output.ReportJson;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
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
import org.vigie.mission.minimisation.SelectedTelemetrySink;
import org.vigie.mission.minimisation.TelemetryPart;
import org.vigie.mission.remoteid.RemoteIdConfig;
import java.util.Set;

/**
 * The companion launcher: flies dispatches against a real autopilot (or the standalone simulator) from the command
 * line.
 *
 * <pre>
 * java -cp examples/target/vigie-quickstart.jar org.vigie.examples.CompanionMain \
 *      tcpout://127.0.0.1:5760 district.geojson [--out vigie-out] [--preflight-timeout 90] [--on-scene 120] \
 *      [--requester operator-1] [--origin "console 1"] [--speedup 1] [--target 48.8556,2.3654]... \
 *      [--alert-id PARIS-4-0001] [--telemetry-udp 127.0.0.1:14600] [--zones FILE] [--authorisations FILE]
 *      [--authorisation ID] [--operator-id ID --self-id TEXT] [--klv-tags city] [--retention-days 7] [--help]
 * </pre>
 * Without {@code --target}, targets are read from standard input, one per line: {@code lat,lon[,reason]} (blank
 * lines and lines starting with {@code #} are skipped). The link to the autopilot opens first, so the companion's
 * HEARTBEAT goes out before the district is read. Before the first flight the launcher measures the autopilot's clock
 * against its own ({@link ClockRateCheck}) and refuses to fly, with a sentence, when they run at different rates.
 *
 * <p>Outputs, in {@code <out>/}: {@code accountability.jsonl} (one line per dispatch, appended) and, per flight,
 * {@code <alert id>/}: {@code report.json}, {@code flight.geojson} (the district and the flight; it reads back as the
 * district), {@code map.svg}, {@code flight.klv} and {@code telemetry.jsonl}. A dispatch refused before take-off leaves
 * only {@code report.json} (with the reason) and its accountability line. With {@code --telemetry-udp host:port} the
 * telemetry lines also go out as UDP datagrams (10 Hz). The district file is GeoJSON (a Vigie district) or a
 * QGroundControl {@code .plan} (its geoFence; home = its breach return point).
 *
 * <p>Flying lawfully ({@link LawfulOptions}, {@link LawfulSetup}, docs/lawful-flight.md): ED-269 zones and
 * authorisations gate every dispatch (refused with the reason, or re-planned around a zone, the note printed);
 * Remote ID operator data goes to the autopilot from the attach; the KLV tags and recorded telemetry are chosen; at
 * start, outputs older than the retention period are deleted unless held as evidence ({@code retention.jsonl}).
 *
 * <p>Exit status ({@link #EXIT_COMPLETED} ...): 0 every flight completed; 1 a flight was refused, aborted or failed,
 * or a target line was unusable; 2 nothing was flown because of the command line, the district file, the connection,
 * the clock-rate check, or no target at all. Every refusal is a sentence on standard error saying what to do.
 */
public final class CompanionMain {

    /** Exit status: every flight completed. */
    public static final int EXIT_COMPLETED = 0;
    /** Exit status: at least one flight was refused, aborted or failed, or a target line was unusable. */
    public static final int EXIT_FLIGHT_NOT_COMPLETED = 1;
    /** Exit status: nothing flown (command line, district file, connection, clock rate, no target). */
    public static final int EXIT_NOT_STARTED = 2;
    /** How long the launcher waits for the clock-rate measurement, in companion time. */
    static final Duration CLOCK_CHECK_GIVE_UP = Duration.ofSeconds(60);
    /** The target line column naming the authorisation: {@code 48.8556,2.3654,reason,auth=PP-2026-0412}. */
    static final String AUTH_COLUMN = "auth=";

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
     * @return the exit code: 0 all flights completed, 1 a flight did not complete, 2 nothing flown (see the class)
     */
    public static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        LauncherOptions o;
        try {
            o = LauncherOptions.parse(args, "CompanionMain on " + hostName());
        } catch (IllegalArgumentException e) {
            err.println("Bad arguments: " + e.getMessage());
            err.println(usage());
            return EXIT_NOT_STARTED;
        }
        if (o.help()) {
            out.println(help());
            return EXIT_COMPLETED;
        }
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-callbacks");
            t.setDaemon(true);
            return t;
        });
        try (RealtimeScheduler scheduler = new RealtimeScheduler("vigie-link", o.speedUp(), Clock.systemUTC());
             MavlinkLink link = MavlinkLink.open(LinkConfig.of(1), scheduler, callbacks, o.connection());
             TelemetryStream telemetry = new TelemetryStream(scheduler)) {
            CompletableFuture<Optional<ClockRate>> rate = ClockRateCheck.start(link, CLOCK_CHECK_GIVE_UP);
            District district;
            try {
                district = readDistrict(o.districtFile());
            } catch (IOException e) {
                err.println(DistrictFileProblem.sentence(o.districtFile(), e));
                return EXIT_NOT_STARTED;
            } catch (RuntimeException e) {
                err.println("Refusing to fly: the district file " + o.districtFile() + " is invalid: " + e.getMessage());
                return EXIT_NOT_STARTED;
            }
            LawfulSetup.Lawful lawful;
            try {
                lawful = LawfulSetup.prepare(o.lawful(), district, out);
            } catch (IllegalArgumentException e) {
                err.println("Refusing to fly: " + e.getMessage());
                return EXIT_NOT_STARTED;
            }
            Files.createDirectories(o.outDir());
            Path accountability = o.outDir().resolve("accountability.jsonl");
            if (o.telemetryUdp() != null) {
                telemetry.subscribe("udp " + o.telemetryUdp(), new JsonLinesUdpSink(o.telemetryUdp()), 10,
                        daemonThread("vigie-telemetry-udp"), 64);
            }
            try (AuditTrail trail = AuditTrail.open(accountability, AuditTrailOptions.defaults());
                 Companion companion = Companion.attach(link, district, CompanionOptions.defaults()
                         .withAccountability(MissionAudit.to(trail, ""))
                         .withFlight(FlightConfig.defaults().withPreflightTimeout(o.preflight())))) {
                out.printf(Locale.ROOT, "Vigie companion on %s, district '%s' (home %s), outputs in %s%n",
                        o.connection(), district.name(), district.home().latLonText(), o.outDir().toAbsolutePath());
                LawfulSetup.sweep(o.lawful(), lawful.retention(), o.outDir(), java.time.Instant::now, out,
                        companion.options().accountability()::retention);
                FlightTelemetryFeed.attach(companion, telemetry);
                if (lawful.gate() != null) {
                    companion.gateDispatches(lawful.gate());
                }
                RemoteIdConfig rid = lawful.remoteId();
                if (rid != null) {
                    companion.startRemoteId(rid);
                    out.printf(Locale.ROOT, "Remote ID: operator %s, self-ID '%s', operator location %s%n",
                            rid.operatorId(), rid.selfIdDescription(), rid.operatorLocation().latLonText());
                }
                if (o.targets().isEmpty()) {
                    out.println("Targets from standard input, one per line: lat,lon[,reason]");
                }
                return flyAll(o, lawful, district, companion, scheduler, telemetry, rate, in, out, err);
            }
        } catch (IllegalArgumentException e) {
            err.println("Cannot start: " + e.getMessage());
            return EXIT_NOT_STARTED;
        } catch (IOException e) {
            err.println("Cannot connect or write outputs: " + e.getMessage());
            return EXIT_NOT_STARTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return EXIT_FLIGHT_NOT_COMPLETED;
        } catch (ExecutionException | RuntimeException e) {
            err.println("Failed: " + e.getMessage());
            return EXIT_NOT_STARTED;
        } finally {
            callbacks.shutdown();
        }
    }

    /** Reads targets and flies each; the clock-rate verdict is awaited before the first. */
    private static int flyAll(LauncherOptions o, LawfulSetup.Lawful lawful, District district, Companion companion, RealtimeScheduler scheduler,
                              TelemetryStream telemetry, CompletableFuture<Optional<ClockRate>> rate,
                              BufferedReader in, PrintStream out, PrintStream err)
            throws IOException, InterruptedException, ExecutionException {
        boolean allCompleted = true;
        boolean rateChecked = false;
        int n = 0;
        int lines = 0;
        int idx = 0;
        String line;
        while ((line = o.targets().isEmpty() ? in.readLine()
                : (idx < o.targets().size() ? o.targets().get(idx++) : null)) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            lines++;
            DispatchRequest req;
            try {
                req = parseTarget(line, n + 1, scheduler, o.onScene(), o.requester(), o.origin(), o.alertId(),
                        o.lawful().authorisationId());
                if (req.authorisationId().isPresent() && o.lawful().authorisationsFile() == null) {
                    throw new IllegalArgumentException("it names authorisation " + req.authorisationId().get()
                            + " but no --authorisations FILE was given");
                }
                Optional<String> swapped = SwapHint.of(district, req.targetLatDeg(), req.targetLonDeg());
                if (swapped.isPresent()) {
                    throw new IllegalArgumentException(swapped.get());
                }
            } catch (IllegalArgumentException e) {
                err.println("Ignoring target '" + line + "': " + e.getMessage());
                allCompleted = false;
                continue;
            }
            if (!rateChecked) {
                rateChecked = true;
                out.println("Measuring the autopilot's clock against the companion's ...");
                Optional<ClockRate> r = awaitRate(rate, o.speedUp());
                if (r.isEmpty()) {
                    err.println("Note: the autopilot sent no time_boot_ms within " + CLOCK_CHECK_GIVE_UP.toSeconds()
                            + " s, so its clock rate could not be checked; flying anyway.");
                } else if (!r.get().matches()) {
                    err.println(r.get().mismatch(o.speedUp()));
                    return EXIT_NOT_STARTED;
                }
            }
            n++;
            java.util.concurrent.atomic.AtomicBoolean remoteIdRefused = new java.util.concurrent.atomic.AtomicBoolean();
            FlightReport r = fly(companion, scheduler, telemetry, req, o.outDir(), lawful, remoteIdRefused, out);
            Path dir = o.outDir().resolve(req.alertId());
            if (r.outcome() == FlightOutcome.COMPLETED) {
                out.printf(Locale.ROOT, "%s: COMPLETED (%s)%s. Files in %s%n", req.alertId(), r.outcomeReason(),
                        r.standOff() == null ? "" : "; " + r.standOff().sentence(), dir);
            } else {
                err.printf(Locale.ROOT, "%s: %s: %s.%s Report in %s%n", req.alertId(), r.outcome(), r.outcomeReason(),
                        r.outcome() == FlightOutcome.REFUSED ? " Nothing was flown." : "",
                        dir.resolve("report.json"));
                if ((remoteIdRefused.get() || r.outcomeReason().contains("OpenDroneID")) && lawful.remoteId() == null) {
                    err.println("The autopilot refused to arm for Remote ID (OpenDroneID; its DID_OPTIONS requires it):"
                            + " start the launcher with --operator-id"
                            + " (the operator registration number) and --self-id (the service, e.g. \"Police"
                            + " municipale Paris\"); the operator location is the district home unless"
                            + " --operator-location LAT,LON is given.");
                }
            }
            allCompleted &= r.outcome() == FlightOutcome.COMPLETED;
        }
        if (lines == 0) {
            err.println("No target: " + (o.targets().isEmpty() ? "standard input ended before any line" : "")
                    + ". Give --target lat,lon, or one line 'lat,lon[,reason]' per target on standard input.");
            return EXIT_NOT_STARTED;
        }
        return allCompleted && n > 0 ? EXIT_COMPLETED : EXIT_FLIGHT_NOT_COMPLETED;
    }

    /** Waits for the clock-rate measurement in wall time (its give-up is in companion time). */
    private static Optional<ClockRate> awaitRate(CompletableFuture<Optional<ClockRate>> rate, double speedUp)
            throws InterruptedException, ExecutionException {
        long wallMs = (long) (2 * CLOCK_CHECK_GIVE_UP.toMillis() / speedUp) + 5000;
        try {
            return rate.get(wallMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    private static FlightReport fly(Companion companion, RealtimeScheduler scheduler, TelemetryStream telemetry,
                                    DispatchRequest req, Path outDir, LawfulSetup.Lawful lawful,
                                    java.util.concurrent.atomic.AtomicBoolean remoteIdRefused, PrintStream out)
            throws IOException, InterruptedException, ExecutionException {
        District district = companion.district();
        Path dir = outDir.resolve(req.alertId());
        Files.createDirectories(dir);
        ExecutorService fileThread = daemonThread("vigie-telemetry-file");
        FlightReport r;
        try (KlvFileSink klv = new KlvFileSink(dir.resolve("flight.klv"));
             JsonLinesFileSink jsonl = new JsonLinesFileSink(dir.resolve("telemetry.jsonl"));
             MetadataStreamer streamer = MetadataStreamer.builder(scheduler, new FlatTerrain(0)).sink(klv)
                     .platformDesignation("Vigie").tagSelection(lawful.klvTags()).onPacket(FlightTelemetryFeed.cameraViews(telemetry)).build()) {
            // the file is closed here, after its queue drained, not by the subscription
            Set<TelemetryPart> recorded = lawful.recorded();
            SelectedTelemetrySink selected = recorded == null ? null : new SelectedTelemetrySink(jsonl, recorded);
            TelemetryStream.Subscription file = telemetry.subscribe("telemetry.jsonl",
                    selected == null ? jsonl::accept : s -> jsonl.accept(selected.select(s)), 10, fileThread, 256);
            try {
                Flight f = companion.dispatch(req);
                Companion.viewOf(f).ifPresent(c -> c.addTelemetryObserver(
                        new KlvFeed(streamer, CameraModel.of(60, 45))));
                f.addListener(new FlightPrinter(out, scheduler.now(), 10));
                f.addListener(e -> {
                    if (e instanceof FlightEvent.Warning w && w.message().contains("OpenDroneID")
                            || e instanceof FlightEvent.AutopilotMessage m && m.text().contains("OpenDroneID")) {
                        remoteIdRefused.set(true);
                    }
                });
                streamer.start();
                r = f.report().get();
                streamer.stop();
                // one more stream period so the terminal sample reaches the file
                CompletableFuture<Void> lastPeriod = new CompletableFuture<>();
                scheduler.schedule(Duration.ofMillis(300), () -> lastPeriod.complete(null));
                lastPeriod.get(10, TimeUnit.SECONDS);
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
        writeOutputs(dir, district, r);
        return r;
    }

    /**
     * A flight's files: all of them for a flight that started; for a dispatch refused before take-off only
     * {@code report.json} (the KLV and telemetry files it opened are removed: they hold nothing flown).
     */
    static void writeOutputs(Path dir, District district, FlightReport r) throws IOException {
        if (r.outcome() != FlightOutcome.REFUSED) {
            MapScenes.writeAll(dir, district, r);
            return;
        }
        Files.deleteIfExists(dir.resolve("flight.klv"));
        Files.deleteIfExists(dir.resolve("telemetry.jsonl"));
        Path tmp = dir.resolve(".report.json.tmp");
        Files.writeString(tmp, ReportJson.write(r) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("report.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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

    /**
     * A target line: {@code lat,lon[,reason]}, decimal degrees, latitude first.
     *
     * @param line      the line
     * @param n         the flight's number, 1 for the first
     * @param scheduler the clock, for generated alert ids
     * @param onScene   time on scene
     * @param requester who
     * @param origin    from where
     * @param alertId   the first flight's alert id (later ones get -2, -3, ...), or null for {@code CLI-<time>-<n>}
     * @return the request
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static DispatchRequest parseTarget(String line, int n, RealtimeScheduler scheduler, Duration onScene,
                                       String requester, String origin, @Nullable String alertId) {
        return parseTarget(line, n, scheduler, onScene, requester, origin, alertId, null);
    }

    /**
     * A target line: {@code lat,lon[,reason][,auth=ID]}, decimal degrees, latitude first; the last column, when it
     * starts with {@code auth=}, names the authorisation the flight flies under (over {@code authorisation}).
     *
     * @param line          the line
     * @param n             the flight's number, 1 for the first
     * @param scheduler     the clock, for generated alert ids
     * @param onScene       time on scene
     * @param requester     who
     * @param origin        from where
     * @param alertId       the first flight's alert id (later ones get -2, -3, ...), or null for {@code CLI-<time>-<n>}
     * @param authorisation the authorisation when the line names none ({@code --authorisation}), or null
     * @return the request
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static DispatchRequest parseTarget(String line, int n, RealtimeScheduler scheduler, Duration onScene,
                                       String requester, String origin, @Nullable String alertId,
                                       @Nullable String authorisation) {
        int lastComma = line.lastIndexOf(',');
        String auth = authorisation;
        if (lastComma >= 0 && line.substring(lastComma + 1).strip().startsWith(AUTH_COLUMN)) {
            auth = LawfulOptions.authorisationId("the column " + AUTH_COLUMN,
                    line.substring(lastComma + 1).strip().substring(AUTH_COLUMN.length()));
            line = line.substring(0, lastComma);
        }
        String[] parts = line.split(",", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("expected lat,lon[,reason] (decimal degrees, latitude first)");
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(parts[0].strip());
            lon = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latitude and longitude must be decimal degrees, e.g. 48.8556,2.3654");
        }
        List<String> wrong = new ArrayList<>();
        if (!(Math.abs(lat) <= 90)) {
            wrong.add("latitude " + parts[0].strip() + " is not within -90..90");
        }
        if (!(Math.abs(lon) <= 180)) {
            wrong.add("longitude " + parts[1].strip() + " is not within -180..180");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(String.join(" and ", wrong));
        }
        String reason = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : "dispatch from the command line";
        String id = alertId != null ? (n == 1 ? alertId : alertId + "-" + n)
                : String.format(Locale.ROOT, "CLI-%d-%d", scheduler.now().getEpochSecond(), n);
        DispatchRequest.Builder b = DispatchRequest.builder(id, lat, lon).priority(DispatchPriority.URGENT)
                .reason(reason).onSceneTime(onScene).requester(requester, origin);
        return (auth == null ? b : b.authorisation(auth)).build();
    }

    /**
     * Reads a district file: a Vigie GeoJSON district, or a QGroundControl {@code .plan}.
     *
     * @param file the file
     * @return the validated district
     * @throws IOException if it cannot be read ({@link DistrictFileProblem} says why in a sentence)
     * @throws IllegalArgumentException if it is not a valid district (the feature and vertex named)
     */
    static District readDistrict(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "is a folder");
        }
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".plan")) {
            String text = org.vigie.geofence.io.Json.readFile(file);
            return QgcPlanFence.toDistrict(QgcPlanFence.read(text), name.substring(0, name.length() - 5), null)
                    .build();
        }
        return GeoJsonDistricts.read(file, DistrictLimits.DEFAULT);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static String usage() {
        return "usage: CompanionMain <connection> <district.geojson|.plan> [--out DIR] [--preflight-timeout S] "
                + "[--on-scene S] [--requester ID] [--origin TEXT] [--speedup N] [--target lat,lon]... "
                + "[--alert-id ID] [--telemetry-udp host:port] [--zones FILE] [--waive ZONE]... "
                + "[--authorisations FILE] [--authorisation ID] [--home-amsl M] [--operator-id ID --self-id TEXT] "
                + "[--operator-location lat,lon] [--minimisation FILE] [--klv-tags LIST] [--retention-days N] "
                + "[--evidence-holds FILE] [--hold ID=REASON]... [--help]";
    }

    static String help() {
        return usage() + "\n\n"
                + "Flies dispatches over a district against a real autopilot, ArduCopter SITL or the simulator.\n\n"
                + "  <connection>          where the autopilot is: serial:///dev/ttyAMA0:921600, udpin://0.0.0.0:14540,\n"
                + "                        tcpout://127.0.0.1:5760 (SITL or SimMain), tcpin://0.0.0.0:5760\n"
                + "  <district>            a district file (README, \"District files\"; samples in data/districts/)\n"
                + "                        or a QGroundControl .plan\n"
                + "  --target LAT,LON      a target, decimal degrees, latitude first; repeat for several. Without it,\n"
                + "                        one 'lat,lon[,reason]' per line on standard input\n"
                + "  --alert-id ID         the first flight's alert id (then ID-2, ID-3, ...); default CLI-<time>-<n>\n"
                + "  --out DIR             output folder, default vigie-out: DIR/accountability.jsonl and, per flight,\n"
                + "                        DIR/<alert id>/ report.json flight.geojson map.svg flight.klv telemetry.jsonl\n"
                + "                        (a dispatch refused before take-off: report.json only)\n"
                + "  --on-scene S          seconds on scene, 1..3600, default " + LauncherOptions.DEFAULT_ON_SCENE_S + "\n"
                + "  --preflight-timeout S seconds PREFLIGHT waits for GPS, EKF and home, 1..3600, default "
                + LauncherOptions.DEFAULT_PREFLIGHT_S + "\n"
                + "  --requester ID        who dispatches (accountability), default cli-operator\n"
                + "  --origin TEXT         from where (accountability), default 'CompanionMain on <host>'\n"
                + "  --speedup N           the companion's clock rate, 1..1000, default 1: the same as the simulator's\n"
                + "                        or SITL's --speedup (measured before the first flight; a mismatch is refused)\n"
                + "  --telemetry-udp H:P   also send the telemetry lines as UDP datagrams to host:port\n\n"
                + "Flying lawfully (docs/lawful-flight.md):\n"
                + "  --zones FILE          ED-269 UAS geographical zones (data/ed269/): a zone in force during a\n"
                + "                        flight's window is flown around, or the dispatch is refused naming it\n"
                + "  --waive ZONE          a REQ_AUTHORISATION or CONDITIONAL zone the operator may always enter\n"
                + "  --authorisations FILE the district's authorisations (data/districts/arsenal-authorisations.json);\n"
                + "                        a dispatch outside a valid one is refused with the reason\n"
                + "  --authorisation ID    the authorisation every dispatch flies under; a target line may name its own\n"
                + "                        in a last column: lat,lon[,reason],auth=ID\n"
                + "  --home-amsl M         the district home's elevation, m above sea level, default "
                + LawfulOptions.DEFAULT_HOME_AMSL_M + " (AGL zone limits,\n"
                + "                        Remote ID operator altitude)\n"
                + "  --operator-id ID      Remote ID: the operator registration number (public part, at most "
                + RemoteIdConfig.MAX_OPERATOR_ID_CHARS + " chars)\n"
                + "  --self-id TEXT        Remote ID: the service, never the incident (at most "
                + RemoteIdConfig.MAX_DESCRIPTION_CHARS + " ASCII chars)\n"
                + "  --operator-location LAT,LON  Remote ID operator location, default the district home (dock)\n"
                + "                        Remote ID messages go to the autopilot from the moment it attaches\n"
                + "  --minimisation FILE   data-minimisation JSON (klvTags, recordedTelemetry, retentionDays)\n"
                + "  --klv-tags LIST       ST 0601 tags sent in flight.klv: city (no Mission ID), all, or numbers\n"
                + "                        2..142 separated by commas; default all (or the --minimisation file's)\n"
                + "  --retention-days N    at start, delete flight outputs in DIR older than N days (1..366), except\n"
                + "                        incidents held as evidence; each deletion in DIR/retention.jsonl\n"
                + "  --evidence-holds FILE the evidence holds, default DIR/evidence-holds.tsv\n"
                + "  --hold ID=REASON      hold incident ID as evidence (kept in the holds file); repeatable\n"
                + "  --help                this text\n\n"
                + "Exit status: 0 every flight completed; 1 a flight was refused, aborted or failed, or a target line\n"
                + "was unusable; 2 nothing was flown (bad option, district file, connection, clock rate, no target).";
    }
}
