package org.vigie.sim;

/**
 * One stored item of a mission, fence or rally list, in MISSION_ITEM_INT terms.
 *
 * @param seq index in its list
 * @param frame MAV_FRAME as stored (ArduPilot stores the non-INT frame numbers)
 * @param command MAV_CMD
 * @param autocontinue 0 or 1
 * @param param1 param1
 * @param param2 param2
 * @param param3 param3
 * @param param4 param4
 * @param x latitude 1e-7 degrees, or an integer parameter
 * @param y longitude 1e-7 degrees, or an integer parameter
 * @param z altitude in metres (datum per frame), or a parameter
 * @param missionType MAV_MISSION_TYPE 0 mission, 1 fence, 2 rally
 */
public record SimMissionItem(int seq, int frame, int command, int autocontinue, float param1, float param2,
                             float param3, float param4, int x, int y, float z, int missionType) {

    /**
     * A copy with another sequence number.
     *
     * @param newSeq the sequence number
     * @return the copy
     */
    public SimMissionItem withSeq(int newSeq) {
        return new SimMissionItem(newSeq, frame, command, autocontinue, param1, param2, param3, param4, x, y, z,
                missionType);
    }
}
