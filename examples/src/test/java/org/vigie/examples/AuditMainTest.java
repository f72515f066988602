package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.audit.AuditEntry;
import org.vigie.audit.AuditTrail;
import org.vigie.audit.AuditTrailOptions;
import org.vigie.audit.HmacSha256Key;

class AuditMainTest {

    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, String... args) {
        return AuditMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void verifyPrintsTheStateAndExitsNonZeroAtTheFirstBrokenRecord() throws Exception {
        byte[] secret = new byte[32];
        Path f = dir.resolve("a.jsonl");
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults()
                .withSigner(new HmacSha256Key("drone-1", secret)))) {
            for (int i = 0; i < 5; i++) {
                t.append(AuditEntry.of(Instant.EPOCH, "fact").with("i", i));
            }
            t.flushed().get(10, TimeUnit.SECONDS);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(out, "verify", f.toString(), "--hmac-key", "drone-1=" + "00".repeat(32))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("state: INTACT").contains("1 verified");

        Files.writeString(f, Files.readString(f).replace("\"i\":2", "\"i\":7"));
        out.reset();
        assertThat(run(out, "verify", f.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("state: BROKEN")
                .contains("first broken record: line 5 (seq 4");

        out.reset();
        assertThat(run(out, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: AuditMain verify FILE");
        out.reset();
        assertThat(run(out, "verify", dir.resolve("missing").toString())).isEqualTo(2);
        out.reset();
        assertThat(run(out, "verify", f.toString(), "--hmac-key", "nokey")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("takes ID=KEY");
    }
}
