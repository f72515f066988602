package org.vigie.bench.mission;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.time.SpeedUpClock;
import org.vigie.link.transport.Transports;
import org.vigie.link.transport.UdpInTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * Complete dispatches flown in real time at several speed-ups: the simulator and the companion in this JVM, each on
 * its own {@link RealtimeScheduler} at the same speed-up, over real UDP loopback, callbacks on a separate thread (as
 * {@code CompanionMain}). Optionally loads the machine with busy threads that allocate (as other builds and tests on a
 * shared 2-core machine do), so that event threads are scheduled late and the garbage collector pauses them. Prints
 * completed/tried per speed-up and the reason of every flight that did not complete. Not a JMH benchmark.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.vigie.bench.mission.RealtimeFlightStudy [flights]
 * [speed-ups, comma-separated] [busy threads] [path/to/paris-quartiers.geojson]}, e.g. {@code 6 10,50,100 2}.
 */
public final class RealtimeFlightStudy {

    private RealtimeFlightStudy() {
    }

    /**
     * @param args flights per speed-up (default 5), speed-ups (default 10,50), busy threads (default 0), data file
     * @throws Exception if the data file cannot be read or a flight does not end in its wall-time bound
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] speeds = (args.length > 1 ? args[1] : "10,50").split(",");
        int busy = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path data = Path.of(args.length > 3 ? args[3] : "data/paris-quartiers.geojson");
        District d = ParisQuartiers.district(ParisQuartiers.byName(ParisQuartiers.load(data), "Arsenal"));
        GeoPoint target = near(d, 250);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < busy; i++) {
            Thread t = new Thread(() -> burn(stop), "study-load-" + i);
            t.setDaemon(true);
            t.start();
            load.add(t);
        }
        Map<String, String> summary = new LinkedHashMap<>();
        try {
            for (String s : speeds) {
                double speedUp = Double.parseDouble(s);
                int completed = 0;
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    FlightReport r = fly(d, target, speedUp, 1000 + i);
                    boolean ok = r.outcome() == FlightOutcome.COMPLETED;
                    completed += ok ? 1 : 0;
                    System.out.printf(Locale.ROOT, "%5.0fx flight %d: %s (%s) in %.1f s wall%n", speedUp, i,
                            r.outcome(), r.outcomeReason(), (System.nanoTime() - t0) / 1e9);
                }
                summary.put(s + "x", completed + "/" + n);
            }
        } finally {
            stop.set(true);
            for (Thread t : load) {
                t.join(1000);
            }
        }
        System.out.println("completed/tried with " + busy + " busy thread(s): " + summary);
    }

    private static void burn(AtomicBoolean stop) {
        long sink = 0;
        while (!stop.get()) {
            long[] garbage = new long[4096];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = i * 31L + sink;
            }
            sink += garbage[garbage.length - 1];
        }
        if (sink == 42) {
            System.out.print("");
        }
    }

    static FlightReport fly(District district, GeoPoint target, double speedUp, long seed) throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "study-callbacks");
            t.setDaemon(true);
            return t;
        });
        GeoPoint h = district.home();
        SpeedUpClock world = SpeedUpClock.of(speedUp);
        try (RealtimeScheduler air = new RealtimeScheduler("study-sim", world);
             RealtimeScheduler ground = new RealtimeScheduler("study-companion", world)) {
            UdpInTransport simSide = (UdpInTransport) Transports.open("udpin://127.0.0.1:0");
            try (SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().seed(seed)
                    .home(h.latDeg(), h.lonDeg(), 35).build(), air, simSide).start();
                 Companion companion = Companion.connect("udpout://127.0.0.1:" + simSide.localAddress().getPort(),
                         district, CompanionOptions.defaults(), ground, callbacks)) {
                Flight f = companion.dispatch(DispatchRequest.builder("STUDY-" + seed, target.latDeg(),
                        target.lonDeg()).reason("study").requester("bench", "RealtimeFlightStudy")
                        .onSceneTime(Duration.ofSeconds(10)).build());
                long wallLimitMs = (long) (Duration.ofMinutes(20).toMillis() / speedUp) + 30_000;
                try {
                    FlightReport r = f.report().get(wallLimitMs, TimeUnit.MILLISECONDS);
                    if (r.outcome() != FlightOutcome.COMPLETED && Boolean.getBoolean("vigie.debug")) {
                        f.events().forEach(e -> System.out.println("    " + e));
                    }
                    return r;
                } catch (TimeoutException e) {
                    throw new IOException("flight at " + speedUp + "x did not end within " + wallLimitMs + " ms", e);
                }
            }
        } finally {
            callbacks.shutdownNow();
        }
    }

    static GeoPoint near(District d, double distanceM) {
        var fr = d.geofence().frame();
        var home = fr.toLocal(d.home());
        for (int deg = 0; deg < 360; deg += 30) {
            double r = Math.toRadians(deg);
            GeoPoint p = fr.toGeo(home.eastM() + distanceM * Math.sin(r), home.northM() + distanceM * Math.cos(r), 0);
            if (d.geofence().contains(p) && d.geofence().exclusionAt(p).isEmpty()) {
                return p;
            }
        }
        throw new IllegalArgumentException("no target " + distanceM + " m from home inside " + d.name());
    }
}
