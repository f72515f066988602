package org.vigie.link.vehicle;

/**
 * One named flight mode of an autopilot flavour and the values that select it.
 *
 * <p>To switch to it: SET_MODE(base_mode = {@link #baseMode()}, custom_mode = {@link #customMode()}), or
 * MAV_CMD_DO_SET_MODE with param1 = base_mode and, for ArduPilot, param2 = custom_mode; for PX4, param2 =
 * {@link #px4MainMode()} and param3 = {@link #px4SubMode()}.
 *
 * @param flavour the autopilot flavour
 * @param name upper-case mode name, e.g. "GUIDED" (ArduCopter) or "AUTO_MISSION" (PX4)
 * @param baseMode HEARTBEAT/SET_MODE base_mode to send: MAV_MODE_FLAG_CUSTOM_MODE_ENABLED (1)
 * @param customMode the custom_mode value as in HEARTBEAT.custom_mode (unsigned 32-bit)
 */
public record FlightMode(AutopilotFlavour flavour, String name, int baseMode, long customMode) {

    /** MAV_MODE_FLAG_CUSTOM_MODE_ENABLED. */
    public static final int MAV_MODE_FLAG_CUSTOM_MODE_ENABLED = 1;

    /** @return PX4 main mode, bits 16..23 of custom_mode */
    public int px4MainMode() {
        return (int) (customMode >>> 16) & 0xFF;
    }

    /** @return PX4 sub mode, bits 24..31 of custom_mode */
    public int px4SubMode() {
        return (int) (customMode >>> 24) & 0xFF;
    }
}
