package org.vigie.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.audit.AuditReader;
import org.vigie.audit.AuditRecord;
import org.vigie.audit.AuditVerification;
import org.vigie.audit.CheckpointKeys;
import org.vigie.audit.AuditTrail;
import org.vigie.audit.AuditTrailOptions;
import org.vigie.audit.AuditVerifier;

/** The centre's records on a real trail: chained, on disk, readable back with who did what to which incident. */
class AuditCentreRecorderTest {

    @Test
    void agentActionsAndDecisionsAreChainedOnDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("centre-audit.jsonl");
        Instant t = Instant.parse("2026-12-06T18:00:00Z");
        try (AuditTrail trail = AuditTrail.open(file, AuditTrailOptions.defaults())) {
            AuditCentreRecorder rec = new AuditCentreRecorder(trail);
            rec.record(new CentreRecord(t, "centre", CentreAction.OPENED, "INC-1", 0, "button B00017 pressed"));
            rec.record(new CentreRecord(t.plusSeconds(1), "centre", CentreAction.LAUNCH, "INC-1", 12,
                    "district drone ready"));
            rec.record(new CentreRecord(t.plusSeconds(9), "agent:night-3", CentreAction.CONFIRMED, "INC-1", 12,
                    "confirmed on the console"));
            trail.flushed().get();
            assertThat(rec.failures()).isZero();
        }
        assertThat(AuditVerifier.verify(file, CheckpointKeys.none()).state()).isEqualTo(AuditVerification.State.INTACT);
        List<AuditRecord> centre = new ArrayList<>();
        try (AuditReader r = AuditReader.open(file)) {
            for (AuditRecord rec = r.next(); rec != null; rec = r.next()) {
                if (rec.type().startsWith("centre.")) {
                    centre.add(rec);
                }
            }
        }
        assertThat(centre).extracting(AuditRecord::type)
                .containsExactly("centre.opened", "centre.launch", "centre.confirmed");
        assertThat(centre.get(2).fields()).containsEntry("actor", "agent:night-3").containsEntry("incidentId", "INC-1")
                .containsEntry("droneSystemId", 12L);
        assertThat(centre.get(0).fields()).doesNotContainKey("droneSystemId");
    }
}
