package org.vigie.bench.codec;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.MavlinkMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MessageCodec;

/**
 * Parse + CRC + typed decode of one recorded ArduCopter telemetry stream, by Vigie's codec and by dronefleet's
 * {@code MavlinkConnection} (the baseline) in the same run. One operation = one frame, so the scores are frames per
 * second; run with {@code -prof gc} for bytes allocated per frame ({@code gc.alloc.rate.norm}).
 *
 * <p>The stream is {@value #FRAMES} consecutive frames of {@code testdata/captures/session3_from_sitl.raw} (a real
 * ArduCopter in an AUTO mission with 11 streams requested: HEARTBEAT, ATTITUDE, GLOBAL_POSITION_INT, SYS_STATUS,
 * GPS_RAW_INT, VFR_HUD, BATTERY_STATUS, MISSION_CURRENT, EKF_STATUS_REPORT, ...), starting after the boot phase.
 * The capture directory is found from the working directory ({@code testdata/captures} or
 * {@code ../testdata/captures}) or the system property {@code vigie.captures}.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar CodecDecodeBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CodecDecodeBenchmark {

    /** Frames per operation batch. */
    public static final int FRAMES = 2000;
    /** Frames skipped at the start of the capture (boot: parameters and text, not telemetry). */
    public static final int SKIP = 1500;

    private byte[] stream;
    private FrameParser parser;
    private FrameParser routeParser;
    private final MessageCodec codec = new MessageCodec();
    private Blackhole bh;
    private int decoded;

    /** Loads the capture and cuts the window. */
    @Setup(Level.Trial)
    public void load() {
        byte[] raw = readCapture("session3_from_sitl.raw");
        List<byte[]> frames = new ArrayList<>();
        FrameParser p = new FrameParser(f -> frames.add(f.toFrame().raw()));
        p.feed(raw);
        if (frames.size() < SKIP + FRAMES) {
            throw new IllegalStateException("capture has only " + frames.size() + " frames");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames.subList(SKIP, SKIP + FRAMES)) {
            out.writeBytes(f);
        }
        stream = out.toByteArray();
        parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                Object m = codec.decodeOrNull(f.msgId(), f.buffer(), f.payloadOffset(), f.payloadLength());
                if (m != null) {
                    decoded++;
                }
                bh.consume(m);
            }
        });
        routeParser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                bh.consume(f.sysId() ^ f.compId() << 8 ^ f.targetSystem() << 16 ^ f.msgId());
            }
        });
    }

    static byte[] readCapture(String name) {
        String prop = System.getProperty("vigie.captures");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("testdata", "captures"));
        candidates.add(Path.of("..", "testdata", "captures"));
        for (Path dir : candidates) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("capture " + name + " not found in " + candidates
                + " (run from the repository root or set -Dvigie.captures=DIR)");
    }

    /**
     * Vigie: incremental parser (framing + CRC_EXTRA check) and typed decode of every frame to its dronefleet object.
     *
     * @param bh sink
     * @return frames decoded (sanity)
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int vigieParseCrcTypedDecode(Blackhole bh) {
        this.bh = bh;
        decoded = 0;
        parser.feed(stream, 0, stream.length);
        return decoded;
    }

    /**
     * Baseline: dronefleet's {@code MavlinkConnection.next()} over the same bytes (framing, CRC, reflection decode).
     *
     * @param bh sink
     * @return frames decoded (sanity)
     * @throws IOException never (in-memory stream)
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int dronefleetMavlinkConnection(Blackhole bh) throws IOException {
        MavlinkConnection c = MavlinkConnection.create(new ByteArrayInputStream(stream), OutputStream.nullOutputStream());
        int n = 0;
        try {
            MavlinkMessage<?> m;
            while ((m = c.next()) != null) {
                bh.consume(m.getPayload());
                n++;
            }
        } catch (EOFException end) {
            // end of the recorded stream
        }
        return n;
    }

    /**
     * Vigie's routing path: framing + CRC and the header fields a router reads, no typed decode.
     *
     * @param bh sink
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void vigieParseCrcOnly(Blackhole bh) {
        this.bh = bh;
        routeParser.feed(stream, 0, stream.length);
    }

    /**
     * MAVLink CRC over the whole stream with {@link org.vigie.link.codec.MavlinkCrc} (table-driven). One operation =
     * one frame's worth of bytes on average.
     *
     * @return the CRC
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int crcTable() {
        return org.vigie.link.codec.MavlinkCrc.accumulate(0xFFFF, stream, 0, stream.length);
    }

    /**
     * Baseline for {@link #crcTable()}: the bitwise X.25 update of the MAVLink reference implementation.
     *
     * @return the CRC
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int crcBitwiseBaseline() {
        int c = 0xFFFF;
        for (byte b : stream) {
            int tmp = (b ^ c) & 0xFF;
            tmp = (tmp ^ (tmp << 4)) & 0xFF;
            c = ((c >>> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >>> 4)) & 0xFFFF;
        }
        return c;
    }
}
