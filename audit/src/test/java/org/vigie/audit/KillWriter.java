package org.vigie.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The forked writer of {@link AuditKillTest}: opens (recovering) the trail given, prints {@code OPEN}, then appends
 * bursts of records of 100 B to 64 KiB forever, printing {@code ACK seq n sha256} once each record's future
 * completed. Killed with SIGKILL by the test at a random moment.
 */
public final class KillWriter {

    private KillWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        SplittableRandom rnd = new SplittableRandom(seed);
        AuditTrail trail;
        try {
            trail = AuditTrail.open(file, AuditTrailOptions.defaults().withSigner(AuditKillTest.KEY)
                    .withCheckpoints(40, Duration.ofSeconds(60)).withCallbackExecutor(Runnable::run));
        } catch (BrokenTrailException e) {
            System.out.println("BROKEN " + e.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        System.out.println("OPEN");
        System.out.flush();
        long n = seed * 1_000_000L;
        StringBuilder pad = new StringBuilder();
        while (true) {
            int burst = 1 + rnd.nextInt(6);
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                int size = 100 + rnd.nextInt(64 * 1024 - 100 + 1);
                pad.setLength(0);
                for (int j = 0; j < size - 150; j++) {
                    pad.append((char) ('a' + (j + n) % 26));
                }
                long id = n++;
                AuditEntry e = AuditEntry.of(Instant.ofEpochSecond(1_800_000_000L + id % 100_000), "kill.test")
                        .with("n", id).with("pad", pad.toString());
                acks.add(trail.append(e).thenAccept(r -> {
                    byte[] line = ("ACK " + r.seq() + " " + id + " " + r.sha256() + "\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    System.out.write(line, 0, line.length);
                    System.out.flush();
                    if (System.out.checkError()) {
                        Runtime.getRuntime().halt(4);
                    }
                }));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        }
    }
}
