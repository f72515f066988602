package org.vigie.link.mission;

/**
 * Events of the mission service, a closed set. Delivered to listeners on the port's callback executor, in order.
 */
public sealed interface MissionEvent {

    /**
     * A transfer moved forward.
     *
     * @param operation upload, download or clear
     * @param missionType which list
     * @param itemsDone items transferred so far (the autopilot requested or sent them)
     * @param itemsTotal items in the transfer
     */
    record TransferProgress(TransferOperation operation, MissionType missionType, int itemsDone, int itemsTotal)
            implements MissionEvent {}

    /**
     * A transfer ended (the same outcome the future carries).
     *
     * @param outcome the outcome
     */
    record TransferFinished(TransferOutcome outcome) implements MissionEvent {}

    /**
     * MISSION_CURRENT changed (seq, total or state).
     *
     * @param seq current item seq (ArduPilot: navigation items only)
     * @param total items in the mission as the autopilot counts them (ArduPilot excludes home), -1 if not sent
     * @param missionState MISSION_STATE value (0 unknown, 1 no mission, 2 not started, 3 active, 4 paused,
     *                     5 complete)
     * @param missionId the mission plan's opaque id from MISSION_CURRENT, 0 if not sent
     */
    record CurrentItemChanged(int seq, int total, int missionState, long missionId) implements MissionEvent {}

    /**
     * MISSION_ITEM_REACHED. ArduCopter does not report a navigation item immediately followed by a DO item that
     * completes with it: only the DO item.
     *
     * @param seq the item reached
     */
    record ItemReached(int seq) implements MissionEvent {}

    /**
     * The opaque id of a list on board changed (from MISSION_CURRENT mission_id / fence_id / rally_points_id): someone
     * changed the plan. Not raised for the first value seen.
     *
     * @param missionType which list
     * @param previousId the id before
     * @param newId the id now
     */
    record PlanChanged(MissionType missionType, long previousId, long newId) implements MissionEvent {}
}
