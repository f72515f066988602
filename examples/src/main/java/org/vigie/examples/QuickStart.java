package org.vigie.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PrivacyZone;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
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
import org.vigie.mission.energy.EnergyModel;
import org.vigie.mission.camera.FlatTerrain;
import org.vigie.mission.flight.KlvFeed;
import org.vigie.mission.klv.KlvFileSink;
import org.vigie.mission.klv.MetadataStreamer;
import org.vigie.mission.klv.privacy.PrivacyPolicy;
import org.vigie.mission.klv.privacy.PrivacyPolygon;
import org.vigie.mission.output.MapScenes;
import org.vigie.mission.stream.FlightTelemetryFeed;
import org.vigie.mission.stream.JsonLinesFileSink;
import org.vigie.mission.stream.TelemetryStream;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * The quick start: one complete dispatch flight with no hardware.
 *
 * <p>Starts the simulated ArduCopter in-process (on a {@link ManualScheduler} driven as fast as the machine allows,
 * shared with the companion, its clock starting at the wall-clock time of the run), loads the real Paris quartier "Arsenal" from the bundled data, adds two exclusion zones
 * (one a police cordon across the direct line, so the route bends around it) and a privacy zone, dispatches the
 * drone to Place des Vosges, prints each phase with a progress line, and writes to
 * the output folder (default {@code ./vigie-out}): {@code report.json}, {@code flight.geojson}, {@code map.svg},
 * {@code flight.klv} (MISB ST 0601 at 10 Hz), {@code telemetry.jsonl} (the dispatch telemetry stream, JSON Lines at
 * 10 Hz: phase, position, velocity, attitude, battery, link quality, ETA, camera footprint) and
 * {@code accountability.jsonl}.
 *
 * <p>Usage: {@code java -jar examples/target/vigie-quickstart.jar [output-folder]}. Exit code 0 when the flight
 * completed, 1 with a sentence otherwise, 2 on a usage or I/O error.
 */
public final class QuickStart {

    /** Where the bundled Paris quartiers are on the class path. */
    public static final String QUARTIERS_RESOURCE = "org/vigie/examples/data/paris-quartiers.geojson";
    /** Place des Vosges, Paris 4e (inside the quartier Arsenal). */
    public static final GeoPoint PLACE_DES_VOSGES = GeoPoint.of(48.85560, 2.36540);
    private static final double HOME_AMSL_M = 35.0;
    /** The simulated quad: 5000 mAh at 11.1 V (55.5 Wh), about 14 A in hover. */
    public static final EnergyModel SIM_QUAD = new EnergyModel(55.5, 1.5, 160, 170, 0.5, 0.8, 0.20, 3.0);

    private QuickStart() {
    }

    /**
     * Runs the quick start.
     *
     * @param args optional output folder
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: java -jar examples/target/vigie-quickstart.jar [OUTPUT-FOLDER]\n\n"
                    + "Flies one dispatch over the quartier Arsenal against the embedded simulator and writes\n"
                    + "report.json, flight.geojson, map.svg, flight.klv, telemetry.jsonl and accountability.jsonl into\n"
                    + "OUTPUT-FOLDER (default vigie-out).\n\n"
                    + "Exit status: 0 the flight completed; 1 it did not (a sentence says why); 2 bad arguments or an\n"
                    + "output that cannot be written.");
            System.exit(0);
        }
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("The quick start takes one optional argument, the output folder; got "
                    + java.util.Arrays.toString(args) + " (--help says more)");
            System.exit(2);
        }
        Path out = Path.of(args.length > 0 ? args[0] : "vigie-out");
        try {
            FlightReport r = run(out);
            if (r.outcome() == FlightOutcome.COMPLETED) {
                System.out.println("Flight completed. Files in " + out.toAbsolutePath() + ": report.json, "
                        + "flight.geojson, map.svg (open it in a browser), flight.klv, telemetry.jsonl, "
                        + "accountability.jsonl");
                System.exit(0);
            }
            System.err.println("The flight did not complete: " + r.outcome() + ": " + r.outcomeReason());
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("The quick start could not run: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Loads the bundled Paris quartiers.
     *
     * @return the 80 quartiers
     * @throws IOException if the resource is missing
     */
    public static List<ParisQuartiers.Quartier> bundledQuartiers() throws IOException {
        try (InputStream in = QuickStart.class.getClassLoader().getResourceAsStream(QUARTIERS_RESOURCE)) {
            if (in == null) {
                throw new IOException("bundled data " + QUARTIERS_RESOURCE + " is missing from the class path");
            }
            return ParisQuartiers.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The demo district: quartier Arsenal with two exclusion zones and a privacy zone near Place des Vosges.
     *
     * @return the district
     * @throws IOException if the bundled data is missing
     */
    public static District demoDistrict() throws IOException {
        District base = ParisQuartiers.district(ParisQuartiers.byName(bundledQuartiers(), "Arsenal"));
        var f0 = base.geofence().frame();
        var h = f0.toLocal(base.home());
        var t = f0.toLocal(PLACE_DES_VOSGES);
        GeoPoint cordon = f0.toGeo((h.eastM() + t.eastM()) / 2, (h.northM() + t.northM()) / 2, 0);
        District withZones = DemoZones.withZones(base.toBuilder()
                .exclusion(new CircleExclusion("police cordon", "incident in progress, rue de Birague", cordon, 35))
                .build(), 1, 7);
        var frame = withZones.geofence().frame();
        var c = frame.toLocal(GeoPoint.of(48.85500, 2.36600));
        List<GeoPoint> square = List.of(frame.toGeo(c.eastM() - 25, c.northM() - 20, 0),
                frame.toGeo(c.eastM() + 25, c.northM() - 20, 0), frame.toGeo(c.eastM() + 25, c.northM() + 20, 0),
                frame.toGeo(c.eastM() - 25, c.northM() + 20, 0));
        return withZones.toBuilder().privacyZone(new PrivacyZone("school courtyard", square)).build();
    }

    /**
     * Runs the demo flight and writes the outputs.
     *
     * @param out output folder
     * @return the flight report
     * @throws IOException if an output cannot be written
     */
    public static FlightReport run(Path out) throws IOException {
        return fly(out, demoDistrict(), PLACE_DES_VOSGES, "Place des Vosges", "PARIS-4-0001");
    }

    /**
     * Flies one dispatch over any district against the embedded simulator (home 35 m AMSL, light wind, GPS noise)
     * and writes the outputs, as {@link #run(Path)} does for the demo district.
     *
     * @param out      output folder
     * @param district the district
     * @param target   the dispatch target, inside the district
     * @param place    the target's name, for the console
     * @param alertId  the alert id
     * @return the flight report
     * @throws IOException if an output cannot be written
     */
    public static FlightReport fly(Path out, District district, GeoPoint target, String place, String alertId)
            throws IOException {
        GeoPoint home = district.home();
        // simulated time starts now, so that each run's accountability record and report carry when it ran
        ManualScheduler scheduler = new ManualScheduler(java.time.Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "simulator");
        java.nio.file.Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "Vigie quick start: district '%s' (%d exclusion zones, %d privacy zone), home %s%n",
                district.name(), district.exclusions().size(), district.privacyZones().size(), home.latLonText());
        try (SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().home(home.latDeg(), home.lonDeg(),
                HOME_AMSL_M).wind(1.5, -1.0, 0.5).gpsNoiseM(0.3).seed(42).build(), scheduler, pair[1]).start();
             MavlinkLink link = MavlinkLink.create(LinkConfig.of(1), scheduler, scheduler.callbackExecutor(), pair[0]);
             AuditTrail trail = AuditTrail.open(out.resolve("accountability.jsonl"), AuditTrailOptions.defaults());
             KlvFileSink klv = new KlvFileSink(out.resolve("flight.klv"));
             TelemetryStream telemetry = new TelemetryStream(scheduler);
             MetadataStreamer streamer = MetadataStreamer.builder(scheduler, new FlatTerrain(HOME_AMSL_M))
                     .platformDesignation("Vigie demo").sink(klv)
                     .onPacket(FlightTelemetryFeed.cameraViews(telemetry))
                     .privacy(district.privacyZones().stream().map(p -> PrivacyPolygon.ofLatLon(p.name(),
                             p.ring().stream().map(g -> new double[] {g.latDeg(), g.lonDeg()}).toList())).toList(),
                             PrivacyPolicy.DEFAULT)
                     .onPrivacyEvent(e -> MissionAudit.to(trail, "").privacy(scheduler.now(), e)).build();
             Companion companion = Companion.attach(link, district,
                     CompanionOptions.defaults().withAccountability(MissionAudit.to(trail, "")).withEnergy(SIM_QUAD))) {
            CameraModel camera = CameraModel.of(60, 45);
            companion.onFlightStarted(f -> Companion.viewOf(f).ifPresent(c -> c.addTelemetryObserver(
                    new KlvFeed(streamer, camera))));
            FlightTelemetryFeed.attach(companion, telemetry);
            JsonLinesFileSink jsonl = new JsonLinesFileSink(out.resolve("telemetry.jsonl"));
            ExecutorService telemetryThread = Executors.newSingleThreadExecutor(r -> {
                Thread th = new Thread(r, "vigie-telemetry-file");
                th.setDaemon(true);
                return th;
            });
            TelemetryStream.Subscription file = telemetry.subscribe("telemetry.jsonl", jsonl, 10, telemetryThread,
                    256);
            streamer.start();
            scheduler.advance(Duration.ofSeconds(2));
            DispatchRequest request = DispatchRequest.builder(alertId, target.latDeg(), target.lonDeg())
                    .priority(DispatchPriority.URGENT).reason("emergency button pressed, " + place)
                    .onSceneTime(Duration.ofSeconds(60)).requester("operator-17", "Paris dispatch centre, console 3")
                    .build();
            System.out.printf(Locale.ROOT, "Dispatch %s to %s (%s) by %s: %s%n", request.alertId(), place,
                    target.latLonText(), request.requesterId(), request.reason());
            Flight flight = companion.dispatch(request);
            flight.addListener(new FlightPrinter(System.out, scheduler.now(), 10));
            scheduler.advanceUntil(() -> flight.report().isDone(), Duration.ofMillis(100), Duration.ofMinutes(30));
            streamer.stop();
            scheduler.advance(Duration.ofMillis(500)); // the stream's last period: the terminal sample goes out
            telemetryThread.shutdown();
            try {
                if (!telemetryThread.awaitTermination(10, TimeUnit.SECONDS)) {
                    throw new IOException("telemetry.jsonl: the writer did not finish within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while finishing telemetry.jsonl", e);
            }
            file.close();
            FlightReport r = flight.report().getNow(null);
            if (r == null) {
                throw new IllegalStateException("the flight did not end within 30 simulated minutes");
            }
            MapScenes.writeAll(out, district, r);
            System.out.printf(Locale.ROOT, "%s in %.0f s: flew %.0f m (planned %.0f m), energy %.1f Wh used "
                            + "(%.1f Wh planned), %d KLV packets, %d telemetry lines (%d dropped)%n", r.outcome(),
                    r.totalTime().toMillis() / 1000.0, r.flownDistanceM(), r.plannedDistanceM(), r.energyUsedWh(),
                    r.energyPlannedWh(), klv.written(), jsonl.written(), file.stats().dropped());
            return r;
        }
    }
}
