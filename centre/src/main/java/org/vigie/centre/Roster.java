package org.vigie.centre;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is on duty: each drone (by system id) is watched by one agent. Immutable; a shift change installs a new roster
 * ({@link DispatchCentre#setRoster}).
 */
public final class Roster {

    private final Map<Integer, String> agentByDrone;

    private Roster(Map<Integer, String> agentByDrone) {
        this.agentByDrone = Map.copyOf(agentByDrone);
    }

    /** @return a roster with nobody on duty */
    public static Roster empty() {
        return new Roster(Map.of());
    }

    /**
     * A copy with one more assignment.
     *
     * @param droneSystemId the drone
     * @param agentId       the agent watching it (1..64 characters)
     * @return the new roster
     * @throws IllegalArgumentException if the agent id is blank or too long
     */
    public Roster assign(int droneSystemId, String agentId) {
        if (agentId == null || agentId.isBlank() || agentId.length() > 64) {
            throw new IllegalArgumentException("agentId '" + agentId + "' must be 1..64 characters");
        }
        Map<Integer, String> m = new HashMap<>(agentByDrone);
        m.put(droneSystemId, agentId);
        return new Roster(m);
    }

    /**
     * A roster where agents watch drones in turn: drone i goes to agent {@code agents[i % n]} in system-id order.
     *
     * @param droneSystemIds the drones
     * @param agentIds       the agents on duty (at least one)
     * @return the roster
     * @throws IllegalArgumentException if no agent is given
     */
    public static Roster roundRobin(Iterable<Integer> droneSystemIds, java.util.List<String> agentIds) {
        if (agentIds.isEmpty()) {
            throw new IllegalArgumentException("no agent on duty");
        }
        Roster r = empty();
        int i = 0;
        for (int id : droneSystemIds) {
            r = r.assign(id, agentIds.get(i++ % agentIds.size()));
        }
        return r;
    }

    /** @param droneSystemId a drone @return the agent watching it, or empty */
    public Optional<String> agentFor(int droneSystemId) {
        return Optional.ofNullable(agentByDrone.get(droneSystemId));
    }
}
