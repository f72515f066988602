package org.vigie.mission.minimisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on an injected clock: outputs deleted after their period, evidence kept, every deletion audited. */
class RetentionSweeperTest {

    @TempDir
    Path root;

    static final Instant FLIGHT = Instant.parse("2026-03-02T10:00:00Z");

    Path output(String alert, String name) throws Exception {
        Path dir = Files.createDirectories(root.resolve(alert));
        Path f = Files.writeString(dir.resolve(name), "x".repeat(10));
        Files.setLastModifiedTime(f, FileTime.from(FLIGHT));
        return f;
    }

    @Test
    void outputsAreDeletedAfterTheirPeriodUnlessTheIncidentIsEvidence() throws Exception {
        Path klvA = output("A-1", "flight.klv");
        Path telA = output("A-1", "telemetry.jsonl");
        Path trackA = output("A-1", "tracks.geojson");
        Path klvB = output("B-2", "flight.klv");
        Path notes = output("A-1", "notes.txt");
        EvidenceHolds holds = EvidenceHolds.open(root.resolve("evidence-holds.txt"));
        holds.hold("B-2", "PV 2026/123, parquet de Paris");
        AtomicReference<Instant> now = new AtomicReference<>(FLIGHT.plus(Duration.ofDays(6)));
        List<RetentionEvent> audit = new ArrayList<>();
        RetentionSweeper s = new RetentionSweeper(root, new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(7),
                Duration.ofDays(30)), holds, now::get, audit::add);

        RetentionSweeper.SweepReport day6 = s.sweep();
        assertThat(day6.deleted()).isEmpty();
        assertThat(audit).isEmpty();

        now.set(FLIGHT.plus(Duration.ofDays(7)).plusSeconds(1));
        RetentionSweeper.SweepReport day7 = s.sweep();
        assertThat(day7.deleted()).containsExactly(klvA, telA);
        assertThat(day7.keptAsEvidence()).containsExactly(klvB);
        assertThat(Files.exists(klvB)).isTrue();
        assertThat(Files.exists(trackA)).as("tracks kept 30 days").isTrue();
        assertThat(Files.exists(notes)).as("not a flight output: left alone").isTrue();
        assertThat(audit).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                RetentionEvent.Deleted.class, d -> {
                    assertThat(d.alertId()).isEqualTo("A-1");
                    assertThat(d.at()).isEqualTo(now.get());
                    assertThat(d.age()).isEqualTo(Duration.ofDays(7).plusSeconds(1));
                    assertThat(d.bytes()).isEqualTo(10);
                }));
        assertThat(((RetentionEvent.Deleted) audit.get(0)).kind()).isEqualTo(OutputKind.KLV);

        EvidenceHolds reopened = EvidenceHolds.open(root.resolve("evidence-holds.txt"));
        assertThat(reopened.reason("B-2")).contains("PV 2026/123, parquet de Paris");
        reopened.release("B-2");
        now.set(FLIGHT.plus(Duration.ofDays(31)));
        Files.delete(notes);
        RetentionSweeper.SweepReport day31 = new RetentionSweeper(root, RetentionPolicy.cityService(), reopened,
                now::get, audit::add).sweep();
        assertThat(day31.deleted()).containsExactlyInAnyOrder(trackA, klvB);
        assertThat(Files.exists(root.resolve("A-1"))).as("emptied incident folders go").isFalse();
        assertThat(Files.exists(root.resolve("B-2"))).isFalse();
        assertThat(audit).hasSize(4);
    }

    @Test
    void theCityServiceKeepsEverythingSevenDays() {
        RetentionPolicy p = RetentionPolicy.cityService();
        for (OutputKind k : OutputKind.values()) {
            assertThat(p.of(k)).isEqualTo(Duration.ofDays(7));
        }
        assertThat(OutputKind.of("x.tlog")).contains(OutputKind.TELEMETRY);
        assertThat(OutputKind.of("x.wav")).as("no audio output exists").isEmpty();
    }
}
