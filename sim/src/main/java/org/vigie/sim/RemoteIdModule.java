package org.vigie.sim;

import org.jspecify.annotations.Nullable;

/**
 * An OpenDroneID (Remote ID) transmitter fitted to the simulated ArduCopter, as AP_OpenDroneID drives one: the
 * {@code DID_*} parameters appear (DID_ENABLE 1; DID_OPTIONS bit 0, EnforceArming, as given), the autopilot keeps the
 * OPEN_DRONE_ID_* messages a ground station or companion sends it, and arming is refused with ArduPilot's
 * "OpenDroneID: ..." reasons while what only the operator knows is missing. Immutable.
 *
 * @param enforceArming      DID_OPTIONS bit 0: arming requires Remote ID to be complete
 * @param transmitterPresent a transmitter answers OPEN_DRONE_ID_ARM_STATUS (false: "ARM_STATUS not available")
 * @param lockedUasId        the UAS serial number locked in the autopilot (ArduPilot's persistent DID_UAS_ID), or
 *                           null when a BASIC_ID must come from the ground
 */
public record RemoteIdModule(boolean enforceArming, boolean transmitterPresent, @Nullable String lockedUasId) {

    /** @return a transmitter that enforces arming, with a locked serial number (a production ODID build) */
    public static RemoteIdModule enforcing() {
        return new RemoteIdModule(true, true, "1596F3ABCDEF12345678");
    }
}
