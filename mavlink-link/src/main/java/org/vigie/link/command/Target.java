package org.vigie.link.command;

import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * The autopilot component a microservice talks to: its MAVLink system and component ids and its firmware flavour.
 * Services take a {@code Supplier<Target>} read on the event thread at the start of each operation, so that a target
 * learnt later from HEARTBEAT is picked up.
 *
 * @param systemId target system id, 1..255
 * @param componentId target component id, 0..255 (1 = MAV_COMP_ID_AUTOPILOT1)
 * @param flavour firmware family
 */
public record Target(int systemId, int componentId, AutopilotFlavour flavour) {

    /**
     * Validates the ids.
     *
     * @throws IllegalArgumentException if an id is out of range or the flavour is null
     */
    public Target {
        if (systemId < 1 || systemId > 255) {
            throw new IllegalArgumentException("target systemId must be 1..255, was " + systemId);
        }
        if (componentId < 0 || componentId > 255) {
            throw new IllegalArgumentException("target componentId must be 0..255, was " + componentId);
        }
        if (flavour == null) {
            throw new IllegalArgumentException("target flavour must not be null");
        }
    }

    /**
     * The usual autopilot: system 1, component 1.
     *
     * @param flavour firmware family
     * @return the target
     */
    public static Target autopilot(AutopilotFlavour flavour) {
        return new Target(1, 1, flavour);
    }

    /**
     * The target for the vehicle the link tracks.
     *
     * @param vehicle the link's vehicle (ids and flavour from its HEARTBEAT)
     * @return the target
     */
    public static Target of(org.vigie.link.vehicle.Vehicle vehicle) {
        return new Target(vehicle.sysId(), vehicle.compId(), vehicle.flavour());
    }
}
