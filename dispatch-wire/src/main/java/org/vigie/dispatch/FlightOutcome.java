package org.vigie.dispatch;

/** How a flight ended, carried by {@link FlightReport#outcome()}. */
public enum FlightOutcome {
    /** Flew to the scene (or was released) and landed at home, disarmed. */
    COMPLETED,
    /** Never took off: the dispatch was refused with a reason (planner, preflight, energy, policy). */
    REFUSED,
    /** Stopped on purpose after starting: cancelled on the ground, superseded, or a human pilot took over. */
    ABORTED,
    /** Stopped because something could not be handled: a command refused, a timeout, the autopilot lost. */
    FAILED
}
