package org.vigie.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final HmacSha256Key KEY = new HmacSha256Key("k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    static List<AuditRecord> readAll(Path f) throws IOException {
        List<AuditRecord> out = new ArrayList<>();
        try (AuditReader r = AuditReader.open(f)) {
            for (AuditRecord rec; (rec = r.next()) != null; ) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void appendsAreChainedDurableAndReadBack() throws Exception {
        Path f = dir.resolve("sub/trail.jsonl");
        List<CompletableFuture<AuditReceipt>> acks = new ArrayList<>();
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults().withSigner(KEY))) {
            for (int i = 0; i < 50; i++) {
                acks.add(t.append(AuditEntry.of(T0.plusSeconds(i), "test.fact").with("i", i).with("name", "é\n\"x\"")
                        .with("lat", 48.8566).with("ok", i % 2 == 0)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(t.stats().durable()).isEqualTo(50);
            assertThat(t.stats().batches()).isLessThanOrEqualTo(51);
        }
        List<AuditRecord> recs = readAll(f);
        assertThat(recs.get(0).type()).isEqualTo("trail.created");
        assertThat(recs.get(1).type()).isEqualTo("trail.opened");
        AuditRecord r7 = recs.stream().filter(r -> r.type().equals("test.fact") && r.fields().get("i").equals(7L))
                .findFirst().orElseThrow();
        assertThat(r7.fields()).containsEntry("name", "é\n\"x\"").containsEntry("lat", 48.8566)
                .containsEntry("ok", false);
        assertThat(r7.seq()).isEqualTo(acks.get(7).get().seq());
        assertThat(r7.sha256()).isEqualTo(acks.get(7).get().sha256());
        assertThat(recs.get(recs.size() - 1).type()).isEqualTo(Checkpoints.TYPE);
        AuditVerification v = AuditVerifier.verify(f, CheckpointKeys.of(KEY));
        assertThat(v.state()).isEqualTo(AuditVerification.State.INTACT);
        assertThat(v.records()).isEqualTo(recs.size());
        assertThat(v.checkpointsVerified()).isEqualTo(v.checkpoints()).isPositive();
        assertThat(v.recordsAfterLastCheckpoint()).isZero();
    }

    @Test
    void reopenContinuesTheChainAndTornTailIsCutAndRecorded() throws Exception {
        Path f = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults())) {
            t.append(AuditEntry.of(T0, "a")).get(10, TimeUnit.SECONDS);
        }
        long good = Files.size(f);
        Files.write(f, "{\"seq\":3,\"prev\":\"00".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        assertThat(AuditVerifier.verify(f, CheckpointKeys.none()).state()).isEqualTo(AuditVerification.State.TORN_TAIL);
        List<AuditTrailEvent> events = new CopyOnWriteArrayList<>();
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults().withListener(events::add))) {
            assertThat(t.append(AuditEntry.of(T0, "b")).get(10, TimeUnit.SECONDS).seq()).isEqualTo(5);
        }
        List<AuditRecord> recs = readAll(f);
        assertThat(recs).extracting(AuditRecord::type)
                .containsExactly("trail.created", "trail.opened", "a", "trail.cut", "trail.opened", "b");
        assertThat(recs.get(3).fields()).containsEntry("offset", good).containsEntry("bytesCut", 19L);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(AuditTrailEvent.TailCut.class));
        assertThat(AuditVerifier.verify(f, CheckpointKeys.none()).state()).isEqualTo(AuditVerification.State.INTACT);
    }

    @Test
    void aBrokenTrailIsNotOpenedAndNamesTheRecord() throws Exception {
        Path f = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                t.append(AuditEntry.of(T0, "x").with("i", i));
            }
            t.flushed().get(10, TimeUnit.SECONDS);
        }
        byte[] b = Files.readAllBytes(f);
        String s = new String(b, StandardCharsets.UTF_8).replace("\"i\":2", "\"i\":9");
        Files.writeString(f, s);
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> AuditTrail.open(f, AuditTrailOptions.defaults()))
                .isInstanceOf(BrokenTrailException.class)
                .hasMessageContaining("line 5 (seq 4").hasMessageContaining("altered");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void secondWriterIsRefused() throws Exception {
        Path f = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults())) {
            assertThatThrownBy(() -> AuditTrail.open(f, AuditTrailOptions.defaults()))
                    .isInstanceOf(IOException.class).hasMessageContaining("already open");
            assertThat(t.file()).isEqualTo(f.toAbsolutePath());
        }
    }

    @Test
    void badEntriesAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> AuditEntry.of(T0, "Bad Type")).hasMessageContaining("a-z 0-9");
        assertThatThrownBy(() -> AuditEntry.of(T0, "x").with("v", Double.NaN)).hasMessageContaining("finite");
        AuditEntry huge = AuditEntry.of(T0, "x").with("pad", "a".repeat(AuditFormat.MAX_RECORD_BYTES));
        assertThatThrownBy(() -> AuditFormat.body(huge)).hasMessageContaining("at most 1048576 bytes");
    }

    @Test
    void changeSignerClosesTheOldKeyAndStartsTheNew() throws Exception {
        Path f = dir.resolve("t.jsonl");
        HmacSha256Key k2 = new HmacSha256Key("k2", new byte[32]);
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults().withSigner(KEY))) {
            t.append(AuditEntry.of(T0, "before"));
            AuditReceipt r = t.changeSigner(k2).get(10, TimeUnit.SECONDS);
            t.append(AuditEntry.of(T0, "after")).get(10, TimeUnit.SECONDS);
            assertThat(r.seq()).isEqualTo(5);
        }
        assertThat(readAll(f)).extracting(AuditRecord::type).containsExactly("trail.created", "trail.opened",
                "before", Checkpoints.TYPE, "trail.signer", Checkpoints.TYPE, "after", Checkpoints.TYPE);
        AuditVerification both = AuditVerifier.verify(f, CheckpointKeys.of(List.of(KEY, k2)));
        assertThat(both.checkpointsVerified()).isEqualTo(3);
        AuditVerification oldOnly = AuditVerifier.verify(f, CheckpointKeys.of(KEY));
        assertThat(oldOnly.state()).isEqualTo(AuditVerification.State.INTACT);
        assertThat(oldOnly.checkpointsUnverified()).isEqualTo(2);
    }

    @Test
    void ed25519CheckpointsVerifyWithThePublicKeyOnly() throws Exception {
        java.security.KeyPair kp = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path f = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults()
                .withSigner(Ed25519Keys.signer("drone-7", kp.getPrivate())))) {
            t.append(AuditEntry.of(T0, "x")).get(10, TimeUnit.SECONDS);
        }
        CheckpointVerifier pub = Ed25519Keys.verifier("drone-7", kp.getPublic().getEncoded());
        AuditVerification v = AuditVerifier.verify(f, CheckpointKeys.of(pub));
        assertThat(v.state()).isEqualTo(AuditVerification.State.INTACT);
        assertThat(v.checkpointsVerified()).isEqualTo(1);
        java.security.KeyPair other = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        AuditVerification wrong = AuditVerifier.verify(f, CheckpointKeys.of(Ed25519Keys.verifier("drone-7",
                other.getPublic())));
        assertThat(wrong.state()).isEqualTo(AuditVerification.State.BROKEN);
        assertThat(wrong.firstBreak().detail()).contains("does not verify with key 'drone-7' (Ed25519)");
    }

    @Test
    void periodicCheckpointWhenIdle() throws Exception {
        Path f = dir.resolve("t.jsonl");
        List<AuditTrailEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<AuditTrailEvent> cp = new CompletableFuture<>();
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults().withSigner(KEY)
                .withCheckpoints(1000, Duration.ofSeconds(1)).withListener(e -> {
                    events.add(e);
                    if (e instanceof AuditTrailEvent.CheckpointWritten) {
                        cp.complete(e);
                    }
                }))) {
            t.append(AuditEntry.of(T0, "x")).get(10, TimeUnit.SECONDS);
            assertThat(((AuditTrailEvent.CheckpointWritten) cp.get(10, TimeUnit.SECONDS)).keyId()).isEqualTo("k1");
            assertThat(AuditVerifier.verify(f, CheckpointKeys.of(KEY)).recordsAfterLastCheckpoint()).isZero();
        }
    }
}
