package org.vigie.centre;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.vigie.audit.AuditEntry;
import org.vigie.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's own chain: every alert, decision and agent action ({@link CentreRecord}) appended to an
 * {@link AuditTrail} as {@code centre.<action>} records (fields: actor, incidentId, droneSystemId, reason), hash-chained
 * and signed at checkpoints like a drone's trail, so an incident's whole story can be proven from both ends.
 *
 * <p>Threading: {@link #record} is called on the centre's event thread and never blocks: the trail writes on its own
 * thread. A record the trail fails to write is counted ({@link #failures()}) and logged at ERROR by the trail; the
 * centre goes on deciding.
 */
public final class AuditCentreRecorder implements CentreRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCentreRecorder.class);
    private final AuditTrail trail;
    private final AtomicLong failures = new AtomicLong();

    /** @param trail the centre's open trail (the caller closes it after the centre) */
    public AuditCentreRecorder(AuditTrail trail) {
        this.trail = Objects.requireNonNull(trail, "trail");
    }

    /**
     * The audit record of a centre record: type {@code centre.<action in lower case>}.
     *
     * @param r the centre's record
     * @return the entry appended to the trail
     */
    public static AuditEntry entryOf(CentreRecord r) {
        AuditEntry e = AuditEntry.of(r.at(), "centre." + r.action().name().toLowerCase(Locale.ROOT))
                .with("actor", r.actor()).with("reason", r.reason());
        String incident = r.incidentId();
        if (incident != null) {
            e = e.with("incidentId", incident);
        }
        return r.droneSystemId() > 0 ? e.with("droneSystemId", (long) r.droneSystemId()) : e;
    }

    @Override
    public void record(CentreRecord record) {
        trail.append(entryOf(record)).whenComplete((receipt, error) -> {
            if (error != null) {
                failures.incrementAndGet();
                LOG.error("centre record {} for incident {} not written to the audit trail: {}", record.action(),
                        record.incidentId(), error.toString());
            }
        });
    }

    /** @return records the trail failed to write */
    public long failures() {
        return failures.get();
    }
}
