package org.vigie.mission.flight;

import java.util.List;
import java.util.Locale;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * The autopilot parameters that make the autopilot fly an {@link AircraftProfile}, in the autopilot's units, each
 * checked against the autopilot's documented range before anything is sent. Pure function; thread-safe.
 *
 * <ul>
 *   <li>ArduCopter 4.x (AC_WPNav): WPNAV_SPEED cm/s 10..2000, WPNAV_SPEED_UP cm/s 10..1000, WPNAV_SPEED_DN cm/s
 *       10..500, WPNAV_ACCEL and WPNAV_ACCEL_Z cm/s² 50..500. GUIDED DO_REPOSITION and AUTO fly at these.</li>
 *   <li>PX4 (mc_pos_control): MPC_XY_VEL_MAX m/s 0..20 and MPC_XY_CRUISE m/s 3..20 (the cruise is capped by the
 *       maximum), MPC_Z_VEL_MAX_UP and MPC_Z_V_AUTO_UP m/s 0.5..8, MPC_Z_VEL_MAX_DN and MPC_Z_V_AUTO_DN m/s 0.5..4,
 *       MPC_ACC_HOR m/s² 2..15 (the vertical acceleration keeps PX4's own MPC_ACC_UP_MAX/MPC_ACC_DOWN_MAX).</li>
 * </ul>
 */
public final class ProfileParameters {

    /**
     * One parameter of a profile.
     *
     * @param name  parameter name
     * @param value value in the autopilot's unit
     * @param min   smallest value the autopilot accepts
     * @param max   largest value the autopilot accepts
     * @param unit  the unit, for messages
     */
    public record Setting(String name, double value, double min, double max, String unit) {
        /** @return as a plain parameter setting */
        public ParamSetting asParam() {
            return new ParamSetting(name, value);
        }
    }

    private ProfileParameters() {
    }

    /**
     * @param flavour the autopilot's flavour
     * @param p       the profile
     * @return the settings, in the order they are applied
     * @throws IllegalArgumentException naming the parameter, the value and the autopilot's range when the profile
     *                                  needs a value outside it
     */
    public static List<Setting> of(AutopilotFlavour flavour, AircraftProfile p) {
        List<Setting> s = flavour == AutopilotFlavour.PX4
                ? List.of(new Setting("MPC_XY_VEL_MAX", p.maxHorizontalSpeedMps(), 0, 20, "m/s"),
                        new Setting("MPC_XY_CRUISE", p.maxHorizontalSpeedMps(), 3, 20, "m/s"),
                        new Setting("MPC_Z_VEL_MAX_UP", p.climbRateMps(), 0.5, 8, "m/s"),
                        new Setting("MPC_Z_V_AUTO_UP", p.climbRateMps(), 0.5, 8, "m/s"),
                        new Setting("MPC_Z_VEL_MAX_DN", p.descentRateMps(), 0.5, 4, "m/s"),
                        new Setting("MPC_Z_V_AUTO_DN", p.descentRateMps(), 0.5, 4, "m/s"),
                        new Setting("MPC_ACC_HOR", p.horizontalAccelMps2(), 2, 15, "m/s/s"))
                : List.of(new Setting("WPNAV_SPEED", Math.rint(p.maxHorizontalSpeedMps() * 100), 10, 2000, "cm/s"),
                        new Setting("WPNAV_SPEED_UP", Math.rint(p.climbRateMps() * 100), 10, 1000, "cm/s"),
                        new Setting("WPNAV_SPEED_DN", Math.rint(p.descentRateMps() * 100), 10, 500, "cm/s"),
                        new Setting("WPNAV_ACCEL", Math.rint(p.horizontalAccelMps2() * 100), 50, 500, "cm/s/s"),
                        new Setting("WPNAV_ACCEL_Z", Math.rint(p.verticalAccelMps2() * 100), 50, 500, "cm/s/s"));
        for (Setting x : s) {
            if (!(x.value() >= x.min() && x.value() <= x.max())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "aircraft profile '%s' needs %s = %s %s, outside the %s range %s..%s", p.name(), x.name(),
                        num(x.value()), x.unit(), flavour, num(x.min()), num(x.max())));
            }
        }
        return s;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
