package org.vigie.bench.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vigie.audit.AuditEntry;
import org.vigie.audit.AuditReceipt;
import org.vigie.audit.AuditTrail;
import org.vigie.audit.AuditTrailOptions;
import org.vigie.audit.HmacSha256Key;

/**
 * Audit records per second (ops/s = records/s), in one run, on the same disk (the working directory):
 * <ul>
 *   <li>{@code forcePerRecord}: append one record and wait for its acknowledgement (one fsync per record);
 *   <li>{@code groupCommit}: append {@value #BURST} records at once, then wait for all (the writer forces once per
 *       batch it finds waiting);
 *   <li>{@code bufferedAppend}: the old accountability log's way, a {@link BufferedWriter} written and flushed per
 *       record (no fsync: not durable).
 * </ul>
 * Records carry a {@code pad} field to make them {@code recordBytes} long; the trail signs an HMAC checkpoint every
 * 1000 records.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditTrailBenchmark {

    static final int BURST = 32;

    @Param({"256", "4096"})
    public int recordBytes;

    private Path dir;
    private AuditTrail trail;
    private BufferedWriter writer;
    private AuditEntry entry;
    private String line;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("."), "audit-bench");
        trail = AuditTrail.open(dir.resolve("trail.jsonl"), AuditTrailOptions.defaults()
                .withSigner(new HmacSha256Key("bench", new byte[32])));
        writer = Files.newBufferedWriter(dir.resolve("buffered.jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        entry = AuditEntry.of(Instant.parse("2026-12-06T12:00:00Z"), "dispatch.received").with("alertId", "A-1")
                .with("requesterId", "operator-7").with("pad", "x".repeat(Math.max(0, recordBytes - 230)));
        line = "{\"seq\":1,\"prev\":\"" + "0".repeat(64) + "\",\"at\":\"2026-12-06T12:00:00Z\",\"type\":\"x\","
                + "\"data\":{\"pad\":\"" + "x".repeat(Math.max(0, recordBytes - 140)) + "\"}}";
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        trail.close();
        writer.close();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public AuditReceipt forcePerRecord() {
        return trail.append(entry).join();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public Object groupCommit() {
        @SuppressWarnings("unchecked")
        CompletableFuture<AuditReceipt>[] fs = new CompletableFuture[BURST];
        for (int i = 0; i < BURST; i++) {
            fs[i] = trail.append(entry);
        }
        return CompletableFuture.allOf(fs).join();
    }

    @Benchmark
    public void bufferedAppend() throws IOException {
        writer.write(line);
        writer.write('\n');
        writer.flush();
    }
}
