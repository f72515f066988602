package org.vigie.bench.services;

import java.net.DatagramSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.command.Target;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferOptions;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.Transports;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * Wall-clock time of a whole mission upload (MISSION_COUNT, the simulated ArduCopter asking for every item with the
 * legacy MISSION_REQUEST, MISSION_ITEM_INT answers, MISSION_ACK) with {@link MissionTransferService} and the link, to
 * the simulator ({@code sim}) on its own real-time thread.
 *
 * <ul>
 *   <li>{@code udpLoopback}: over real UDP sockets on 127.0.0.1 (the target: at most 100 ms for 30 items);</li>
 *   <li>{@code inMemoryBaseline}: the same services and simulator over an in-memory transport pair: what the protocol
 *       round trips cost without the socket path.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target-NAME/benchmarks.jar MissionUploadBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MissionUploadBenchmark {

    /** Items per upload. */
    @Param({"30", "100"})
    public int items;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private ExecutorService callbacks;
    private MissionTransferService udp;
    private MissionTransferService memory;
    private List<MissionItem> plan;

    /**
     * Starts two simulators (UDP, in-memory) and a link + transfer service to each.
     *
     * @throws Exception if a socket cannot be opened or a simulator does not answer within 10 s
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-callbacks"));
        plan = new ArrayList<>();
        plan.add(MissionItem.takeoff(30));
        for (int i = 1; i < items; i++) {
            plan.add(MissionItem.waypoint(48.8566 + i * 1e-5, 2.3522 + i * 1e-5, 30, 0));
        }
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        udp = start(Transports.open("udpin://127.0.0.1:" + port), "udpout://127.0.0.1:" + port, null);
        InMemoryTransport[] pair = InMemoryTransport.pair("ground", "sim");
        memory = start(pair[1], null, pair[0]);
    }

    private MissionTransferService start(org.vigie.link.transport.Transport simSide, String groundConnection,
                                         org.vigie.link.transport.Transport groundTransport) throws Exception {
        RealtimeScheduler simThread = new RealtimeScheduler("bench-sim", 1.0, Clock.systemUTC());
        closeables.add(simThread);
        SimVehicle sim = new SimVehicle(SimConfig.arduCopter(), simThread, simSide).start();
        closeables.add(0, sim);
        RealtimeScheduler groundThread = new RealtimeScheduler("bench-ground", 1.0, Clock.systemUTC());
        closeables.add(groundThread);
        MavlinkLink link = groundConnection != null
                ? MavlinkLink.open(LinkConfig.of(255).withComponentId(190), groundThread, callbacks, groundConnection)
                : MavlinkLink.create(LinkConfig.of(255).withComponentId(190), groundThread, callbacks,
                        groundTransport);
        closeables.add(0, link);
        link.awaitVehicle().get(10, TimeUnit.SECONDS);
        return new MissionTransferService(link, () -> Target.autopilot(AutopilotFlavour.ARDUPILOT),
                TransferOptions.defaults());
    }

    /** Closes links, simulators and threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        callbacks.shutdownNow();
    }

    private static TransferOutcome check(TransferOutcome o) {
        if (!o.succeeded()) {
            throw new IllegalStateException("upload failed: " + o.result() + " " + o.detail());
        }
        return o;
    }

    /**
     * One upload over UDP loopback.
     *
     * @return the outcome
     * @throws Exception on timeout
     */
    @Benchmark
    public TransferOutcome udpLoopback() throws Exception {
        return check(udp.upload(MissionType.MISSION, plan).get(30, TimeUnit.SECONDS));
    }

    /**
     * Baseline: one upload over the in-memory pair.
     *
     * @return the outcome
     * @throws Exception on timeout
     */
    @Benchmark
    public TransferOutcome inMemoryBaseline() throws Exception {
        return check(memory.upload(MissionType.MISSION, plan).get(30, TimeUnit.SECONDS));
    }
}
