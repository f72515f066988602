package org.vigie.bench.sim;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.PositionTargetTypemask;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * How many simulated vehicles one JVM carries: one operation advances each thread's fleet by one second of
 * simulated time, so the real-time multiple is {@code 1 s / (time per operation)}.
 *
 * <p>Every vehicle flies (GUIDED, armed, took off to 30 m, then a 300 m leg and a hover) and streams what the
 * companion asks for in the recorded sessions: GLOBAL_POSITION_INT and ATTITUDE at 4 Hz, SYS_STATUS, GPS_RAW_INT,
 * EKF_STATUS_REPORT, MISSION_CURRENT, VFR_HUD, EXTENDED_SYS_STATE at 2 Hz, BATTERY_STATUS at 1 Hz, HOME_POSITION at
 * 0.5 Hz, plus HEARTBEAT: about 23 frames per vehicle per simulated second, encoded, framed and written to an
 * in-memory transport whose far end only counts bytes. Physics at 20 Hz.
 *
 * <ul>
 *   <li>{@code baselineOneVehicle}: one vehicle, one thread (the baseline);</li>
 *   <li>{@code fleetOnTwoThreads}: {@code vehiclesPerThread} vehicles on each of 2 threads, each thread with its
 *       own ManualScheduler (240 vehicles = 120 per thread on 2 cores).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target-X/benchmarks.jar SimFleetBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SimFleetBenchmark {

    /** One thread's fleet: its scheduler, vehicles and byte counters. */
    @State(Scope.Thread)
    public static class Fleet {
        /** Vehicles simulated by each benchmark thread. */
        @Param({"120"})
        public int vehiclesPerThread;

        private ManualScheduler scheduler;
        private final List<SimVehicle> vehicles = new ArrayList<>();
        private long bytes;

        /** Builds, boots and launches the fleet (setup work, not measured). */
        @Setup(Level.Trial)
        public void setUp() {
            build(vehiclesPerThread);
        }

        void build(int n) {
            scheduler = new ManualScheduler();
            MessageCodec codec = new MessageCodec();
            for (int i = 0; i < n; i++) {
                int sysId = 1 + (int) (Thread.currentThread().getId() * 131 + i) % 250;
                InMemoryTransport[] pair = InMemoryTransport.pair("gcs" + i, "sim" + i);
                pair[0].start(new TransportListener() {
                    @Override
                    public void onBytes(byte[] data, int offset, int length) {
                        bytes += length;
                    }
                });
                SimConfig config = SimConfig.builder().fastBoot().systemId(sysId).seed(i)
                        .home(48.80 + (i % 20) * 0.005, 2.25 + (i / 20) * 0.01, 35).groundTruthCapacity(4096)
                        .build();
                SimVehicle v = new SimVehicle(config, scheduler, pair[1]);
                v.start();
                vehicles.add(v);
                FrameWriter w = new FrameWriter();
                int[][] streams = {{33, 250_000}, {30, 250_000}, {1, 500_000}, {24, 500_000}, {193, 500_000},
                    {42, 500_000}, {74, 500_000}, {245, 500_000}, {147, 1_000_000}, {242, 2_000_000}};
                for (int[] s : streams) {
                    send(pair[0], w, codec, command(sysId, 511, s[0], s[1], 0));
                }
                send(pair[0], w, codec, command(sysId, 176, 1, 4, 0));
                scheduler.advance(Duration.ofMillis(100));
                send(pair[0], w, codec, command(sysId, 400, 1, 0, 0));
                send(pair[0], w, codec, command(sysId, 22, 0, 0, 30));
                scheduler.advance(Duration.ofMillis(100));
                send(pair[0], w, codec, SetPositionTargetGlobalInt.builder().timeBootMs(0).targetSystem(sysId)
                        .targetComponent(1).coordinateFrame(EnumValue.<MavFrame>create(6))
                        .typeMask(EnumValue.<PositionTargetTypemask>create(0x0FF8))
                        .latInt((int) Math.round((config.homeLatDeg() + 0.0027) * 1e7))
                        .lonInt((int) Math.round(config.homeLonDeg() * 1e7)).alt(30).build());
            }
            scheduler.advance(Duration.ofSeconds(5));
        }

        private static CommandLong command(int sysId, int cmd, float p1, float p2, float p7) {
            return CommandLong.builder().targetSystem(sysId).targetComponent(1).command(EnumValue.<MavCmd>create(cmd))
                    .confirmation(0).param1(p1).param2(p2).param3(0).param4(0).param5(0).param6(0).param7(p7)
                    .build();
        }

        private static void send(InMemoryTransport t, FrameWriter w, MessageCodec codec, Object msg) {
            MavlinkFrame f = w.encodeV2(255, 190, MessageTable.idOf(msg.getClass()), codec.encodePayload(msg), null);
            t.send(f.raw(), 0, f.raw().length);
        }

        /** Closes the vehicles. */
        @TearDown(Level.Trial)
        public void tearDown() {
            for (SimVehicle v : vehicles) {
                v.close();
            }
        }
    }

    /** The single-vehicle baseline. */
    @State(Scope.Thread)
    public static class Single {
        private final Fleet fleet = new Fleet();

        /** Builds one vehicle. */
        @Setup(Level.Trial)
        public void setUp() {
            fleet.build(1);
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void tearDown() {
            fleet.tearDown();
        }
    }

    /**
     * One simulated second of one vehicle.
     *
     * @param s the vehicle
     * @return bytes sent so far (kept alive)
     */
    @Benchmark
    @Threads(1)
    public long baselineOneVehicle(Single s) {
        s.fleet.scheduler.advance(Duration.ofSeconds(1));
        return s.fleet.bytes;
    }

    /**
     * One simulated second of a fleet, on each of two threads.
     *
     * @param f this thread's fleet
     * @return bytes sent so far (kept alive)
     */
    @Benchmark
    @Threads(2)
    public long fleetOnTwoThreads(Fleet f) {
        f.scheduler.advance(Duration.ofSeconds(1));
        return f.bytes;
    }
}
