package org.vigie.link.mission;

import java.util.List;

/**
 * How a transfer ended.
 *
 * @param operation upload, download or clear
 * @param missionType which list
 * @param result final result
 * @param planState what the caller may believe about the list on board (see {@link PlanState})
 * @param items for a download (or a verified upload) the items read back in seq order; for an upload the items sent;
 *              empty otherwise
 * @param resends messages re-sent after a timeout (COUNT, items, requests...), all attempts together
 * @param transferAttempts transfer-level attempts made (1 = no restart from the start)
 * @param durationMs scheduler milliseconds from start to outcome
 * @param opaqueId the plan's opaque id reported by the autopilot (MISSION_ACK of an upload, MISSION_COUNT of a
 *                 download), 0 if the autopilot does not report one (ArduPilot 4.7 does not)
 * @param detail a short human-readable explanation for a failure ("" on success)
 */
public record TransferOutcome(TransferOperation operation, MissionType missionType, TransferResult result,
                              PlanState planState, List<MissionItem> items, int resends, int transferAttempts,
                              long durationMs, long opaqueId, String detail) {

    /** Copies the item list. */
    public TransferOutcome {
        items = List.copyOf(items);
    }

    /** @return true if the result is ACCEPTED */
    public boolean succeeded() {
        return result == TransferResult.ACCEPTED;
    }
}
