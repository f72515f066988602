package org.vigie.bench.sitl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.flight.AircraftProfile;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.sitl.DispatchTimeline;
import org.vigie.sitl.SitlFlightRig;
import org.vigie.sitl.SitlInstallation;

/**
 * How long a dispatch takes to get going on the real ArduCopter, beside Vigie's simulator in the same run: dispatch to
 * the take-off command's ACCEPTED, to climbing through 5 m, to on scene, and the UPLOAD phase (fence and mission
 * uploaded and read back, FENCE_* set), for a warm autopilot (EKF using GPS before the dispatch). Times are the
 * companion's clock, simulated seconds; SITL and the simulator run at the same speed-up. Two configurations in the
 * same run: old (the legacy 8 m/s profile, fence, FENCE_* and everything uploaded at dispatch) and new (the DFR
 * profile applied and the fence made ready on attach, during the warm-up: the dispatch uploads only its route).
 *
 * <p>Not a JMH benchmark: the figures are protocol and flight time, not the speed of this code. Run: {@code mvn -q
 * -DskipTests package && java -cp bench/target/benchmarks.jar org.vigie.bench.sitl.SitlDispatchStudy [flights per
 * backend, default 3] [speed-up, default 5]} from the repository root (needs ../shared/sitl).
 */
public final class SitlDispatchStudy {

    private SitlDispatchStudy() {
    }

    /** One measured dispatch. */
    private record Row(String backend, String district, FlightOutcome outcome, String reason, double takeoffAckS,
            double climbingS, double onSceneS, double uploadS) {
    }

    /**
     * @param args optional flights per backend and speed-up
     * @throws Exception on a failure to start SITL or the simulator
     */
    public static void main(String[] args) throws Exception {
        int flights = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double speedUp = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        SitlInstallation inst = SitlInstallation.require();
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("data", "paris-quartiers.geojson"));
        District d = DemoZones.withZones(ParisQuartiers.district(ParisQuartiers.byName(qs, "Arsenal")), 0, 4);
        List<GeoPoint> targets = new ArrayList<>();
        for (int i = 0; i < flights; i++) {
            double a = Math.toRadians(200 + 35 * i);
            targets.add(DemoZones.offset(d, 250 * Math.sin(a), 250 * Math.cos(a)));
        }
        List<Row> rows = new ArrayList<>();
        String[] backends = new String[2 * CONFIGS.length];
        for (int c = 0; c < CONFIGS.length; c++) {
            backends[2 * c] = "ArduCopter SITL, " + CONFIGS[c];
            backends[2 * c + 1] = "Vigie simulator, " + CONFIGS[c];
        }
        for (String backend : backends) {
            CompanionOptions options = options(backend);
            for (int i = 0; i < flights; i++) {
                // a fresh autopilot per flight (a full battery: SITL's drains over consecutive flights), warmed up
                try (SitlFlightRig rig = backend.startsWith("Ardu")
                        ? SitlFlightRig.start(inst, d, options, speedUp)
                        : SitlFlightRig.simulator(d, options, speedUp)) {
                    warmUp(speedUp);
                    GeoPoint t = targets.get(i);
                    DispatchRequest req = DispatchRequest.builder("STUDY-" + i, t.latDeg(), t.lonDeg())
                            .priority(DispatchPriority.URGENT).reason("dispatch latency study")
                            .requester("bench", "SitlDispatchStudy").onSceneTime(Duration.ofSeconds(5)).build();
                    DispatchTimeline tl = DispatchTimeline.start(rig.companion().port());
                    Flight f = rig.dispatch(req);
                    tl.follow(f);
                    FlightReport r = rig.await(f, Duration.ofMinutes(10));
                    tl.close();
                    rows.add(new Row(backend, d.name(), r.outcome(), r.outcomeReason(), s(tl.toTakeoffAck()),
                            s(tl.toClimbing()), s(tl.toPhase(FlightPhase.ON_SCENE)),
                            s(r.phaseTimes().get(FlightPhase.UPLOAD))));
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nSpeed-up %.0f, %d flights per backend, district %s, warm autopilot%n",
                speedUp, flights, d.name());
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %12s %12s %10s%n", "median (sim s)", "take-off ACK",
                "through 5 m", "on scene", "UPLOAD", "completed");
        double[][] med = new double[backends.length][];
        int k = 0;
        for (String backend : backends) {
            List<Row> b = rows.stream().filter(r -> r.backend().equals(backend)).toList();
            med[k] = new double[] {median(b, 0), median(b, 1), median(b, 2), median(b, 3)};
            long ok = b.stream().filter(r -> r.outcome() == FlightOutcome.COMPLETED).count();
            System.out.printf(Locale.ROOT, "%-34s %12.1f %12.1f %12.1f %12.1f %7d/%d%n", backend, med[k][0],
                    med[k][1], med[k][2], med[k][3], ok, b.size());
            k++;
        }
        for (int c = 0; c < CONFIGS.length; c++) {
            double[] a = med[2 * c];
            double[] b = med[2 * c + 1];
            System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f %12.2f %12.2f%n", "SITL / simulator, " + CONFIGS[c],
                    a[0] / b[0], a[1] / b[1], a[2] / b[2], a[3] / b[3]);
        }
    }

    /** The two configurations compared: before issue 14 and after. */
    private static final String[] CONFIGS = {"old", "new"};

    /**
     * @param backend the backend and configuration label
     * @return old: the legacy 8 m/s profile, everything uploaded at dispatch; new: the DFR profile, readiness made
     *         on attach (during the warm-up), so the dispatch uploads only its route
     */
    private static CompanionOptions options(String backend) {
        boolean old = backend.endsWith("old");
        FlightConfig f = FlightConfig.defaults().withProfile(old ? AircraftProfile.legacy() : AircraftProfile.dfr())
                .withOnScene(FlightConfig.OnScene.hold());
        return CompanionOptions.defaults().withFlight(f).withReadyOnAttach(!old);
    }

    /**
     * A warm autopilot: 60 simulated seconds after it was first heard, ArduCopter SITL's EKF has used GPS for
     * 20 s or more (about 35-40 s after boot) and the simulator has been ready long since; the same wait for both.
     */
    private static void warmUp(double speedUp) throws InterruptedException {
        Thread.sleep((long) (60_000 / speedUp));
    }

    private static double s(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }

    private static double median(List<Row> rows, int col) {
        double[] v = rows.stream().mapToDouble(r -> switch (col) {
            case 0 -> r.takeoffAckS();
            case 1 -> r.climbingS();
            case 2 -> r.onSceneS();
            default -> r.uploadS();
        }).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2]
                : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
