package org.vigie.centre;

import java.time.Instant;

/** What the centre tells its listeners (consoles, the HTTP layer, tests). Immutable values. */
public sealed interface CentreEvent {

    /**
     * A drone went silent (or could not be reached) and its district is uncovered.
     *
     * @param droneSystemId the drone
     * @param district      its district, now uncovered
     * @param reason        why it is judged down
     */
    record DroneDown(int droneSystemId, String district, String reason) implements CentreEvent {
    }

    /**
     * A drone that was down is heard again; its district is covered.
     *
     * @param droneSystemId the drone
     * @param district      its district
     */
    record DroneBack(int droneSystemId, String district) implements CentreEvent {
    }

    /**
     * A drone's flight failed and the drone is out of service until an agent returns it
     * ({@link DispatchCentre#setInService}).
     *
     * @param droneSystemId the drone
     * @param district      its district, uncovered meanwhile
     * @param reason        what failed
     */
    record MaintenanceNeeded(int droneSystemId, String district, String reason) implements CentreEvent {
    }

    /**
     * The on-duty agent must approve (approve-first) or confirm (launch-then-confirm) before the deadline.
     *
     * @param agentId    the agent asked
     * @param incident   the incident
     * @param approval   true: approve before launch; false: confirm a launch already made
     * @param deadline   centre time by which the agent must answer
     */
    record AgentAsked(String agentId, IncidentView incident, boolean approval, Instant deadline)
            implements CentreEvent {
    }

    /**
     * An incident changed state.
     *
     * @param incident the incident as it now stands
     */
    record IncidentChanged(IncidentView incident) implements CentreEvent {
    }
}
