package org.vigie.sim;

/** Which autopilot the simulator imitates on the wire. */
public enum Flavour {
    /** ArduPilot ArduCopter 4.7: HEARTBEAT autopilot 3, copter mode numbers, mission item 0 = home. */
    ARDUCOPTER,
    /** PX4: HEARTBEAT autopilot 12, main/sub custom modes, no home item in the mission. */
    PX4
}
