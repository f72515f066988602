package org.vigie.centre;

import org.jspecify.annotations.Nullable;
import org.vigie.centre.fleet.Availability;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.FlightPhase;

/**
 * The centre's decision policy as a pure function of the district's drone and the incident: launch a ready drone,
 * retask an airborne one that flies home or serves a strictly less urgent incident, queue otherwise, refuse when the
 * district has no usable drone. No state, no clock, no scheduler; any thread.
 */
final class DispatchPolicy {

    private DispatchPolicy() {
    }

    /**
     * What the centre knows of a drone when it decides. Immutable.
     *
     * @param droneId         the drone's system id
     * @param availability    its availability
     * @param note            why it is so (a sentence, shown in refusals)
     * @param phase           its last flight phase, or null when never flown
     * @param airborne        true when it flies a flight of this centre (phase airborne and a flight id)
     * @param orderingId      the incident an order in progress is for, or null
     * @param currentId       the incident it serves, or null
     * @param currentPriority that incident's priority, or null
     */
    record DroneSituation(int droneId, Availability availability, String note, @Nullable FlightPhase phase,
                          boolean airborne, @Nullable String orderingId, @Nullable String currentId,
                          @Nullable DispatchPriority currentPriority) {

        static DroneSituation of(Drone d) {
            Incident current = d.incident;
            Incident ordering = d.ordering;
            return new DroneSituation(d.id(), d.availability, d.note, d.phase, d.airborne(),
                    ordering == null ? null : ordering.id, current == null ? null : current.id,
                    current == null ? null : current.priority);
        }

        /** @return true when it can take the head of its queue now: ready, or flying home, and no order pending */
        boolean canTakeNext() {
            return orderingId == null && (availability == Availability.READY
                    || (airborne && phase == FlightPhase.RETURN));
        }
    }

    /**
     * Decides.
     *
     * @param drone      the district's drone, or null when the district has none
     * @param district   the incident's district name
     * @param incidentId the incident's id
     * @param priority   the incident's priority
     * @return the decision with its reason
     */
    static Decision decide(@Nullable DroneSituation drone, String district, String incidentId,
                           DispatchPriority priority) {
        if (drone == null) {
            return new Decision.Refuse("no drone serves district '" + district + "'");
        }
        String name = "drone " + drone.droneId();
        return switch (drone.availability()) {
            case DOWN -> new Decision.Refuse(name + " of district '" + district + "' is down: " + drone.note());
            case MAINTENANCE -> new Decision.Refuse(name + " of district '" + district + "' is in maintenance: "
                    + drone.note());
            case READY -> drone.orderingId() == null
                    ? new Decision.Launch(name + " of district '" + district + "' is ready")
                    : new Decision.Queue(name + " is being ordered to " + drone.orderingId());
            default -> airborneOrBusy(drone, name, incidentId, priority);
        };
    }

    private static Decision airborneOrBusy(DroneSituation drone, String name, String incidentId,
                                           DispatchPriority priority) {
        boolean retaskable = drone.orderingId() == null && drone.airborne() && drone.phase() != FlightPhase.LAND;
        DispatchPriority currentPriority = drone.currentPriority();
        if (retaskable && drone.phase() == FlightPhase.RETURN) {
            return new Decision.Retask(name + " is flying home and free");
        }
        if (retaskable && currentPriority != null && priority.outranks(currentPriority)) {
            return new Decision.Retask(name + " is airborne (" + drone.phase() + ") for " + drone.currentId() + " ("
                    + currentPriority + "); " + incidentId + " is " + priority);
        }
        return new Decision.Queue(name + " is " + drone.availability()
                + (drone.currentId() != null ? " for " + drone.currentId() + " (" + currentPriority + ")" : "")
                + (drone.orderingId() != null ? ", being ordered to " + drone.orderingId() : ""));
    }
}
