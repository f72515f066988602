package org.vigie.link.vehicle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flight-mode tables: name to (base_mode, custom_mode) and back, for ArduCopter and PX4.
 *
 * <p>ArduCopter: custom_mode is the mode number of ArduCopter's {@code Mode::Number} (mode.h): STABILIZE 0, ACRO 1,
 * ALT_HOLD 2, AUTO 3, GUIDED 4, LOITER 5, RTL 6, CIRCLE 7, LAND 9, DRIFT 11, SPORT 13, FLIP 14, AUTOTUNE 15, POSHOLD 16,
 * BRAKE 17, THROW 18, AVOID_ADSB 19, GUIDED_NOGPS 20, SMART_RTL 21, FLOWHOLD 22, FOLLOW 23, ZIGZAG 24, SYSTEMID 25,
 * AUTOROTATE 26, AUTO_RTL 27, TURTLE 28. (ArduPlane and Rover number their modes differently; this table is for
 * multicopters, the only vehicles Vigie flies.)
 *
 * <p>PX4: custom_mode = main_mode &lt;&lt; 16 | sub_mode &lt;&lt; 24 ({@code px4_custom_mode.h}). Main modes MANUAL 1,
 * ALTCTL 2, POSCTL 3, AUTO 4, ACRO 5, OFFBOARD 6, STABILIZED 7, RATTITUDE 8, TERMINATION 10; POSCTL sub modes
 * POSCTL 0, ORBIT 1, SLOW 2; AUTO sub modes READY 1, TAKEOFF 2, LOITER 3, MISSION 4, RTL 5, LAND 6, FOLLOW_TARGET 8,
 * PRECLAND 9, VTOL_TAKEOFF 10. Names are MANUAL, ALTCTL, POSCTL, POSCTL_ORBIT, POSCTL_SLOW, AUTO_READY, AUTO_TAKEOFF,
 * AUTO_LOITER, AUTO_MISSION, AUTO_RTL, AUTO_LAND, AUTO_FOLLOW_TARGET, AUTO_PRECLAND, AUTO_VTOL_TAKEOFF, ACRO, OFFBOARD,
 * STABILIZED, RATTITUDE, TERMINATION. For flavour-neutral code, lookups by name also accept the aliases
 * TAKEOFF, HOLD, LOITER, MISSION, RTL, LAND, POSITION, ALTITUDE (and AUTO for AUTO_MISSION) on PX4.
 *
 * <p>Lookups by name are case-insensitive. Immutable tables; thread-safe; no instances.
 */
public final class FlightModes {

    private static final Map<String, FlightMode> ARDU_BY_NAME = new LinkedHashMap<>();
    private static final Map<Long, FlightMode> ARDU_BY_NUMBER = new LinkedHashMap<>();
    private static final Map<String, FlightMode> PX4_BY_NAME = new LinkedHashMap<>();
    private static final Map<Long, FlightMode> PX4_BY_NUMBER = new LinkedHashMap<>();
    private static final Map<String, String> PX4_ALIASES = Map.of("TAKEOFF", "AUTO_TAKEOFF", "HOLD", "AUTO_LOITER",
            "LOITER", "AUTO_LOITER", "MISSION", "AUTO_MISSION", "AUTO", "AUTO_MISSION", "RTL", "AUTO_RTL", "LAND",
            "AUTO_LAND", "POSITION", "POSCTL", "ALTITUDE", "ALTCTL");

    static {
        String[] copter = {"STABILIZE", "0", "ACRO", "1", "ALT_HOLD", "2", "AUTO", "3", "GUIDED", "4", "LOITER", "5",
            "RTL", "6", "CIRCLE", "7", "LAND", "9", "DRIFT", "11", "SPORT", "13", "FLIP", "14", "AUTOTUNE", "15",
            "POSHOLD", "16", "BRAKE", "17", "THROW", "18", "AVOID_ADSB", "19", "GUIDED_NOGPS", "20", "SMART_RTL", "21",
            "FLOWHOLD", "22", "FOLLOW", "23", "ZIGZAG", "24", "SYSTEMID", "25", "AUTOROTATE", "26", "AUTO_RTL", "27",
            "TURTLE", "28"};
        for (int i = 0; i < copter.length; i += 2) {
            FlightMode m = new FlightMode(AutopilotFlavour.ARDUPILOT, copter[i],
                    FlightMode.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED, Long.parseLong(copter[i + 1]));
            ARDU_BY_NAME.put(m.name(), m);
            ARDU_BY_NUMBER.put(m.customMode(), m);
        }
        px4("MANUAL", 1, 0);
        px4("ALTCTL", 2, 0);
        px4("POSCTL", 3, 0);
        px4("POSCTL_ORBIT", 3, 1);
        px4("POSCTL_SLOW", 3, 2);
        px4("AUTO_READY", 4, 1);
        px4("AUTO_TAKEOFF", 4, 2);
        px4("AUTO_LOITER", 4, 3);
        px4("AUTO_MISSION", 4, 4);
        px4("AUTO_RTL", 4, 5);
        px4("AUTO_LAND", 4, 6);
        px4("AUTO_FOLLOW_TARGET", 4, 8);
        px4("AUTO_PRECLAND", 4, 9);
        px4("AUTO_VTOL_TAKEOFF", 4, 10);
        px4("ACRO", 5, 0);
        px4("OFFBOARD", 6, 0);
        px4("STABILIZED", 7, 0);
        px4("RATTITUDE", 8, 0);
        px4("TERMINATION", 10, 0);
    }

    private FlightModes() {}

    private static void px4(String name, int main, int sub) {
        FlightMode m = new FlightMode(AutopilotFlavour.PX4, name, FlightMode.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED,
                px4CustomMode(main, sub));
        PX4_BY_NAME.put(name, m);
        PX4_BY_NUMBER.put(m.customMode(), m);
    }

    /**
     * Packs a PX4 main and sub mode into custom_mode.
     *
     * @param mainMode PX4 main mode 0..255
     * @param subMode PX4 sub mode 0..255
     * @return main_mode &lt;&lt; 16 | sub_mode &lt;&lt; 24, as unsigned 32-bit
     * @throws IllegalArgumentException if a value is out of 0..255
     */
    public static long px4CustomMode(int mainMode, int subMode) {
        if (mainMode < 0 || mainMode > 255 || subMode < 0 || subMode > 255) {
            throw new IllegalArgumentException("PX4 main and sub modes must be 0..255, were " + mainMode + ", " + subMode);
        }
        return ((long) mainMode << 16) | ((long) subMode << 24);
    }

    /**
     * Finds a mode by name.
     *
     * @param flavour the autopilot flavour
     * @param name mode name (case-insensitive; PX4 aliases accepted)
     * @return the mode, or empty if the flavour has no such mode (always empty for GENERIC)
     */
    public static Optional<FlightMode> find(AutopilotFlavour flavour, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        return switch (flavour) {
            case ARDUPILOT -> Optional.ofNullable(ARDU_BY_NAME.get(n));
            case PX4 -> Optional.ofNullable(PX4_BY_NAME.getOrDefault(n, PX4_BY_NAME.get(PX4_ALIASES.get(n))));
            case GENERIC -> Optional.empty();
        };
    }

    /**
     * Resolves a mode name to its custom_mode value.
     *
     * @param flavour the autopilot flavour
     * @param name mode name (case-insensitive)
     * @return custom_mode to send (with base_mode {@link FlightMode#MAV_MODE_FLAG_CUSTOM_MODE_ENABLED})
     * @throws IllegalArgumentException if the flavour has no such mode; the message lists the known names
     */
    public static long modeNumber(AutopilotFlavour flavour, String name) {
        return find(flavour, name).orElseThrow(() -> new IllegalArgumentException("flight mode '" + name
                + "' is unknown for " + flavour + "; known: " + names(flavour))).customMode();
    }

    /**
     * The mode a HEARTBEAT.custom_mode denotes.
     *
     * @param flavour the autopilot flavour
     * @param customMode HEARTBEAT.custom_mode (unsigned 32-bit)
     * @return the mode, or empty if not in the table
     */
    public static Optional<FlightMode> fromCustomMode(AutopilotFlavour flavour, long customMode) {
        long cm = customMode & 0xFFFF_FFFFL;
        return switch (flavour) {
            case ARDUPILOT -> Optional.ofNullable(ARDU_BY_NUMBER.get(cm));
            case PX4 -> {
                FlightMode m = PX4_BY_NUMBER.get(cm);
                if (m == null) {
                    int main = (int) (cm >>> 16) & 0xFF;
                    if (main != 3 && main != 4) {
                        m = PX4_BY_NUMBER.get(px4CustomMode(main, 0));
                    }
                }
                yield Optional.ofNullable(m);
            }
            case GENERIC -> Optional.empty();
        };
    }

    /**
     * Name of a HEARTBEAT.custom_mode.
     *
     * @param flavour the autopilot flavour
     * @param customMode HEARTBEAT.custom_mode (unsigned 32-bit)
     * @return the mode name, or "UNKNOWN(n)" (n in decimal for ArduPilot and GENERIC, "main/sub" for PX4)
     */
    public static String modeName(AutopilotFlavour flavour, long customMode) {
        long cm = customMode & 0xFFFF_FFFFL;
        return fromCustomMode(flavour, cm).map(FlightMode::name).orElseGet(() -> flavour == AutopilotFlavour.PX4
                ? "UNKNOWN(" + ((cm >>> 16) & 0xFF) + "/" + ((cm >>> 24) & 0xFF) + ")" : "UNKNOWN(" + cm + ")");
    }

    /**
     * Every mode of a flavour, in table order.
     *
     * @param flavour the autopilot flavour
     * @return an unmodifiable list (empty for GENERIC)
     */
    public static List<FlightMode> modes(AutopilotFlavour flavour) {
        return switch (flavour) {
            case ARDUPILOT -> List.copyOf(ARDU_BY_NAME.values());
            case PX4 -> List.copyOf(PX4_BY_NAME.values());
            case GENERIC -> List.of();
        };
    }

    private static List<String> names(AutopilotFlavour flavour) {
        List<String> n = new ArrayList<>();
        for (FlightMode m : modes(flavour)) {
            n.add(m.name());
        }
        return Collections.unmodifiableList(n);
    }
}
