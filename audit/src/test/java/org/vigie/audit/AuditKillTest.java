package org.vigie.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a forked writer JVM at random (seeded) moments, two writers at a time, records of 100 B to 64 KiB:
 * every record whose acknowledgement the writer printed is in the file after the kill with the same hash, and every
 * reopen verifies. {@code -Daudit.kills=N} sets the number of kills: 1000 by default (the CI run, as issue 15
 * asks; a few minutes on 2 cores), fewer for a quick local run.
 */
class AuditKillTest {

    static final HmacSha256Key KEY = new HmacSha256Key("kill-test",
            "kill-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final int KILLS = Integer.getInteger("audit.kills", 1000);
    static final int RUNS_PER_FILE = 10;

    @TempDir
    Path dir;

    record Ack(long seq, long n, String sha) {
    }

    record Tally(int kills, long acked, int cuts, int killedBeforeOpen, long maxFileBytes) {
    }

    @Test
    void noAcknowledgedRecordIsLostAcrossKills() throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Tally>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                int kills = KILLS / 2 + (w == 0 ? KILLS % 2 : 0);
                workers.add(pool.submit(() -> worker(worker, kills)));
            }
            int kills = 0;
            long acked = 0;
            int cuts = 0;
            int early = 0;
            long maxBytes = 0;
            for (Future<Tally> f : workers) {
                Tally t = f.get(30, TimeUnit.MINUTES);
                kills += t.kills();
                acked += t.acked();
                cuts += t.cuts();
                early += t.killedBeforeOpen();
                maxBytes = Math.max(maxBytes, t.maxFileBytes());
            }
            System.out.printf("AuditKillTest: %d kills, %d acknowledged records all found, %d torn tails cut, "
                    + "%d kills before the trail was open, largest file %d KiB, %.1f s%n", kills, acked, cuts, early,
                    maxBytes / 1024, (System.nanoTime() - t0) / 1e9);
            assertThat(kills).isEqualTo(KILLS);
            assertThat(acked).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    private Tally worker(int worker, int kills) throws Exception {
        SplittableRandom rnd = new SplittableRandom(20261206L + worker);
        Map<Long, Ack> acked = new HashMap<>();
        Path file = null;
        long ackedTotal = 0;
        int cutsTotal = 0;
        int early = 0;
        long maxBytes = 0;
        for (int k = 0; k < kills; k++) {
            if (k % RUNS_PER_FILE == 0) {
                if (file != null) {
                    cutsTotal += cuts(file);
                    Files.delete(file);
                }
                file = dir.resolve("w" + worker + "-" + k + ".jsonl");
                acked.clear();
            }
            long seed = (long) worker * 100_000 + k + 1;
            Process p = new ProcessBuilder(command(file, seed)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            boolean opened = false;
            if (rnd.nextInt(10) == 0) {
                Thread.sleep(rnd.nextInt(150));
            } else {
                int acksToSee = rnd.nextInt(25);
                int seen = 0;
                for (String l; seen <= acksToSee && (l = out.readLine()) != null; ) {
                    lines.add(l);
                    if (l.equals("OPEN")) {
                        opened = true;
                        if (acksToSee == 0) {
                            break;
                        }
                    } else if (l.startsWith("ACK ")) {
                        seen++;
                    } else {
                        throw new AssertionError("writer " + seed + " said: " + l + drain(out));
                    }
                }
                if (rnd.nextBoolean()) {
                    Thread.sleep(rnd.nextInt(4));
                }
            }
            p.toHandle().destroyForcibly();
            p.waitFor();
            for (String l; (l = out.readLine()) != null; ) {
                lines.add(l);
            }
            for (String l : lines) {
                if (l.startsWith("ACK ")) {
                    String[] f = l.split(" ");
                    Ack a = new Ack(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]);
                    acked.put(a.seq(), a);
                    ackedTotal++;
                } else if (l.equals("OPEN")) {
                    opened = true;
                } else if (!l.isEmpty()) {
                    throw new AssertionError("writer " + seed + " said: " + l + " (all: " + lines + ")");
                }
            }
            if (!opened) {
                early++;
            }
            if (Files.exists(file)) {
                maxBytes = Math.max(maxBytes, Files.size(file));
                check(file, acked, seed);
            }
        }
        if (file != null && Files.exists(file)) {
            cutsTotal += cuts(file);
        }
        return new Tally(kills, ackedTotal, cutsTotal, early, maxBytes);
    }

    private static void check(Path file, Map<Long, Ack> acked, long seed) throws IOException {
        AuditVerification v = AuditVerifier.verify(file, CheckpointKeys.of(KEY));
        assertThat(v.state()).as("after killing writer %d: %s", seed, v.summary())
                .isIn(AuditVerification.State.INTACT, AuditVerification.State.TORN_TAIL);
        int found = 0;
        try (AuditReader r = AuditReader.open(file)) {
            for (AuditRecord rec; (rec = r.next()) != null; ) {
                Ack a = acked.get(rec.seq());
                if (a != null) {
                    assertThat(rec.sha256()).as("record seq %d after killing writer %d", rec.seq(), seed)
                            .isEqualTo(a.sha());
                    assertThat(rec.fields().get("n")).isEqualTo(a.n());
                    found++;
                }
            }
        }
        assertThat(found).as("acknowledged records present after killing writer %d", seed).isEqualTo(acked.size());
    }

    private static int cuts(Path file) throws IOException {
        int n = 0;
        try (AuditReader r = AuditReader.open(file)) {
            for (AuditRecord rec; (rec = r.next()) != null; ) {
                if (rec.type().equals("trail.cut")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String drain(BufferedReader out) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l; (l = out.readLine()) != null && b.length() < 4000; ) {
            b.append('\n').append(l);
        }
        return b.toString();
    }

    private static List<String> command(Path file, long seed) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = String.join(File.pathSeparator, location(AuditTrail.class), location(KillWriter.class),
                location(com.fasterxml.jackson.core.JsonFactory.class), location(org.slf4j.LoggerFactory.class),
                location("org.slf4j.nop.NOPServiceProvider"));
        return List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Xmx64m", "-Xss512k", "-cp", cp, KillWriter.class.getName(), file.toString(), Long.toString(seed));
    }

    private static String location(String className) {
        try {
            return location(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
