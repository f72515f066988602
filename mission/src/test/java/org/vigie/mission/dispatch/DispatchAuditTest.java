package org.vigie.mission.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.audit.AuditReader;
import org.vigie.audit.AuditRecord;
import org.vigie.audit.AuditTrail;
import org.vigie.audit.AuditTrailOptions;
import org.vigie.audit.AuditVerification;
import org.vigie.audit.AuditVerifier;
import org.vigie.audit.CheckpointKeys;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.audit.MissionAudit;
import org.vigie.geofence.io.DemoZones;
import org.vigie.mission.sim.SimHarness;

/** The dispatch ACK waits for its audit record to be on disk; the trail holds the order, decision, ACK and commands. */
class DispatchAuditTest {

    @TempDir
    Path dir;

    @Test
    void theAckIsSentOnlyOnceItsRecordIsDurableAndTheTrailHoldsEveryFact() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        GeoPoint target = DemoZones.offset(d, 150, 100);
        ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
        Path file = dir.resolve("audit.jsonl");
        try (AuditTrail trail = AuditTrail.open(file, AuditTrailOptions.defaults().withCallbackExecutor(held::add))) {
            CompanionOptions options = CompanionOptions.defaults()
                    .withAccountability(MissionAudit.to(trail, DispatchHarness.KEY.fingerprint()));
            try (DispatchHarness h = new DispatchHarness(d, options, DispatchServerOptions.defaults(),
                    DispatchHarness.clientOptions(1))) {
                h.sim.advance(Duration.ofSeconds(2));
                DispatchRequest req = SimHarness.request("A-9", target).build();
                CompletableFuture<DispatchAck> ack = h.record(h.client.dispatch(req, DispatchHarness.DRONE));
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (types(file).stream().noneMatch("dispatch.ack"::equals) && System.nanoTime() < deadline) {
                    h.scheduler.advance(Duration.ofMillis(20));
                    Thread.sleep(5);
                }
                assertThat(types(file)).contains("dispatch.received", "dispatch.accepted", "dispatch.ack");
                h.scheduler.advance(Duration.ofMillis(100));
                assertThat(ack).as("no ACK while its record's acknowledgement is held").isNotDone();

                while (!ack.isDone() && System.nanoTime() < deadline) {
                    for (Runnable r; (r = held.poll()) != null; ) {
                        r.run();
                    }
                    h.scheduler.advance(Duration.ofMillis(20));
                }
                assertThat(ack.getNow(null).status()).isEqualTo(AckStatus.ACCEPTED);
            }
        }
        List<AuditRecord> recs = records(file);
        AuditRecord received = recs.stream().filter(r -> r.type().equals("dispatch.received")).findFirst()
                .orElseThrow();
        assertThat(received.fields()).containsEntry("keyId", DispatchHarness.KEY.fingerprint())
                .containsEntry("requesterId", "tester").containsEntry("alertId", "A-9").containsEntry("kind", "DISPATCH");
        assertThat(recs).anySatisfy(r -> {
            assertThat(r.type()).isEqualTo("dispatch.ack");
            assertThat(r.fields()).containsEntry("status", "ACCEPTED");
        });
        assertThat(recs).extracting(AuditRecord::type).contains("district.loaded", "autopilot.command",
                "flight.phase");
        AuditVerification v = AuditVerifier.verify(file, CheckpointKeys.none());
        assertThat(v.state()).as(v.summary()).isEqualTo(AuditVerification.State.INTACT);
    }

    private static List<String> types(Path file) throws Exception {
        return records(file).stream().map(AuditRecord::type).toList();
    }

    private static List<AuditRecord> records(Path file) throws Exception {
        List<AuditRecord> out = new ArrayList<>();
        try (AuditReader r = AuditReader.open(file)) {
            for (AuditRecord rec; (rec = r.next()) != null; ) {
                out.add(rec);
            }
        }
        return out;
    }
}
