package org.vigie.centre;

/** How an on-duty agent is involved before a drone flies to an incident of some kind. */
public enum AgentMode {
    /** Launch at once and ask the agent to confirm within the deadline; unconfirmed, the drone is recalled. */
    LAUNCH_THEN_CONFIRM,
    /** Ask the agent to approve first; unapproved within the deadline, the incident is refused. */
    APPROVE_FIRST
}
