package org.vigie.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The simulated autopilot's parameter table: names, MAV_PARAM_TYPE and values, in a fixed order (the index used by
 * PARAM_REQUEST_LIST / PARAM_REQUEST_READ by index). Values are held as the autopilot holds them (integers are
 * rounded and clamped to their type on set); on the wire ArduPilot sends every value cast to float
 * (MAV_PROTOCOL_CAPABILITY_PARAM_FLOAT).
 *
 * <p>Threading: confined to the simulator's event thread (not thread-safe).
 */
public final class SimParams {

    /** MAV_PARAM_TYPE_UINT8. */
    public static final int UINT8 = 1;
    /** MAV_PARAM_TYPE_INT8. */
    public static final int INT8 = 2;
    /** MAV_PARAM_TYPE_UINT16. */
    public static final int UINT16 = 3;
    /** MAV_PARAM_TYPE_INT16. */
    public static final int INT16 = 4;
    /** MAV_PARAM_TYPE_UINT32. */
    public static final int UINT32 = 5;
    /** MAV_PARAM_TYPE_INT32. */
    public static final int INT32 = 6;
    /** MAV_PARAM_TYPE_REAL32. */
    public static final int REAL32 = 9;

    /**
     * One parameter.
     *
     * @param name up to 16 characters
     * @param type MAV_PARAM_TYPE
     * @param value current value
     * @param index position in the table
     */
    public record Param(String name, int type, double value, int index) {}

    private final Map<String, Param> byName = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<BiConsumer<String, Double>> listeners = new ArrayList<>();

    /** Creates an empty table. */
    public SimParams() {}

    /**
     * ArduCopter 4.7's whole parameter table (1,354 names, types and defaults, in its index order, from
     * {@code arducopter-4.7-params.tsv}), then the values the simulator flies by: those relevant to a dispatch drone
     * (fence, avoidance, navigation speeds, RTL, landing, battery, failsafes) and the sensor parameters ArduCopter
     * announces at boot, set as below (a name already in the table keeps its index; MNT1_PITCH_MIN/MAX, the
     * simulated gimbal's, are added at the end).
     *
     * @param sysId MAV_SYSID
     * @param batteryCapacityMah BATT_CAPACITY
     * @return the table
     */
    public static SimParams arduCopterDefaults(int sysId, int batteryCapacityMah) {
        SimParams p = new SimParams();
        ParamTable.defineAll(p, ParamTable.ARDUCOPTER_4_7);
        defineFlownBy(p, sysId, batteryCapacityMah);
        return p;
    }

    /** The parameters the simulator flies by, with its values (ArduCopter's names). */
    private static void defineFlownBy(SimParams p, int sysId, int batteryCapacityMah) {
        p.define("FORMAT_VERSION", INT16, 120);
        p.define("MAV_SYSID", INT16, sysId);
        p.define("MAV_GCS_SYSID", INT16, 255);
        p.define("FRAME_CLASS", INT8, 1);
        p.define("FRAME_TYPE", INT8, 0);
        p.define("ARMING_CHECK", INT32, 1);
        p.define("DISARM_DELAY", INT8, 10);
        p.define("ESC_CALIBRATION", INT8, 0);
        p.define("RELAY1_FUNCTION", INT8, 1);
        p.define("COMPASS_DEV_ID", INT32, 97539);
        p.define("COMPASS_DEV_ID2", INT32, 131874);
        p.define("COMPASS_DEV_ID3", INT32, 263178);
        p.define("COMPASS_EXTERNAL", INT8, 1);
        p.define("CAM1_TYPE", INT8, 0);
        p.define("CAM2_TYPE", INT8, 0);
        p.define("BARO_ALT_OFFSET", REAL32, 0);
        p.define("BARO1_GND_PRESS", REAL32, 100904.18);
        p.define("BARO2_GND_PRESS", REAL32, 100903.89);
        p.define("INS_GYR_ID", INT32, 2752772);
        p.define("INS_ACC_ID", INT32, 2753028);
        p.define("INS_GYR2_ID", INT32, 2752780);
        p.define("INS_ACC2_ID", INT32, 2753036);
        p.define("INS_GYROFFS_X", REAL32, 2.3449767e-05);
        p.define("INS_GYROFFS_Y", REAL32, 2.5720374e-05);
        p.define("INS_GYROFFS_Z", REAL32, 2.9012084e-05);
        p.define("INS_GYR1_CALTEMP", REAL32, 25.018353);
        p.define("INS_GYR2OFFS_X", REAL32, 2.0153275e-05);
        p.define("INS_GYR2OFFS_Y", REAL32, 2.7733695e-05);
        p.define("INS_GYR2OFFS_Z", REAL32, 1.7050623e-05);
        p.define("INS_GYR2_CALTEMP", REAL32, 25.018353);
        p.define("INS_GYR3OFFS_X", REAL32, 0);
        p.define("INS_GYR3OFFS_Y", REAL32, 0);
        p.define("INS_GYR3OFFS_Z", REAL32, 0);
        p.define("INS_GYR3_ID", INT32, 0);
        p.define("EK3_SRC1_POSXY", INT8, 3);
        p.define("AHRS_EKF_TYPE", INT8, 3);
        p.define("GPS1_TYPE", INT8, 1);
        p.define("FENCE_ENABLE", INT8, 0);
        p.define("FENCE_TYPE", INT8, 7);
        p.define("FENCE_ACTION", REAL32, 1);
        p.define("FENCE_ALT_MAX", REAL32, 100);
        p.define("FENCE_ALT_MIN", REAL32, -10);
        p.define("FENCE_MARGIN", REAL32, 2);
        p.define("FENCE_RADIUS", REAL32, 150);
        p.define("FENCE_TOTAL", INT8, 0);
        p.define("FENCE_AUTOENABLE", INT8, 0);
        p.define("FENCE_OPTIONS", INT16, 0);
        p.define("AVOID_ENABLE", INT8, 3);
        p.define("AVOID_MARGIN", REAL32, 2);
        p.define("AVOID_BEHAVE", INT8, 0);
        p.define("WPNAV_SPEED", REAL32, 1000);
        p.define("WPNAV_SPEED_UP", REAL32, 250);
        p.define("WPNAV_SPEED_DN", REAL32, 150);
        p.define("WPNAV_RADIUS", REAL32, 200);
        p.define("WPNAV_ACCEL", REAL32, 250);
        p.define("WPNAV_ACCEL_Z", REAL32, 100);
        p.define("WP_YAW_BEHAVIOR", INT8, 2);
        p.define("RTL_ALT", INT32, 1500);
        p.define("RTL_ALT_FINAL", INT16, 0);
        p.define("RTL_LOIT_TIME", INT32, 5000);
        p.define("RTL_SPEED", INT16, 0);
        p.define("RTL_CLIMB_MIN", INT16, 0);
        p.define("LAND_SPEED", INT16, 50);
        p.define("LAND_SPEED_HIGH", INT16, 0);
        p.define("LAND_ALT_LOW", INT16, 1000);
        p.define("PILOT_SPEED_UP", INT16, 250);
        p.define("PILOT_SPEED_DN", INT16, 0);
        p.define("PILOT_ACCEL_Z", INT16, 250);
        p.define("ANGLE_MAX", INT16, 3000);
        p.define("ATC_SLEW_YAW", REAL32, 6000);
        p.define("GUID_TIMEOUT", REAL32, 3);
        p.define("AUTO_OPTIONS", INT32, 0);
        p.define("MIS_RESTART", INT8, 0);
        p.define("MIS_TOTAL", INT16, 0);
        p.define("MIS_OPTIONS", INT16, 0);
        p.define("RALLY_TOTAL", INT8, 0);
        p.define("RALLY_LIMIT_KM", REAL32, 0.3);
        p.define("RALLY_INCL_HOME", INT8, 1);
        p.define("BATT_MONITOR", INT8, 4);
        p.define("BATT_CAPACITY", INT32, batteryCapacityMah);
        p.define("BATT_LOW_VOLT", REAL32, 10.5);
        p.define("BATT_CRT_VOLT", REAL32, 0);
        p.define("BATT_LOW_MAH", REAL32, 0);
        p.define("BATT_CRT_MAH", REAL32, 0);
        p.define("BATT_FS_LOW_ACT", INT8, 0);
        p.define("BATT_FS_CRT_ACT", INT8, 0);
        p.define("BATT_ARM_VOLT", REAL32, 0);
        p.define("BATT_ARM_MAH", INT32, 0);
        p.define("FS_THR_ENABLE", INT8, 1);
        p.define("FS_GCS_ENABLE", INT8, 0);
        p.define("FS_GCS_TIMEOUT", REAL32, 5);
        p.define("FS_EKF_ACTION", INT8, 1);
        p.define("FS_EKF_THRESH", REAL32, 0.8);
        p.define("MNT1_TYPE", INT8, 1);
        p.define("MNT1_PITCH_MIN", REAL32, -90);
        p.define("MNT1_PITCH_MAX", REAL32, 20);
        p.define("MOT_THST_HOVER", REAL32, 0.35);
        p.define("STAT_BOOTCNT", INT16, 1);
        p.define("STAT_RUNTIME", INT32, 0);
        p.define("STAT_FLTTIME", INT32, 0);
    }

    /**
     * The PX4 flavour's table: the ArduCopter parameters the simulator flies by (its behaviour reads them; not
     * ArduCopter's whole table) plus PX4's own names for what
     * a companion sets or reads, kept in step by {@link SimVehicle}: MAV_SYS_ID, GF_ACTION, GF_MAX_HOR_DIST,
     * GF_MAX_VER_DIST, MPC_XY_CRUISE, MPC_XY_VEL_MAX, MPC_Z_VEL_MAX_UP, MPC_Z_VEL_MAX_DN, MPC_Z_V_AUTO_UP,
     * MPC_Z_V_AUTO_DN, MPC_ACC_HOR, MPC_LAND_SPEED, MIS_TAKEOFF_ALT,
     * NAV_ACC_RAD, RTL_RETURN_ALT, COM_DISARM_LAND, BAT1_CAPACITY.
     *
     * @param sysId MAV_SYS_ID
     * @param batteryCapacityMah BAT1_CAPACITY
     * @return the table
     */
    public static SimParams px4Defaults(int sysId, int batteryCapacityMah) {
        SimParams p = new SimParams();
        defineFlownBy(p, sysId, batteryCapacityMah);
        p.define("MAV_SYS_ID", INT32, sysId);
        p.define("GF_ACTION", INT32, 1);
        p.define("GF_MAX_HOR_DIST", REAL32, 0);
        p.define("GF_MAX_VER_DIST", REAL32, 0);
        p.define("MPC_XY_CRUISE", REAL32, 5);
        p.define("MPC_Z_VEL_MAX_UP", REAL32, 3);
        p.define("MPC_Z_VEL_MAX_DN", REAL32, 1.5);
        p.define("MPC_XY_VEL_MAX", REAL32, 12);
        p.define("MPC_Z_V_AUTO_UP", REAL32, 3);
        p.define("MPC_Z_V_AUTO_DN", REAL32, 1.5);
        p.define("MPC_ACC_HOR", REAL32, 3);
        p.define("MPC_LAND_SPEED", REAL32, 0.7);
        p.define("MIS_TAKEOFF_ALT", REAL32, 2.5);
        p.define("NAV_ACC_RAD", REAL32, 2);
        p.define("RTL_RETURN_ALT", REAL32, 60);
        p.define("COM_DISARM_LAND", REAL32, 2);
        p.define("BAT1_CAPACITY", REAL32, batteryCapacityMah);
        return p;
    }

    /**
     * Sets a value without notifying listeners (for keeping aliases in step).
     *
     * @param name parameter name
     * @param value new value
     */
    void setQuietly(String name, double value) {
        Param p = byName.get(name);
        if (p != null && Double.isFinite(value)) {
            byName.put(name, new Param(name, p.type(), coerce(p.type(), value), p.index()));
        }
    }

    /**
     * Adds a parameter at the end of the table, or redefines an existing one in place (same index, new type and
     * value, listeners not called).
     *
     * @param name 1..16 characters
     * @param type MAV_PARAM_TYPE
     * @param value default
     * @throws IllegalArgumentException for a bad name
     */
    public void define(String name, int type, double value) {
        if (name == null || name.isEmpty() || name.length() > 16) {
            throw new IllegalArgumentException("parameter name must be 1..16 characters, was " + name);
        }
        Param old = byName.get(name);
        if (old != null) {
            byName.put(name, new Param(name, type, coerce(type, value), old.index()));
            return;
        }
        byName.put(name, new Param(name, type, coerce(type, value), order.size()));
        order.add(name);
    }

    /**
     * Registers a listener called after every successful {@link #set}.
     *
     * @param listener receives the name and the stored value
     */
    public void onChange(BiConsumer<String, Double> listener) {
        listeners.add(listener);
    }

    /** @return the number of parameters */
    public int count() {
        return order.size();
    }

    /**
     * @param name parameter name
     * @return the parameter, or null if unknown
     */
    public @Nullable Param get(String name) {
        return byName.get(name);
    }

    /**
     * @param index table index
     * @return the parameter, or null if out of range
     */
    public @Nullable Param get(int index) {
        return index >= 0 && index < order.size() ? byName.get(order.get(index)) : null;
    }

    /**
     * @param name a parameter that must exist
     * @return its value
     * @throws IllegalArgumentException if unknown
     */
    public double value(String name) {
        Param p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return p.value();
    }

    /**
     * Sets a value, coerced to the parameter's type, and notifies listeners.
     *
     * @param name parameter name
     * @param value new value
     * @return the stored parameter, or null if the name is unknown or the value not finite
     */
    public @Nullable Param set(String name, double value) {
        Param p = byName.get(name);
        if (p == null || !Double.isFinite(value)) {
            return null;
        }
        Param q = new Param(name, p.type(), coerce(p.type(), value), p.index());
        byName.put(name, q);
        for (BiConsumer<String, Double> l : listeners) {
            l.accept(name, q.value());
        }
        return q;
    }

    /** @return all parameters in index order */
    public List<Param> all() {
        List<Param> l = new ArrayList<>(order.size());
        for (String n : order) {
            l.add(byName.get(n));
        }
        return Collections.unmodifiableList(l);
    }

    private static double coerce(int type, double v) {
        return switch (type) {
            case UINT8 -> clamp(Math.round(v), 0, 255);
            case INT8 -> clamp(Math.round(v), -128, 127);
            case UINT16 -> clamp(Math.round(v), 0, 65535);
            case INT16 -> clamp(Math.round(v), -32768, 32767);
            case UINT32 -> clamp(Math.round(v), 0, 4294967295L);
            case INT32 -> clamp(Math.round(v), Integer.MIN_VALUE, Integer.MAX_VALUE);
            default -> (float) v;
        };
    }

    private static double clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
