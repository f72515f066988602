package org.vigie.bench.mission;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.Geofence;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.mission.FlightReport;
import org.vigie.mission.flight.AircraftProfile;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.FlightTimeModel;
import org.vigie.mission.flight.Readiness;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;
import org.vigie.sim.TruthSample;

/**
 * Dispatch to on scene over the 240 districts of the Paris plan (the 80 quartiers split into three sectors each by
 * {@link ParisQuartiers#sectors}, two exclusion zones added to each by {@link DemoZones}, fewer where they do not fit), with seeded targets of four
 * kinds: anywhere, behind an exclusion zone (beyond it seen from home), around a corner (the straight line from home
 * leaves the district) and inside an exclusion zone. Each target is flown twice in the same run against the simulator
 * (wind, gusts, GPS noise), with the old configuration (the legacy 8 m/s profile, everything uploaded at dispatch) and
 * the new one (the DFR profile, readiness made on attach before the alert). Reported per configuration: median, p95
 * and max of dispatch -> ON_SCENE, the ratio to the physical bound (straight line home -> target at the profile's
 * maximum speed plus its minimum climb, {@link FlightTimeModel#boundS}), dispatch -> take-off phase and -> climbing
 * through 5 m (ground truth), refusals by reason, and breaches judged on the simulator's ground truth (a true position
 * outside the district or inside an exclusion zone). Not a JMH benchmark: simulated seconds.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.vigie.bench.mission.TimeToSceneStudy [targetsPerDistrict]
 * [districtStride] [data file]}; defaults 6 targets in every district (about 20 minutes on a loaded 2-core machine);
 * {@code 2 6} is a smaller sample (every 6th district, 160 flights, about a minute). The target kinds rotate from one
 * district to the next.
 */
public final class TimeToSceneStudy {

    private TimeToSceneStudy() {
    }

    private enum Kind { ANYWHERE, BEHIND_EXCLUSION, AROUND_CORNER, IN_EXCLUSION }

    private record Config(String name, AircraftProfile profile, boolean readyOnAttach) {
    }

    private record Result(double toSceneS, double boundS, double toTakeoffS, double to5mS) {
    }

    private static final class Tally {
        final List<Result> done = new ArrayList<>();
        final Map<String, Integer> refusals = new TreeMap<>();
        int breaches;
        int flights;
        double worstRatio;
        String worst = "";
    }

    /**
     * @param args optional targets per district (default 6), district stride (default 1: all 240) and data file
     * @throws IOException if the data file cannot be read
     */
    public static void main(String[] args) throws IOException {
        int perDistrict = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int stride = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path data = Path.of(args.length > 2 ? args[2] : "data/paris-quartiers.geojson");
        List<District> districts = new ArrayList<>();
        List<ParisQuartiers.Quartier> qs = new ArrayList<>(ParisQuartiers.load(data));
        qs.sort(ParisQuartiers.BY_NUMBER);
        Map<String, String> loadRefusals = new TreeMap<>();
        for (ParisQuartiers.Quartier q : qs) {
            try {
                districts.addAll(ParisQuartiers.sectors(q));
            } catch (IllegalArgumentException e) {
                loadRefusals.put(q.name(), String.valueOf(e.getMessage()));
            }
        }
        Config[] configs = {
            new Config("old (legacy 8 m/s, upload at dispatch)", AircraftProfile.legacy(), false),
            new Config("new (DFR 15 m/s, ready on attach)", AircraftProfile.dfr(), true)};
        Tally[] tallies = {new Tally(), new Tally()};
        Random rnd = new Random(14_2026L);
        long wall0 = System.nanoTime();
        int used = 0;
        for (int i = 0; i < districts.size(); i += stride) {
            used++;
            District d = withZones(districts.get(i), rnd.nextLong());
            for (int k = 0; k < perDistrict; k++) {
                Kind kind = Kind.values()[(k + used) % Kind.values().length];
                GeoPoint target = target(d, kind, rnd);
                long simSeed = rnd.nextLong();
                double windN = rnd.nextGaussian() * 3;
                double windE = rnd.nextGaussian() * 3;
                for (int c = 0; c < configs.length; c++) {
                    fly(d, target, kind, configs[c], tallies[c], simSeed, windN, windE);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d districts of %d (stride %d; %d quartiers refused at load), %d targets "
                + "each, %.0f s wall%n", used, districts.size(), stride, loadRefusals.size(), perDistrict,
                (System.nanoTime() - wall0) / 1e9);
        loadRefusals.forEach((q, why) -> System.out.println("  load refused: " + q + ": " + why));
        for (int c = 0; c < configs.length; c++) {
            report(configs[c], tallies[c]);
        }
    }

    /** Two exclusion zones where they fit, else one, else none (the smallest sectors). */
    private static District withZones(District d, long seed) {
        for (int zones = 2; zones > 0; zones--) {
            try {
                return DemoZones.withZones(d, zones, seed);
            } catch (IllegalArgumentException e) {
                // too small for that many zones: try fewer
            }
        }
        return d;
    }

    private static void fly(District d, GeoPoint target, Kind kind, Config cfg, Tally tally, long simSeed,
                            double windN, double windE) {
        tally.flights++;
        ManualScheduler s = new ManualScheduler();
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sim");
        GeoPoint h = d.home();
        double simStartS = s.nanoTime() / 1e9;
        FlightConfig fc = FlightConfig.defaults().withProfile(cfg.profile()).withOnScene(FlightConfig.OnScene.hold());
        CompanionOptions options = CompanionOptions.defaults().withFlight(fc).withReadyOnAttach(cfg.readyOnAttach());
        try (SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().seed(simSeed)
                .home(h.latDeg(), h.lonDeg(), 35).wind(windN, windE, 1.0).gpsNoiseM(0.7).build(), s, pair[1]).start();
             MavlinkLink link = MavlinkLink.create(LinkConfig.of(1), s, s.callbackExecutor(), pair[0]);
             Companion c = Companion.attach(link, d, options)) {
            s.advance(Duration.ofSeconds(3));
            if (cfg.readyOnAttach()) {
                s.advanceUntil(() -> !(c.readiness().state() instanceof Readiness.State.Preparing),
                        Duration.ofMillis(100), Duration.ofSeconds(60));
            }
            Instant t0 = s.now();
            double dispatchS = s.nanoTime() / 1e9;
            Flight f = c.dispatch(DispatchRequest.builder("TTS", target.latDeg(), target.lonDeg()).reason("study")
                    .requester("bench", "TimeToSceneStudy").onSceneTime(Duration.ofSeconds(1)).build());
            s.advanceUntil(() -> f.phase() == FlightPhase.ON_SCENE || f.phase().isTerminal(), Duration.ofMillis(100),
                    Duration.ofMinutes(10));
            tally.breaches += breaches(d, sim.groundTruth().samples());
            if (f.phase() != FlightPhase.ON_SCENE) {
                FlightReport r = f.report().getNow(null);
                String why = r == null ? "still " + f.phase() : r.outcome() + ": " + r.outcomeReason();
                tally.refusals.merge(kind + " " + reasonKey(why), 1, Integer::sum);
                return;
            }
            double toScene = secondsTo(f, t0, FlightPhase.ON_SCENE);
            double toTakeoff = secondsTo(f, t0, FlightPhase.TAKEOFF);
            double to5m = Double.NaN;
            for (TruthSample ts : sim.groundTruth().samples()) {
                if (ts.altitudeRelM() >= 5) {
                    to5m = ts.timeS() - (dispatchS - simStartS);
                    break;
                }
            }
            double straight = horizontalM(d, h, target);
            double bound = new FlightTimeModel(cfg.profile(), fc.acceptanceRadiusM()).boundS(straight,
                    d.transitAltitudeRelM());
            tally.done.add(new Result(toScene, bound, toTakeoff, to5m));
            if (toScene / bound > tally.worstRatio) {
                tally.worstRatio = toScene / bound;
                tally.worst = String.format(Locale.ROOT, "%s %s %s: %.1f s for %.0f m (bound %.1f s)", d.name(), kind,
                        target.latLonText(), toScene, straight, bound);
            }
        }
    }

    private static double secondsTo(Flight f, Instant t0, FlightPhase phase) {
        return f.events().stream().filter(e -> e instanceof FlightEvent.PhaseChanged p && p.to() == phase)
                .findFirst().map(e -> Duration.between(t0, e.at()).toMillis() / 1000.0).orElse(Double.NaN);
    }

    private static double horizontalM(District d, GeoPoint a, GeoPoint b) {
        EnuPoint p = d.geofence().frame().toLocal(a.withAltitudeRelM(0));
        EnuPoint q = d.geofence().frame().toLocal(b.withAltitudeRelM(0));
        return Math.hypot(p.eastM() - q.eastM(), p.northM() - q.northM());
    }

    private static int breaches(District d, List<TruthSample> samples) {
        int n = 0;
        for (TruthSample ts : samples) {
            GeoPoint p = new GeoPoint(ts.latDeg(), ts.lonDeg(), 0);
            if (!d.geofence().contains(p) || d.geofence().exclusionAt(p).isPresent()) {
                n++;
            }
        }
        return n > 0 ? 1 : 0;
    }

    /** A refusal's sentence without its numbers and place names, to count refusals by reason. */
    static String reasonKey(String why) {
        String k = why.replaceAll("'[^']*'", "'…'").replaceAll("-?\\d+(\\.\\d+)?", "N");
        int cut = k.indexOf(" near ");
        return cut > 0 ? k.substring(0, cut) : k.length() > 110 ? k.substring(0, 110) : k;
    }

    private static GeoPoint target(District d, Kind kind, Random rnd) {
        Geofence g = d.geofence();
        for (int tries = 0; tries < 400; tries++) {
            GeoPoint p = switch (kind) {
                case ANYWHERE -> randomInside(d, rnd);
                case BEHIND_EXCLUSION -> behindExclusion(d, rnd);
                case AROUND_CORNER -> randomInside(d, rnd);
                case IN_EXCLUSION -> inExclusion(d, rnd);
            };
            if (p == null) {
                continue;
            }
            boolean free = g.contains(p) && g.exclusionAt(p).isEmpty();
            boolean ok = switch (kind) {
                case ANYWHERE, BEHIND_EXCLUSION -> free;
                case AROUND_CORNER -> free && !straightInside(d, p);
                case IN_EXCLUSION -> g.contains(p) && g.exclusionAt(p).isPresent();
            };
            if (ok) {
                return p;
            }
        }
        return randomInside(d, rnd);
    }

    private static boolean straightInside(District d, GeoPoint p) {
        GeoPoint h = d.home();
        for (int i = 1; i < 50; i++) {
            double f = i / 50.0;
            GeoPoint q = new GeoPoint(h.latDeg() + (p.latDeg() - h.latDeg()) * f,
                    h.lonDeg() + (p.lonDeg() - h.lonDeg()) * f, 0);
            if (!d.geofence().contains(q)) {
                return false;
            }
        }
        return true;
    }

    private static GeoPoint behindExclusion(District d, Random rnd) {
        List<Polygon> zones = d.geofence().exclusionsEnu();
        if (zones.isEmpty()) {
            return null;
        }
        Polygon z = zones.get(rnd.nextInt(zones.size()));
        Coordinate c = z.getCentroid().getCoordinate();
        double len = Math.hypot(c.x, c.y);
        if (len < 1) {
            return null;
        }
        double reach = Math.max(z.getEnvelopeInternal().getWidth(), z.getEnvelopeInternal().getHeight()) / 2
                + 20 + rnd.nextDouble() * 80;
        return d.geofence().frame().toGeo(c.x + c.x / len * reach, c.y + c.y / len * reach, 0);
    }

    private static GeoPoint inExclusion(District d, Random rnd) {
        List<Polygon> zones = d.geofence().exclusionsEnu();
        if (zones.isEmpty()) {
            return null;
        }
        Polygon z = zones.get(rnd.nextInt(zones.size()));
        var env = z.getEnvelopeInternal();
        return d.geofence().frame().toGeo(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                env.getMinY() + rnd.nextDouble() * env.getHeight(), 0);
    }

    private static GeoPoint randomInside(District d, Random rnd) {
        var env = d.geofence().inclusionEnu().getEnvelopeInternal();
        var fr = d.geofence().frame();
        while (true) {
            GeoPoint p = fr.toGeo(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight(), 0);
            if (d.geofence().contains(p) && d.geofence().exclusionAt(p).isEmpty()) {
                return p;
            }
        }
    }

    private static void report(Config cfg, Tally t) {
        System.out.printf(Locale.ROOT, "%n== %s: %d flights, %d on scene, %d refused or ended, %d with a breach%n",
                cfg.name(), t.flights, t.done.size(), t.flights - t.done.size(), t.breaches);
        if (!t.done.isEmpty()) {
            double[] scene = t.done.stream().mapToDouble(Result::toSceneS).sorted().toArray();
            double[] ratio = t.done.stream().mapToDouble(r -> r.toSceneS() / r.boundS()).sorted().toArray();
            double[] takeoff = t.done.stream().mapToDouble(Result::toTakeoffS).sorted().toArray();
            double[] bound = t.done.stream().mapToDouble(Result::boundS).sorted().toArray();
            double[] fiveM = t.done.stream().mapToDouble(Result::to5mS).filter(x -> !Double.isNaN(x)).sorted()
                    .toArray();
            long over = t.done.stream().filter(r -> r.toSceneS() / r.boundS() > 1.25).count();
            System.out.printf(Locale.ROOT, "dispatch -> on scene: median %.1f s, p95 %.1f s, max %.1f s%n",
                    q(scene, 0.5), q(scene, 0.95), scene[scene.length - 1]);
            System.out.printf(Locale.ROOT, "the physical bound itself: median %.1f s, p95 %.1f s, max %.1f s%n",
                    q(bound, 0.5), q(bound, 0.95), bound[bound.length - 1]);
            System.out.printf(Locale.ROOT, "ratio to the physical bound: median %.2f, p95 %.2f, max %.2f; %d of %d "
                    + "flights above 1.25%n", q(ratio, 0.5), q(ratio, 0.95), ratio[ratio.length - 1], over,
                    ratio.length);
            System.out.printf(Locale.ROOT, "dispatch -> TAKEOFF phase: median %.1f s; -> through 5 m (truth): median "
                    + "%.1f s, p95 %.1f s%n", q(takeoff, 0.5), q(fiveM, 0.5), q(fiveM, 0.95));
            System.out.println("worst ratio: " + t.worst);
        }
        t.refusals.forEach((why, n) -> System.out.printf(Locale.ROOT, "  refused %4d x %s%n", n, why));
    }

    private static double q(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
