package org.vigie.centre;

/**
 * Where an incident stands. Every incident ends in exactly one of the three terminal states: {@link #ON_SCENE},
 * {@link #REFUSED} or {@link #CANCELLED}; nothing is dropped silently.
 */
public enum IncidentState {
    /** Waiting for the on-duty agent's approval before any drone is sent. */
    AWAITING_APPROVAL,
    /** Waiting for its district's drone (busy, charging), ordered by priority then age. */
    QUEUED,
    /** An order (dispatch or retask) has been sent; waiting for the drone's answer. */
    ORDERED,
    /** The drone accepted and is on its way. */
    FLYING,
    /** A drone reached the scene. Terminal. */
    ON_SCENE,
    /** No drone will go, with the reason. Terminal. */
    REFUSED,
    /** Cancelled by an agent or recalled, with who and why. Terminal. */
    CANCELLED;

    /** @return true for ON_SCENE, REFUSED and CANCELLED */
    public boolean terminal() {
        return this == ON_SCENE || this == REFUSED || this == CANCELLED;
    }
}
