package org.vigie.bench.fleet;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.Tunnel;
import io.dronefleet.mavlink.minimal.MavType;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.fleet.mqtt.FleetTopics;
import org.vigie.fleet.mqtt.MosquittoBroker;
import org.vigie.fleet.mqtt.MqttCentreLink;
import org.vigie.fleet.mqtt.MqttDroneBridge;
import org.vigie.fleet.mqtt.MqttOptions;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.Transport;

/**
 * The fleet over direct UDP and over a local Mosquitto, in the same run: N light drones (a signed dispatch link each,
 * with its own key) send GLOBAL_POSITION_INT at 10 Hz carrying their send instant, and answer the centre's signed
 * TUNNEL order (one per drone every 10 s) with a TUNNEL echo; the centre (a signed link per drone, as FleetLinks)
 * checks every signature. Measured: telemetry latency p50/p99 (send to the centre's listener), order round trip
 * p50/p99, messages/s delivered, CPU per 1,000 messages (this JVM, and the broker's process), heap and broker RSS.
 *
 * <p>Usage: {@code FleetTransportStudy [drones=240] [seconds=20] [mqtt-only fleet sizes to try, e.g. 480,960]}.
 */
public final class FleetTransportStudy {

    private static final int HZ = 10;
    /** Drones per city topic tree (MAVLink system ids 1-254). */
    private static final int PER_CITY = 250;

    private FleetTransportStudy() {
    }

    record Result(String mode, int drones, long sent, long received, double p50Ms, double p99Ms, double orderP50Ms,
                  double orderP99Ms, long orders, long answers, double msgsPerSec, double jvmCpuMsPer1000,
                  double brokerCpuMsPer1000, long heapMb, long brokerRssMb) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %,d | %,d (%.2f %%) | %.2f | %.2f | %.1f | %.1f | %d/%d | %,.0f | %.1f | %.1f | %d | %d |",
                    mode, drones, sent, received, 100.0 * received / Math.max(1, sent), p50Ms, p99Ms, orderP50Ms,
                    orderP99Ms, answers, orders, msgsPerSec, jvmCpuMsPer1000, brokerCpuMsPer1000, heapMb,
                    brokerRssMb);
        }
    }

    static SigningKey key(int n) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (n * 31 + i * 7 + 1);
        }
        return SigningKey.of(b);
    }

    /** Latencies in microseconds, lock-free enough for a bench: one array per side, indexed atomically. */
    static final class Samples {
        final long[] us;
        final AtomicLong n = new AtomicLong();

        Samples(int cap) {
            us = new long[cap];
        }

        void add(long v) {
            long i = n.getAndIncrement();
            if (i < us.length) {
                us[(int) i] = v;
            }
        }

        double pct(double p) {
            int k = (int) Math.min(n.get(), us.length);
            if (k == 0) {
                return Double.NaN;
            }
            long[] c = Arrays.copyOf(us, k);
            Arrays.sort(c);
            return c[(int) Math.min(k - 1, Math.floor(p * k))] / 1000.0;
        }
    }

    static Result run(String mode, int drones, int seconds, Path dir) throws Exception {
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        RealtimeScheduler droneSide = new RealtimeScheduler("drones");
        RealtimeScheduler centreSide = new RealtimeScheduler("centre");
        List<AutoCloseable> closing = new ArrayList<>();
        MosquittoBroker broker = null;
        List<MqttCentreLink> centreLinks = new ArrayList<>();
        List<FleetTopics> cities = new ArrayList<>();
        for (int c = 0; c * PER_CITY < drones; c++) {
            cities.add(new FleetTopics("bench-" + c));
        }
        if (mode.equals("mqtt")) {
            Map<Integer, String> pw = new LinkedHashMap<>();
            for (int i = 1; i <= Math.min(drones, PER_CITY); i++) {
                pw.put(i, "d" + i);
            }
            broker = MosquittoBroker.start(dir.resolve("broker-" + drones), cities, Map.of("centre", "c"), pw);
            for (FleetTopics city : cities) {
                centreLinks.add(new MqttCentreLink(city, "centre", "active",
                        MqttOptions.of("127.0.0.1", broker.port(), "centre", "c"), () -> true,
                        new MqttCentreLink.StateListener() {
                            @Override
                            public void droneState(int droneSystemId, String word) {
                            }

                            @Override
                            public void centreState(String centreId, String word) {
                            }
                        }));
            }
        }
        Samples telemetry = new Samples(drones * HZ * seconds + 1000);
        Samples orders = new Samples(drones * seconds + 100);
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicLong ordersSent = new AtomicLong();
        AtomicLong answers = new AtomicLong();
        AtomicLong measuring = new AtomicLong(0);
        List<Cancellable> tasks = new ArrayList<>();
        SigningTimestamps centreTs = SigningTimestamps.open(centreSide, TimestampStore.inMemory(null));
        SigningTimestamps droneTs = SigningTimestamps.open(droneSide, TimestampStore.inMemory(null));
        for (int k = 1; k <= drones; k++) {
            final int id = (k - 1) % PER_CITY + 1;
            final int drone = id;
            FleetTopics city = cities.get((k - 1) / PER_CITY);
            Transport droneT;
            Transport centreT;
            if (mode.equals("mqtt")) {
                MqttDroneBridge bridge = MqttDroneBridge.start(city, id, MqttOptions.of("127.0.0.1",
                        broker.port(), MosquittoBroker.droneUser(city, id, cities.size()), "d" + id)
                        .withTelemetryPerSecond(HZ + 5));
                closing.add(bridge);
                droneT = bridge.transport();
                centreT = centreLinks.get((k - 1) / PER_CITY).channel(id);
            } else {
                int port;
                try (DatagramSocket s = new DatagramSocket(0)) {
                    port = s.getLocalPort();
                }
                droneT = org.vigie.link.transport.Transports.open("udpin://127.0.0.1:" + port);
                centreT = org.vigie.link.transport.Transports.open("udpout://127.0.0.1:" + port);
            }
            MavlinkLink d = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(id), key(k), droneTs, 0),
                    droneSide, callbacks, droneT);
            MavlinkLink c = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(255).withComponentId(190)
                    .withHeartbeatType(MavType.MAV_TYPE_GCS), key(k), centreTs, k & 0xFF), centreSide, callbacks,
                    centreT);
            closing.add(d);
            closing.add(c);
            c.subscribe(GlobalPositionInt.class, (p, f) -> {
                if (measuring.get() == 1) {
                    received.incrementAndGet();
                    telemetry.add((System.nanoTime() / 1000 - p.timeBootMs()) & 0xFFFF_FFFFL);
                }
            });
            d.subscribe(Tunnel.class, (t, f) -> d.send(Tunnel.builder().targetSystem(255).targetComponent(190)
                    .payloadType(io.dronefleet.mavlink.common.MavTunnelPayloadType.MAV_TUNNEL_PAYLOAD_TYPE_UNKNOWN).payloadLength(t.payloadLength()).payload(t.payload()).build()));
            c.subscribe(Tunnel.class, (t, f) -> {
                if (measuring.get() == 1 && f.sysId() == drone) {
                    answers.incrementAndGet();
                    orders.add(System.nanoTime() / 1000 - ByteBuffer.wrap(t.payload()).getLong());
                }
            });
            long phaseMs = (k * 97L) % 100;
            tasks.add(droneSide.scheduleAtFixedRate(Duration.ofMillis(phaseMs), Duration.ofMillis(1000 / HZ), () -> {
                if (measuring.get() == 1) {
                    sent.incrementAndGet();
                }
                d.send(GlobalPositionInt.builder().timeBootMs(System.nanoTime() / 1000 & 0xFFFF_FFFFL)
                        .lat(488566000 + drone).lon(23522000).alt(35000).relativeAlt(30000).build());
            }));
            long orderPhaseMs = (k * 7919L) % 10_000;
            tasks.add(centreSide.scheduleAtFixedRate(Duration.ofMillis(orderPhaseMs), Duration.ofSeconds(10), () -> {
                if (measuring.get() == 1) {
                    ordersSent.incrementAndGet();
                }
                byte[] body = ByteBuffer.allocate(8).putLong(System.nanoTime() / 1000).array();
                c.send(Tunnel.builder().targetSystem(drone).targetComponent(0).payloadType(io.dronefleet.mavlink.common.MavTunnelPayloadType.MAV_TUNNEL_PAYLOAD_TYPE_UNKNOWN).payloadLength(8)
                        .payload(body).build());
            }));
        }
        Thread.sleep(5000);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long brokerCpu0 = broker == null ? 0 : cpuTicks(broker.pid());
        long t0 = System.nanoTime();
        measuring.set(1);
        Thread.sleep(seconds * 1000L);
        measuring.set(2);
        double wallS = (System.nanoTime() - t0) / 1e9;
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        long brokerCpuMs = broker == null ? 0 : (cpuTicks(broker.pid()) - brokerCpu0) * 10;
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long rssMb = broker == null ? 0 : rssKb(broker.pid()) >> 10;
        long msgs = received.get() + answers.get() + ordersSent.get();
        Result r = new Result(mode, drones, sent.get(), received.get(), telemetry.pct(0.5), telemetry.pct(0.99),
                orders.pct(0.5), orders.pct(0.99), ordersSent.get(), answers.get(), msgs / wallS,
                cpuMs * 1000.0 / Math.max(1, msgs), brokerCpuMs * 1000.0 / Math.max(1, msgs), heapMb, rssMb);
        tasks.forEach(Cancellable::cancel);
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception ignored) {
                // bench teardown
            }
        }
        centreLinks.forEach(MqttCentreLink::close);
        if (broker != null) {
            broker.close();
        }
        droneSide.close();
        centreSide.close();
        callbacks.shutdownNow();
        return r;
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /**
     * @param args drones, seconds, larger MQTT fleets to try (comma-separated)
     * @throws Exception if a broker cannot start
     */
    public static void main(String[] args) throws Exception {
        int drones = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("vigie-fleet-bench");
        System.out.println("| transport | drones | telemetry sent | received | latency p50 ms | p99 ms | order RTT p50 ms"
                + " | p99 ms | answers/orders | messages/s | JVM CPU ms per 1,000 | broker CPU ms per 1,000 | heap MB"
                + " | broker RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.println(run("udp", drones, seconds, dir).row());
        System.out.println(run("mqtt", drones, seconds, dir).row());
        if (args.length > 2) {
            for (String n : args[2].split(",")) {
                System.out.println(run("mqtt", Integer.parseInt(n.trim()), seconds, dir).row());
            }
        }
        System.exit(0);
    }
}
