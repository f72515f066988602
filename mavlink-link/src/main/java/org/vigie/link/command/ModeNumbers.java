package org.vigie.link.command;

import java.util.Locale;
import java.util.Map;

/**
 * Flight-mode numbers for MAV_CMD_DO_SET_MODE, by name: ArduCopter custom modes and PX4 main/sub modes.
 *
 * <p>Immutable, thread-safe. Kept small and private to this package until the link's public mode table exists.
 */
final class ModeNumbers {

    /** MAV_MODE_FLAG_CUSTOM_MODE_ENABLED. */
    static final int CUSTOM_MODE_ENABLED = 1;

    /** ArduCopter custom_mode values (ArduCopter/mode.h). */
    static final Map<String, Integer> ARDUCOPTER = Map.ofEntries(
            Map.entry("STABILIZE", 0), Map.entry("ACRO", 1), Map.entry("ALT_HOLD", 2), Map.entry("AUTO", 3),
            Map.entry("GUIDED", 4), Map.entry("LOITER", 5), Map.entry("RTL", 6), Map.entry("CIRCLE", 7),
            Map.entry("LAND", 9), Map.entry("DRIFT", 11), Map.entry("SPORT", 13), Map.entry("FLIP", 14),
            Map.entry("AUTOTUNE", 15), Map.entry("POSHOLD", 16), Map.entry("BRAKE", 17), Map.entry("THROW", 18),
            Map.entry("AVOID_ADSB", 19), Map.entry("GUIDED_NOGPS", 20), Map.entry("SMART_RTL", 21),
            Map.entry("FLOWHOLD", 22), Map.entry("FOLLOW", 23), Map.entry("ZIGZAG", 24), Map.entry("SYSTEMID", 25),
            Map.entry("AUTOROTATE", 26), Map.entry("AUTO_RTL", 27));

    /** PX4 modes as {main mode, sub mode} (px4_custom_mode.h). */
    static final Map<String, int[]> PX4 = Map.ofEntries(
            Map.entry("MANUAL", new int[] {1, 0}), Map.entry("ALTCTL", new int[] {2, 0}),
            Map.entry("POSCTL", new int[] {3, 0}), Map.entry("ACRO", new int[] {5, 0}),
            Map.entry("OFFBOARD", new int[] {6, 0}), Map.entry("STABILIZED", new int[] {7, 0}),
            Map.entry("AUTO_READY", new int[] {4, 1}), Map.entry("AUTO_TAKEOFF", new int[] {4, 2}),
            Map.entry("AUTO_LOITER", new int[] {4, 3}), Map.entry("AUTO_MISSION", new int[] {4, 4}),
            Map.entry("AUTO_RTL", new int[] {4, 5}), Map.entry("AUTO_LAND", new int[] {4, 6}),
            Map.entry("AUTO_FOLLOW_TARGET", new int[] {4, 8}), Map.entry("AUTO_PRECLAND", new int[] {4, 9}));

    /** Common aliases to PX4 names. */
    static final Map<String, String> PX4_ALIASES = Map.of("MISSION", "AUTO_MISSION", "RTL", "AUTO_RTL",
            "LAND", "AUTO_LAND", "LOITER", "AUTO_LOITER", "HOLD", "AUTO_LOITER", "TAKEOFF", "AUTO_TAKEOFF",
            "POSITION", "POSCTL", "ALTITUDE", "ALTCTL");

    private ModeNumbers() {
    }

    /**
     * DO_SET_MODE params 1..3 for a mode name.
     *
     * @param flavour firmware family (ARDUPILOT or PX4)
     * @param name mode name, case-insensitive
     * @return {base mode, custom/main mode, sub mode}
     * @throws IllegalArgumentException for an unknown name or a GENERIC flavour
     */
    static float[] doSetModeParams(AutopilotFlavour flavour, String name) {
        if (name == null) {
            throw new IllegalArgumentException("mode name must not be null");
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        switch (flavour) {
            case ARDUPILOT -> {
                Integer m = ARDUCOPTER.get(n);
                if (m == null) {
                    throw new IllegalArgumentException("unknown ArduCopter mode '" + name + "'; known: "
                            + new java.util.TreeSet<>(ARDUCOPTER.keySet()));
                }
                return new float[] {CUSTOM_MODE_ENABLED, m, 0};
            }
            case PX4 -> {
                int[] m = PX4.get(PX4_ALIASES.getOrDefault(n, n));
                if (m == null) {
                    throw new IllegalArgumentException("unknown PX4 mode '" + name + "'; known: "
                            + new java.util.TreeSet<>(PX4.keySet()));
                }
                return new float[] {CUSTOM_MODE_ENABLED, m[0], m[1]};
            }
            default -> throw new IllegalArgumentException("no mode names for a " + flavour
                    + " autopilot; use setMode(baseMode, customMode, subMode)");
        }
    }
}
