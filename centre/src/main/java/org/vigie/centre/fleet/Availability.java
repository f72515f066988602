package org.vigie.centre.fleet;

/** Whether a drone can take an order now, as the centre judges it from what the drone last said. */
public enum Availability {
    /** On its dock, heard recently, ready to launch. */
    READY,
    /** An order was sent or a flight is on its way to (or holding over) a scene. */
    IN_FLIGHT,
    /** Flying home (RETURN or LAND): airborne and free, may be retasked. */
    RETURNING,
    /** Landed after a flight: recharging for the configured turnaround before it is ready again. */
    CHARGING,
    /** Silent for longer than the silence timeout, never heard, or unreachable: its district is uncovered. */
    DOWN,
    /** Taken out of service by an agent or after a failed flight; an agent returns it to service. */
    MAINTENANCE;

    /** @return true when the drone's district has no usable drone (DOWN or MAINTENANCE) */
    public boolean uncovered() {
        return this == DOWN || this == MAINTENANCE;
    }
}
