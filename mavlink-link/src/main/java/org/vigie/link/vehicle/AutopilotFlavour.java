package org.vigie.link.vehicle;

/**
 * Which flight stack an autopilot runs: decides the flight-mode table and mission semantics.
 */
public enum AutopilotFlavour {
    /** ArduPilot (HEARTBEAT.autopilot = MAV_AUTOPILOT_ARDUPILOTMEGA, 3). */
    ARDUPILOT,
    /** PX4 (HEARTBEAT.autopilot = MAV_AUTOPILOT_PX4, 12). */
    PX4,
    /** Any other MAVLink autopilot: standard messages only, no custom-mode names. */
    GENERIC;

    /** MAV_AUTOPILOT_ARDUPILOTMEGA. */
    public static final int MAV_AUTOPILOT_ARDUPILOTMEGA = 3;
    /** MAV_AUTOPILOT_INVALID: the sender is not a flight controller. */
    public static final int MAV_AUTOPILOT_INVALID = 8;
    /** MAV_AUTOPILOT_PX4. */
    public static final int MAV_AUTOPILOT_PX4 = 12;

    /**
     * Flavour from HEARTBEAT.autopilot.
     *
     * @param mavAutopilot the MAV_AUTOPILOT value
     * @return ARDUPILOT for 3, PX4 for 12, GENERIC otherwise
     */
    public static AutopilotFlavour fromMavAutopilot(int mavAutopilot) {
        return switch (mavAutopilot) {
            case MAV_AUTOPILOT_ARDUPILOTMEGA -> ARDUPILOT;
            case MAV_AUTOPILOT_PX4 -> PX4;
            default -> GENERIC;
        };
    }
}
