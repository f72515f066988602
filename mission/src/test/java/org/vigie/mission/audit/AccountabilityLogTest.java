package org.vigie.mission.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountabilityLogTest {

    private static AccountabilityRecord rec(AccountabilityRecord.Event e, String detail) {
        return new AccountabilityRecord(Instant.parse("2026-01-01T00:00:00Z"), e, "A-7", "op-1", "console \"2\"",
                48.85, 2.35, "URGENT", "panic button", detail);
    }

    @Test
    void appendsAndReopeningKeepsEveryLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/accountability.jsonl");
        try (AccountabilityLog log = AccountabilityLog.appendingTo(f)) {
            log.append(rec(AccountabilityRecord.Event.ACCEPTED, "flight started"));
            assertThat(Files.readAllLines(f)).hasSize(1);
        }
        try (AccountabilityLog log = AccountabilityLog.appendingTo(f)) {
            log.append(rec(AccountabilityRecord.Event.ENDED, "COMPLETED: landed"));
            assertThat(log.records()).hasSize(1);
            assertThat(log.writeFailures()).isZero();
        }
        var lines = Files.readAllLines(f);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"at\":\"2026-01-01T00:00:00Z\",\"event\":\"ACCEPTED\"")
                .contains("\"requesterOrigin\":\"console \\\"2\\\"\"", "\"reason\":\"panic button\"");
        assertThat(lines.get(1)).contains("\"event\":\"ENDED\"", "COMPLETED: landed");
    }

    @Test
    void writeFailureKeepsRecordInMemoryAndCounts(@TempDir Path dir) throws Exception {
        AccountabilityLog log = AccountabilityLog.appendingTo(dir.resolve("a.jsonl"));
        log.close();
        log.append(rec(AccountabilityRecord.Event.REFUSED, "outside"));
        assertThat(log.records()).hasSize(1);
        assertThat(log.writeFailures()).isEqualTo(1);
    }

    @Test
    void aLogWithAWallClockSaysWhenEachLineWasWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.jsonl");
        java.time.Clock wall = java.time.Clock.fixed(Instant.parse("2026-12-06T17:00:00Z"), java.time.ZoneOffset.UTC);
        try (AccountabilityLog log = AccountabilityLog.appendingTo(file, wall)) {
            log.append(rec(AccountabilityRecord.Event.ACCEPTED, "flight started"));
        }
        String line = Files.readAllLines(file).get(0);
        assertThat(line).startsWith("{\"at\":\"2026-01-01T00:00:00Z\"")
                .endsWith(",\"recordedAt\":\"2026-12-06T17:00:00Z\"}");
        assertThat(org.vigie.geofence.io.Json.parse(line)).isInstanceOf(java.util.Map.class);
    }
}
