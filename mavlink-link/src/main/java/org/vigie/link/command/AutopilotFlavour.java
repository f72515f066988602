package org.vigie.link.command;

/**
 * Which autopilot firmware family a target runs, where the microservices must follow its real behaviour rather than
 * the bare spec (ArduPilot's home item 0 and float-encoded integer parameters, PX4's bytewise parameter encoding and
 * single mission transfer at a time, the flight-mode numbers of each).
 */
public enum AutopilotFlavour {
    /** ArduPilot (HEARTBEAT autopilot = MAV_AUTOPILOT_ARDUPILOTMEGA, 3). */
    ARDUPILOT,
    /** PX4 (HEARTBEAT autopilot = MAV_AUTOPILOT_PX4, 12). */
    PX4,
    /** Anything else: plain spec behaviour. */
    GENERIC;

    /**
     * Maps a HEARTBEAT autopilot code.
     *
     * @param mavAutopilot the MAV_AUTOPILOT value from HEARTBEAT
     * @return ARDUPILOT for 3, PX4 for 12, GENERIC otherwise
     */
    public static AutopilotFlavour fromHeartbeat(int mavAutopilot) {
        return from(org.vigie.link.vehicle.AutopilotFlavour.fromMavAutopilot(mavAutopilot));
    }

    /**
     * Maps the link's flavour (from {@link org.vigie.link.vehicle.Vehicle}).
     *
     * @param flavour the link's flavour
     * @return the same family
     */
    public static AutopilotFlavour from(org.vigie.link.vehicle.AutopilotFlavour flavour) {
        return switch (flavour) {
            case ARDUPILOT -> ARDUPILOT;
            case PX4 -> PX4;
            case GENERIC -> GENERIC;
        };
    }

    /** @return the link's flavour for this family */
    public org.vigie.link.vehicle.AutopilotFlavour toVehicleFlavour() {
        return switch (this) {
            case ARDUPILOT -> org.vigie.link.vehicle.AutopilotFlavour.ARDUPILOT;
            case PX4 -> org.vigie.link.vehicle.AutopilotFlavour.PX4;
            case GENERIC -> org.vigie.link.vehicle.AutopilotFlavour.GENERIC;
        };
    }
}
