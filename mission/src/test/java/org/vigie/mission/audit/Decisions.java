package org.vigie.mission.audit;

import java.util.List;
import java.util.Locale;
import org.vigie.audit.AuditEntry;

/** Test helper: the dispatch decisions among an in-memory audit's records, as rows. */
public final class Decisions {

    private Decisions() {
    }

    /** One decision record. */
    public record Row(MissionAudit.Decision event, String alertId, String requesterId, String requesterOrigin,
                      String reason, String detail) {
    }

    /**
     * @param audit an in-memory audit
     * @return its decision records, in order
     */
    public static List<Row> of(MissionAudit audit) {
        return audit.recent().stream().filter(Decisions::isDecision).map(e -> new Row(
                MissionAudit.Decision.valueOf(e.type().substring("dispatch.".length()).toUpperCase(Locale.ROOT)),
                (String) e.fields().get("alertId"), (String) e.fields().get("requesterId"),
                (String) e.fields().get("requesterOrigin"), (String) e.fields().get("reason"),
                (String) e.fields().get("detail"))).toList();
    }

    private static boolean isDecision(AuditEntry e) {
        for (MissionAudit.Decision d : MissionAudit.Decision.values()) {
            if (e.type().equals("dispatch." + d.name().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
