package org.vigie.dispatch;

import java.util.Objects;

/**
 * A FLIGHT_STATUS received by a {@link DispatchClient}: which drone, and the status. Immutable.
 *
 * @param droneSystemId the drone's system id
 * @param status        the status (flight id, phase, outcome once ended, alert, reason)
 */
public record FlightStatusUpdate(int droneSystemId, DispatchMessage.FlightStatus status) {
    /** Rejects null. */
    public FlightStatusUpdate {
        Objects.requireNonNull(status, "status");
    }
}
