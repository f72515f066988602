package org.vigie.mission;

/** The in-flight failsafes, always on. Each has a stated action, reported in {@link FlightEvent.FailsafeTriggered}. */
public enum FailsafeKind {
    /** No HEARTBEAT from the autopilot: its own failsafe (RTL/land) takes over; we record and wait. */
    AUTOPILOT_LINK_LOST,
    /** No news from the dispatch side: finish the on-scene time, then return. */
    DISPATCH_LINK_LOST,
    /** Battery energy below what the return needs plus the reserve: return now. */
    BATTERY_RESERVE,
    /** Position and velocity predict a fence breach: brake (hold), then re-plan or return. */
    PREDICTED_BREACH,
    /** GPS fix or EKF lost: we stop commanding positions and let the autopilot hold or land. */
    NAVIGATION_LOST,
    /** A mode change we did not ask for: a human pilot has the drone; we stop commanding and keep streaming. */
    PILOT_TAKEOVER,
    /** The autopilot rebooted (uptime went backwards or it came back disarmed in the air). */
    AUTOPILOT_REBOOT,
    /** The autopilot reported a fence breach itself (it switches to RTL or brake by itself). */
    FENCE_BREACH_REPORTED
}
