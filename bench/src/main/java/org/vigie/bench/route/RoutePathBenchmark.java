package org.vigie.bench.route;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.MavlinkMessage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.route.Endpoint;
import org.vigie.link.route.FrameSink;
import org.vigie.link.route.Router;

/**
 * The routing hot path on real ArduCopter traffic: the first {@value #FRAMES} frames of
 * {@code session3_from_sitl.raw} (boot banner and console text included) parsed (framing + CRC_EXTRA check), routed
 * from an "autopilot" endpoint to two ground endpoints (targeted frames only where their target was seen) and
 * written into a reused output buffer. Scores are per frame.
 *
 * <ul>
 *   <li>{@code vigieRoute}: FrameParser + Router on the allocation-free FrameView;</li>
 *   <li>{@code copyingRoute} (baseline): the same parse, but each frame copied into an immutable
 *       {@link MavlinkFrame} first (what a router built on the object API would do), then written;</li>
 *   <li>{@code dronefleetReadWrite} (baseline): dronefleet's {@code MavlinkConnection.next()} then
 *       {@code send2(...)} of each message into the reused buffer (decode + re-encode: the path a router built on
 *       dronefleet takes).</li>
 * </ul>
 * Run with {@code -prof gc} for bytes per frame ({@code gc.alloc.rate.norm}). The machine this runs on is often
 * shared: the secondary results {@code cpuNanos} and {@code frames} (sums per iteration of the benchmark thread's CPU
 * time and of frames processed) give the CPU cost per frame ({@code cpuNanos / frames}), which does not depend on how
 * much of the wall-clock time the thread was scheduled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutePathBenchmark {

    /** Frames per benchmark invocation (our paths). */
    public static final int FRAMES = 3000;
    /** Frames per invocation for the much slower dronefleet baselines (the same stream, shorter prefix). */
    public static final int DRONEFLEET_FRAMES = 300;

    /** An output that copies into a reused ring buffer, like a socket write would. */
    static final class ReusedBuffer extends OutputStream {
        final byte[] buf = new byte[1 << 16];
        int pos;
        long bytes;

        boolean put(byte[] data, int offset, int length) {
            if (pos + length > buf.length) {
                pos = 0;
            }
            System.arraycopy(data, offset, buf, pos, length);
            pos += length;
            bytes += length;
            return true;
        }

        @Override
        public void write(int b) {
            if (pos == buf.length) {
                pos = 0;
            }
            buf[pos++] = (byte) b;
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            put(b, off, len);
        }
    }

    /** CPU time of the benchmark thread and frames processed, summed per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** CPU nanoseconds of the benchmark thread in this iteration. */
        public long cpuNanos;
        /** Frames processed in this iteration. */
        public long frames;

        long start() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void stop(long start, int frameCount) {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            frames += frameCount;
        }
    }

    byte[] stream;
    byte[] shortStream;
    ReusedBuffer gcs1Out;
    ReusedBuffer gcs2Out;
    Router router;
    Endpoint autopilot;
    FrameParser routeParser;
    FrameParser copyParser;
    long routed;
    long copied;

    @Setup
    public void setUp() {
        stream = Captures.prefixWithFrames(Captures.read("session3_from_sitl.raw"), FRAMES);
        shortStream = Captures.prefixWithFrames(Captures.read("session3_from_sitl.raw"), DRONEFLEET_FRAMES);
        gcs1Out = new ReusedBuffer();
        gcs2Out = new ReusedBuffer();
        router = new Router();
        autopilot = router.addEndpoint("autopilot", (d, o, l) -> true);
        FrameSink sink1 = gcs1Out::put;
        FrameSink sink2 = gcs2Out::put;
        Endpoint gcs1 = router.addEndpoint("gcs1", sink1);
        router.addEndpoint("gcs2", sink2);
        MavlinkFrame gcsHeartbeat = new FrameWriter().encodeV2(255, 190, 0, new byte[] {0, 0, 0, 0, 6, 8, 0, 0, 3},
                null);
        FrameParser learn = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                router.route(gcs1, frame);
            }
        });
        learn.feed(gcsHeartbeat.raw());
        routeParser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                routed += router.route(autopilot, frame);
            }
        });
        copyParser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                MavlinkFrame f = frame.toFrame();
                byte[] raw = f.raw();
                gcs1Out.put(raw, 0, raw.length);
                gcs2Out.put(raw, 0, raw.length);
                copied++;
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long vigieRoute(Cpu cpu) {
        long t = cpu.start();
        routeParser.feed(stream, 0, stream.length);
        cpu.stop(t, FRAMES);
        return routed;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long copyingRoute(Cpu cpu) {
        long t = cpu.start();
        copyParser.feed(stream, 0, stream.length);
        cpu.stop(t, FRAMES);
        return copied;
    }

    @Benchmark
    @OperationsPerInvocation(DRONEFLEET_FRAMES)
    public void dronefleetReadWrite(Blackhole bh, Cpu cpu) throws IOException {
        long t = cpu.start();
        MavlinkConnection c = MavlinkConnection.create(new ByteArrayInputStream(shortStream), gcs1Out);
        while (true) {
            MavlinkMessage<?> m = next(c);
            if (m == null) {
                break;
            }
            c.send2(m.getOriginSystemId(), m.getOriginComponentId(), m.getPayload());
            bh.consume(m);
        }
        cpu.stop(t, DRONEFLEET_FRAMES);
    }

    @Benchmark
    @OperationsPerInvocation(DRONEFLEET_FRAMES)
    public void dronefleetRead(Blackhole bh, Cpu cpu) throws IOException {
        long t = cpu.start();
        MavlinkConnection c = MavlinkConnection.create(new ByteArrayInputStream(shortStream), gcs1Out);
        while (true) {
            MavlinkMessage<?> m = next(c);
            if (m == null) {
                break;
            }
            bh.consume(m);
        }
        cpu.stop(t, DRONEFLEET_FRAMES);
    }

    private static MavlinkMessage<?> next(MavlinkConnection c) throws IOException {
        try {
            return c.next();
        } catch (EOFException e) {
            return null;
        }
    }
}
