package org.vigie.centre.alert;

import org.vigie.dispatch.DispatchPriority;

/**
 * An alert as it reaches the centre, before validation: a press of a registered button, or a position given by a
 * caller. Immutable values; the centre validates them ({@code DispatchCentre.submit}) and answers with a refusal
 * naming the field rather than throwing.
 */
public sealed interface Alert {

    /** @return who or what raised it, for flood control and the record (button id or caller id) */
    String sourceId();

    /**
     * A button was pressed.
     *
     * @param buttonId the button's id (must be registered)
     */
    record ButtonPress(String buttonId) implements Alert {
        @Override
        public String sourceId() {
            return buttonId == null ? "" : buttonId;
        }
    }

    /**
     * A caller gave a position (a phone call taken by an operator, another dispatch system).
     *
     * @param callerId    the caller's or system's id, 1..64 characters
     * @param latDeg      latitude, WGS84 degrees
     * @param lonDeg      longitude, WGS84 degrees
     * @param priority    how urgent the caller's alert is
     * @param description what is happening, 1..200 characters
     */
    record CallerPosition(String callerId, double latDeg, double lonDeg, DispatchPriority priority,
                          String description) implements Alert {
        @Override
        public String sourceId() {
            return callerId == null ? "" : callerId;
        }
    }
}
