package org.vigie.bench.mission;

import io.dronefleet.mavlink.common.CommandAck;
import java.net.DatagramSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.Transports;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * Companion overhead from {@code Companion.dispatch()} to the take-off command acknowledged by the autopilot: preflight
 * checks and planning, fence upload and read-back, four fence parameters set and confirmed, mission upload and
 * read-back, GUIDED, arming, NAV_TAKEOFF and its COMMAND_ACK. Target: at most 0.5 s.
 *
 * <ul>
 *   <li>{@code udpLoopback}: the simulated ArduCopter on its own real-time thread behind real UDP sockets on
 *       127.0.0.1;</li>
 *   <li>{@code inMemoryBaseline}: the same over an in-memory transport pair (no socket path).</li>
 * </ul>
 * Each invocation needs a fresh vehicle on the ground, so the mode is single-shot with a new simulator, link and
 * companion per invocation (set up outside the measurement, and given 2 s to stream its telemetry).
 *
 * <p>Run: {@code java -jar bench/target-NAME/benchmarks.jar DispatchLatencyBenchmark -f 1 -wi 2 -i 10}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DispatchLatencyBenchmark {

    /** Transport between companion and simulator. */
    @Param({"udp", "memory"})
    public String transport;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private ExecutorService callbacks;
    private Companion companion;
    private CompletableFuture<Long> takeoffAcked;
    private DispatchRequest request;
    private int n;

    /**
     * Starts a fresh simulator, link and companion, and waits 2 s for telemetry.
     *
     * @throws Exception if the simulator does not answer
     */
    @Setup(Level.Invocation)
    public void setUp() throws Exception {
        District d = BenchDistricts.square();
        GeoPoint h = d.home();
        callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-callbacks"));
        RealtimeScheduler simThread = new RealtimeScheduler("bench-sim", 1.0, Clock.systemUTC());
        RealtimeScheduler companionThread = new RealtimeScheduler("bench-companion", 1.0, Clock.systemUTC());
        SimConfig cfg = SimConfig.builder().fastBoot().home(h.latDeg(), h.lonDeg(), 35).build();
        MavlinkLink link;
        SimVehicle sim;
        if (transport.equals("udp")) {
            int port;
            try (DatagramSocket s = new DatagramSocket(0)) {
                port = s.getLocalPort();
            }
            sim = new SimVehicle(cfg, simThread, Transports.open("udpin://127.0.0.1:" + port)).start();
            link = MavlinkLink.open(LinkConfig.of(1), companionThread, callbacks, "udpout://127.0.0.1:" + port);
        } else {
            InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sim");
            sim = new SimVehicle(cfg, simThread, pair[1]).start();
            link = MavlinkLink.create(LinkConfig.of(1), companionThread, callbacks, pair[0]);
        }
        closeables.add(link);
        closeables.add(sim);
        closeables.add(simThread);
        closeables.add(companionThread);
        link.awaitVehicle().get(10, TimeUnit.SECONDS);
        companion = Companion.attach(link, d, CompanionOptions.defaults());
        closeables.add(0, companion);
        takeoffAcked = new CompletableFuture<>();
        link.subscribe(CommandAck.class, (m, f) -> {
            if (m.command().value() == 22 && m.result().value() == 0) {
                takeoffAcked.complete(System.nanoTime());
            }
        });
        Thread.sleep(2000);
        GeoPoint target = d.geofence().frame().toGeo(150, 120, 0);
        request = DispatchRequest.builder("BENCH-" + (++n), target.latDeg(), target.lonDeg()).reason("benchmark")
                .requester("bench", "jmh").onSceneTime(Duration.ofSeconds(10)).build();
    }

    /** Closes everything. */
    @TearDown(Level.Invocation)
    public void tearDown() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        closeables.clear();
        callbacks.shutdownNow();
    }

    /**
     * dispatch() until the take-off COMMAND_ACK (ACCEPTED) arrives.
     *
     * @return the flight
     * @throws Exception if the take-off is not acknowledged within 20 s
     */
    @Benchmark
    public Flight dispatchToTakeoffAck() throws Exception {
        Flight f = companion.dispatch(request);
        takeoffAcked.get(20, TimeUnit.SECONDS);
        return f;
    }
}
