package org.vigie.link.vehicle;

import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.Optional;

/**
 * Snapshot of the autopilot a link is attached to, as last announced by its HEARTBEAT (and AUTOPILOT_VERSION when one
 * was received). Immutable; equal snapshots mean nothing observable changed.
 *
 * @param sysId the autopilot's system id
 * @param compId the autopilot's component id (1 for ArduPilot and PX4)
 * @param flavour flight stack, from HEARTBEAT.autopilot
 * @param mavAutopilot HEARTBEAT.autopilot (MAV_AUTOPILOT)
 * @param mavType HEARTBEAT.type (MAV_TYPE), e.g. 2 for a quadrotor
 * @param baseMode HEARTBEAT.base_mode (MAV_MODE_FLAG bits)
 * @param customMode HEARTBEAT.custom_mode (unsigned 32-bit)
 * @param systemStatus HEARTBEAT.system_status (MAV_STATE)
 * @param connected false once its heartbeat has been missing for the link's peer-lost timeout
 * @param flightSwVersion AUTOPILOT_VERSION.flight_sw_version, 0 until received
 * @param capabilities AUTOPILOT_VERSION.capabilities (MAV_PROTOCOL_CAPABILITY bits), 0 until received
 */
public record Vehicle(int sysId, int compId, AutopilotFlavour flavour, int mavAutopilot, int mavType, int baseMode,
                      long customMode, int systemStatus, boolean connected, long flightSwVersion, long capabilities) {

    /** MAV_MODE_FLAG_SAFETY_ARMED. */
    public static final int MAV_MODE_FLAG_SAFETY_ARMED = 0x80;

    /** @return whether base_mode has MAV_MODE_FLAG_SAFETY_ARMED */
    public boolean armed() {
        return (baseMode & MAV_MODE_FLAG_SAFETY_ARMED) != 0;
    }

    /** @return the flight-mode name from the flavour's table, or "UNKNOWN(n)" (see {@link FlightModes#modeName}) */
    public String modeName() {
        return FlightModes.modeName(flavour, customMode);
    }

    /** @return the flight mode from the flavour's table, or empty if unknown */
    public Optional<FlightMode> flightMode() {
        return FlightModes.fromCustomMode(flavour, customMode);
    }

    /** @return MAV_TYPE as dronefleet enum, or null if this dronefleet version does not know the value */
    public MavType vehicleType() {
        return EnumValue.<MavType>create(MavType.class, mavType).entry();
    }

    /** @return MAV_STATE as dronefleet enum, or null if unknown */
    public MavState state() {
        return EnumValue.<MavState>create(MavState.class, systemStatus).entry();
    }

    /**
     * Flight software version from AUTOPILOT_VERSION (major.minor.patch, then the release type byte).
     *
     * @return e.g. "4.7.0 (type 0)", or "unknown" before AUTOPILOT_VERSION arrived
     */
    public String flightSwVersionText() {
        if (flightSwVersion == 0) {
            return "unknown";
        }
        long v = flightSwVersion;
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + " (type " + (v & 0xFF) + ")";
    }

    /** @return a one-line description for logs */
    @Override
    public String toString() {
        return "Vehicle[" + sysId + "/" + compId + " " + flavour + " " + (vehicleType() != null ? vehicleType()
                : "type " + mavType) + " " + modeName() + (armed() ? " ARMED" : " disarmed") + " status " + systemStatus
                + (connected ? "" : " LOST") + "]";
    }
}
