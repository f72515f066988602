package org.vigie.bench.mission;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * Alert-to-on-scene time against its lower bound, over seeded dispatches in real Paris quartiers (two exclusion zones
 * each) flown against the simulator in simulated time. The lower bound is the straight line from home to the target
 * at the cruise speed plus the climb to transit altitude at the climb rate; the measured time runs from
 * {@code dispatch()} to the ON_SCENE phase and so includes preflight, uploads, arming, the detours around exclusion
 * zones and the descent to on-scene altitude. Not a JMH benchmark: the figure is in simulated seconds, not a speed
 * of this code.
 *
 * <p>Run: {@code java -cp bench/target-NAME/benchmarks.jar org.vigie.bench.mission.OnSceneTimeStudy [dispatches]
 * [path/to/paris-quartiers.geojson]}.
 */
public final class OnSceneTimeStudy {

    private OnSceneTimeStudy() {
    }

    /**
     * @param args optional dispatch count (default 20) and data file (default data/paris-quartiers.geojson)
     * @throws IOException if the data file cannot be read
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path data = Path.of(args.length > 1 ? args[1] : "data/paris-quartiers.geojson");
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(data);
        FlightConfig cfg = FlightConfig.defaults();
        Random rnd = new Random(4242);
        List<Double> ratios = new ArrayList<>();
        List<Double> overS = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < n; i++) {
            District d = DemoZones.withZones(ParisQuartiers.district(qs.get(rnd.nextInt(qs.size()))), 2,
                    rnd.nextLong());
            GeoPoint target = randomInside(d, rnd);
            ManualScheduler s = new ManualScheduler();
            InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sim");
            GeoPoint h = d.home();
            try (SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().seed(rnd.nextLong())
                    .home(h.latDeg(), h.lonDeg(), 35).build(), s, pair[1]).start();
                 MavlinkLink link = MavlinkLink.create(LinkConfig.of(1), s, s.callbackExecutor(), pair[0]);
                 Companion c = Companion.attach(link, d, CompanionOptions.defaults())) {
                s.advance(Duration.ofSeconds(3));
                Instant t0 = s.now();
                Flight f = c.dispatch(DispatchRequest.builder("STUDY-" + i, target.latDeg(), target.lonDeg())
                        .reason("study").requester("bench", "OnSceneTimeStudy").onSceneTime(Duration.ofSeconds(1))
                        .build());
                s.advanceUntil(() -> f.phase() == FlightPhase.ON_SCENE || f.phase().isTerminal(),
                        Duration.ofMillis(100), Duration.ofMinutes(20));
                if (f.phase() != FlightPhase.ON_SCENE) {
                    refused++;
                    System.out.printf(Locale.ROOT, "%2d %-28s refused/ended: %s%n", i, d.name(),
                            f.report().getNow(null) == null ? f.phase() : f.report().getNow(null).outcomeReason());
                    continue;
                }
                Instant onScene = f.events().stream().filter(e -> e instanceof FlightEvent.PhaseChanged p
                        && p.to() == FlightPhase.ON_SCENE).findFirst().orElseThrow().at();
                double measured = Duration.between(t0, onScene).toMillis() / 1000.0;
                double straight = d.geofence().frame().toLocal(h).horizontalDistanceM(d.geofence().frame()
                        .toLocal(target));
                double bound = straight / cfg.cruiseSpeedMps() + d.transitAltitudeRelM() / cfg.climbRateMps();
                ratios.add(measured / bound);
                overS.add(measured - bound);
                System.out.printf(Locale.ROOT, "%2d %-28s %6.0f m straight: on scene after %6.1f s, bound %6.1f s, "
                        + "ratio %.2f%n", i, d.name(), straight, measured, bound, measured / bound);
            }
        }
        ratios.sort(Double::compare);
        overS.sort(Double::compare);
        if (!ratios.isEmpty()) {
            System.out.printf(Locale.ROOT, "%d on scene, %d refused; ratio to lower bound: median %.2f, mean %.2f, "
                            + "max %.2f; excess over bound: median %.1f s, max %.1f s%n", ratios.size(), refused,
                    ratios.get(ratios.size() / 2), ratios.stream().mapToDouble(x -> x).average().orElse(0),
                    ratios.get(ratios.size() - 1), overS.get(overS.size() / 2), overS.get(overS.size() - 1));
        }
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
}
