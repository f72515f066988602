package org.vigie.bench.audit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.vigie.audit.AuditTrail;
import org.vigie.audit.AuditTrailOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightEvent;
import org.vigie.mission.audit.MissionAudit;

/**
 * Heap retained per dispatch by the companion's audit: N dispatches, each with the records a real dispatch writes
 * (order received, accepted, ACK, 9 phase changes, 60 commands to the autopilot, ended), through
 * {@link MissionAudit#to} an {@link AuditTrail} on disk, and through {@link MissionAudit#inMemory()} (bounded: the last
 * 10,000 records). Used heap after full GCs, before and after.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.vigie.bench.audit.AuditHeapStudy 500</pre>
 */
public final class AuditHeapStudy {

    private AuditHeapStudy() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Files.createTempDirectory("audit-heap");
        try (AuditTrail trail = AuditTrail.open(dir.resolve("trail.jsonl"), AuditTrailOptions.defaults())) {
            report("trail on disk", MissionAudit.to(trail, "key-1"), n, trail);
        }
        report("in memory (bounded)", MissionAudit.inMemory(), n, null);
    }

    private static void report(String what, MissionAudit audit, int n, AuditTrail trail) throws Exception {
        run(audit, 20, trail);
        long before = used();
        run(audit, n, trail);
        long after = used();
        System.out.printf("%s: %d dispatches, %d records each, heap %+.2f KiB per dispatch (%+d bytes total)%n", what,
                n, 72, (after - before) / 1024.0 / n, after - before);
    }

    private static void run(MissionAudit audit, int n, AuditTrail trail) {
        Instant t = Instant.parse("2026-12-06T12:00:00Z");
        for (int i = 0; i < n; i++) {
            DispatchRequest r = new DispatchRequest("A-" + i, 48.86, 2.35, java.util.OptionalDouble.empty(),
                    DispatchPriority.URGENT, "road accident", java.time.Duration.ofSeconds(30), "operator-7",
                    "centre 4");
            audit.orderReceived(t, "DISPATCH", i, 255, 190, 1, "operator-7", "centre 4", "road accident", r);
            audit.decision(t, MissionAudit.Decision.ACCEPTED, r, "operator-7", "centre 4", "road accident",
                    "flight started");
            audit.answered(t, i, "ACCEPTED", i, "flight " + i + " started", 255, 190);
            FlightPhase[] ph = FlightPhase.values();
            for (int p = 0; p + 1 < Math.min(10, ph.length); p++) {
                audit.flightEvent(r.alertId(), new FlightEvent.PhaseChanged(t, ph[p], ph[p + 1], "next"));
            }
            for (int c = 0; c < 60; c++) {
                audit.commandSent(t, io.dronefleet.mavlink.common.CommandLong.builder().targetSystem(1)
                        .command(io.dronefleet.mavlink.common.MavCmd.MAV_CMD_NAV_WAYPOINT).param1(c).build(), false);
            }
            audit.decision(t, MissionAudit.Decision.ENDED, r, "operator-7", "centre 4", "road accident",
                    "COMPLETED (DONE)");
        }
        if (trail != null) {
            trail.flushed().join();
        }
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
