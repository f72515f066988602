package org.vigie.link.mission;

/**
 * What a transfer outcome lets the caller believe about the list on board.
 */
public enum PlanState {
    /** The autopilot acknowledged the whole list (upload) or the clear with MAV_MISSION_ACCEPTED. */
    CONFIRMED,
    /** Confirmed and read back equal (verify-by-download option). */
    VERIFIED,
    /**
     * The upload or clear failed after it may have started: the autopilot may hold a partial list (ArduPilot writes
     * items to storage as they arrive and truncates at MISSION_COUNT), the old one, or the new one. Do not fly it:
     * re-upload or clear first.
     */
    UNKNOWN,
    /** The operation does not change the list (download). */
    UNCHANGED
}
