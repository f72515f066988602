package org.vigie.mission.sim;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.time.SpeedUpClock;
import org.vigie.link.transport.Transports;
import org.vigie.link.transport.UdpInTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightReport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * One dispatch flown in real time: the simulator and the companion in this JVM, each on its own
 * {@link RealtimeScheduler} at the same speed-up, talking MAVLink over real UDP sockets on loopback (the simulator
 * listens, the companion sends to it), with a separate callback thread as production has. Every wait is bounded.
 */
final class RealtimeRig {

    private RealtimeRig() {
    }

    /**
     * Flies one dispatch and returns its report.
     *
     * @param district where
     * @param target   the target
     * @param speedUp  scheduler seconds per wall second, both sides
     * @param seed     the simulator's seed
     * @param onScene  on-scene time (simulated)
     * @return the report
     * @throws TimeoutException if the flight did not end within 20 simulated minutes (plus 30 s of wall time)
     */
    static FlightReport fly(District district, GeoPoint target, double speedUp, long seed, Duration onScene)
            throws IOException, InterruptedException, TimeoutException, java.util.concurrent.ExecutionException {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rt-callbacks");
            t.setDaemon(true);
            return t;
        });
        GeoPoint h = district.home();
        SpeedUpClock world = SpeedUpClock.of(speedUp);
        try (RealtimeScheduler air = new RealtimeScheduler("rt-sim", world);
             RealtimeScheduler ground = new RealtimeScheduler("rt-companion", world)) {
            UdpInTransport simSide = (UdpInTransport) Transports.open("udpin://127.0.0.1:0");
            try (SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().seed(seed)
                    .home(h.latDeg(), h.lonDeg(), 35).build(), air, simSide).start();
                 Companion companion = Companion.connect("udpout://127.0.0.1:" + simSide.localAddress().getPort(),
                         district, CompanionOptions.defaults(), ground, callbacks)) {
                Flight f = companion.dispatch(DispatchRequest.builder("RT-" + seed, target.latDeg(), target.lonDeg())
                        .reason("real-time test").requester("tester", "RealtimeRig").onSceneTime(onScene).build());
                long wallLimitMs = (long) (Duration.ofMinutes(20).toMillis() / speedUp) + 30_000;
                return f.report().get(wallLimitMs, TimeUnit.MILLISECONDS);
            }
        } finally {
            callbacks.shutdownNow();
        }
    }

    /**
     * A target about {@code distanceM} from home, on the first bearing (in steps of 30°) that lands inside the fence.
     *
     * @param d         district
     * @param distanceM distance from home, metres
     * @return the target
     */
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
