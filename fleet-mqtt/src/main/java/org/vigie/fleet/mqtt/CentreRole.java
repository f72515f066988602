package org.vigie.fleet.mqtt;

/** A centre's role on the broker; its retained state word is the lower-case name. */
public enum CentreRole {
    /** Sends orders and heartbeats to the fleet. */
    ACTIVE,
    /** Hears the whole fleet, sends nothing, and takes over when the active centre's Last Will fires. */
    STANDBY
}
