package org.vigie.centre;

/** What a {@link CentreRecord} records: a decision of the centre, an agent's action, or a drone's change. */
public enum CentreAction {
    /** An alert opened a new incident. */
    OPENED,
    /** An alert was merged into an open incident nearby. */
    MERGED,
    /** An alert was refused at intake (invalid, unknown button, outside every district, flood). */
    INTAKE_REFUSED,
    /** The district's drone was ordered to launch. */
    LAUNCH,
    /** The incident waits for its drone. */
    QUEUE,
    /** An airborne drone was ordered to this incident. */
    RETASK,
    /** The incident lost its drone to a more urgent one and waits again. */
    PREEMPTED,
    /** No drone will go, and why. */
    REFUSE,
    /** The drone took off for the incident. */
    LAUNCHED,
    /** The drone reached the scene. */
    ON_SCENE,
    /** The on-duty agent was asked to approve. */
    APPROVAL_REQUESTED,
    /** The on-duty agent was asked to confirm a launch already made. */
    CONFIRMATION_REQUESTED,
    /** An agent approved. */
    APPROVED,
    /** An agent confirmed a launch. */
    CONFIRMED,
    /** The confirmation deadline passed without an answer: the drone is recalled. */
    CONFIRMATION_TIMEOUT,
    /** An agent (or the centre) cancelled the incident. */
    CANCEL,
    /** A drone was recalled home. */
    RECALL,
    /** An agent's action was refused (not on duty, wrong state), with why. */
    AGENT_REFUSED,
    /** A drone went silent or unreachable: its district is uncovered. */
    DRONE_DOWN,
    /** A drone was heard again: its district is covered. */
    DRONE_BACK,
    /** A drone was taken out of service or returned to service. */
    MAINTENANCE
}
