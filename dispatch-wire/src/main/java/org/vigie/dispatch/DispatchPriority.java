package org.vigie.dispatch;

/**
 * Urgency of a dispatch, ordered from lowest to highest. A dispatch arriving while a flight is in progress retasks
 * it only if its priority is strictly higher than the current one (see {@link Companion}).
 */
public enum DispatchPriority {
    /** Check on something; may wait. */
    ROUTINE,
    /** An alert that needs eyes soon. */
    URGENT,
    /** Life or safety at stake. */
    EMERGENCY;

    /**
     * @param other the priority to compare with
     * @return true when this priority is strictly higher than {@code other}
     */
    public boolean outranks(DispatchPriority other) {
        return compareTo(other) > 0;
    }
}
