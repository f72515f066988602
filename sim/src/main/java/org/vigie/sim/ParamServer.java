package org.vigie.sim;

import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.List;
import org.vigie.link.time.Scheduler;

/**
 * The parameter protocol server: PARAM_REQUEST_READ (answered about 90 ms later, as ArduPilot's parameter I/O thread
 * does), PARAM_REQUEST_LIST, PARAM_SET (echoed; PX4 integers decoded bytewise), unsolicited PARAM_VALUE
 * announcements, and the effect of parameters on the vehicle: flight model limits, FENCE_ENABLE, and in the PX4
 * flavour the ArduCopter names the simulator flies by kept in step with PX4's.
 *
 * <p>Threading: event thread only.
 */
final class ParamServer {

    /** ArduPilot answers PARAM_REQUEST_READ from its parameter I/O thread, about 90 ms later. */
    private static final Duration PARAM_READ_LATENCY = Duration.ofMillis(90);

    private final SimConfig config;
    private final Scheduler scheduler;
    private final SimParams params;
    private final FlightModel flight;
    private final SimState state;
    private final Outbox out;

    ParamServer(SimConfig config, Scheduler scheduler, SimParams params, FlightModel flight, SimState state,
                Outbox out) {
        this.config = config;
        this.scheduler = scheduler;
        this.params = params;
        this.flight = flight;
        this.state = state;
        this.out = out;
        params.onChange(this::onParamChanged);
    }

    /** PARAM_REQUEST_READ by index or name: the PARAM_VALUE on that channel 90 ms later; unknown: no answer. */
    void onParamRead(int ch, ParamRequestRead m) {
        SimParams.Param p;
        int index;
        if (m.paramIndex() >= 0 && m.paramIndex() != 65535) {
            p = params.get(m.paramIndex());
            index = m.paramIndex();
        } else {
            p = params.get(trimName(m.paramId()));
            index = 65535;
        }
        if (p != null) {
            ParamValue v = paramValue(p, index, params.count());
            scheduler.schedule(PARAM_READ_LATENCY, () -> out.reply(ch, v));
        }
    }

    /** PARAM_REQUEST_LIST: every parameter, in index order, on that channel. */
    void onParamList(int ch) {
        int count = params.count();
        List<SimParams.Param> all = params.all();
        for (SimParams.Param p : all) {
            out.reply(ch, paramValue(p, p.index(), count));
        }
    }

    /**
     * PARAM_SET: stores the value (ArduCopter: {@link #arduPilotSetFloat}; PX4: bytewise integers) and echoes it on
     * every channel; an unknown name or a value that is not finite: ignored, no answer.
     */
    void onParamSet(ParamSet m) {
        String name = trimName(m.paramId());
        double value;
        if (config.flavour() == Flavour.PX4) {
            value = decodeBytewise(m.paramValue(), m.paramType() == null ? 9 : m.paramType().value());
        } else {
            SimParams.Param old = params.get(name);
            if (old == null || !Float.isFinite(m.paramValue())) {
                return;
            }
            value = arduPilotSetFloat(m.paramValue(), old.type());
        }
        SimParams.Param p = params.set(name, value);
        if (p != null) {
            out.send(paramValue(p, 65535, params.count()));
        }
    }

    /**
     * ArduPilot's AP_Param::set_float: a value for an integer parameter gets 0.01 added away from zero, is clamped to
     * the parameter's range and truncated (1.7 is stored as 1, -1.6 as -1, 300 in an INT8 as 127); whatever type
     * the PARAM_SET declares, the parameter keeps its own.
     *
     * @param wire the float as received
     * @param ownType the parameter's MAV_PARAM_TYPE
     * @return the value stored
     */
    static double arduPilotSetFloat(float wire, int ownType) {
        float lo;
        float hi;
        switch (ownType) {
            case 1 -> { lo = 0; hi = 255; }
            case 2 -> { lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; }
            case 3 -> { lo = 0; hi = 65535; }
            case 4 -> { lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; }
            case 5 -> { lo = 0; hi = (float) 0xFFFF_FFFFL; }
            case 6 -> { lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; }
            default -> {
                return wire;
            }
        }
        float v = wire + (wire < 0 ? -0.01f : 0.01f);
        v = Math.max(lo, Math.min(hi, v));
        return (long) v;
    }

    /**
     * Decodes a PX4 bytewise PARAM_SET value: for integer MAV_PARAM_TYPEs (1..6) the float's bytes hold the integer.
     *
     * @param wire the float as received
     * @param mavParamType MAV_PARAM_TYPE of the message
     * @return the numeric value
     */
    static double decodeBytewise(float wire, int mavParamType) {
        int bits = Float.floatToRawIntBits(wire);
        return switch (mavParamType) {
            case 1 -> bits & 0xFF;
            case 2 -> (byte) bits;
            case 3 -> bits & 0xFFFF;
            case 4 -> (short) bits;
            case 5 -> Integer.toUnsignedLong(bits);
            case 6 -> bits;
            default -> wire;
        };
    }

    private static String trimName(String s) {
        if (s == null) {
            return "";
        }
        int z = s.indexOf('\0');
        return (z >= 0 ? s.substring(0, z) : s).trim();
    }

    private ParamValue paramValue(SimParams.Param p, int index, int count) {
        // ArduPilot sends every value C-cast to float; PX4 puts an integer parameter's bits in the float's bytes
        float wire = config.flavour() == Flavour.PX4 && p.type() != 9
                ? Float.intBitsToFloat((int) Math.round(p.value())) : (float) p.value();
        return ParamValue.builder().paramId(p.name()).paramValue(wire)
                .paramType(EnumValue.create(p.type())).paramCount(count).paramIndex(index).build();
    }

    /** Sends an unsolicited PARAM_VALUE (index 65535) for a parameter, if it exists. */
    void announce(String name) {
        announce(name, params.count());
    }

    /** Sends an unsolicited PARAM_VALUE with the given param_count, if the parameter exists. */
    void announce(String name, int count) {
        SimParams.Param p = params.get(name);
        if (p != null) {
            out.send(paramValue(p, 65535, count));
        }
    }

    /** Sets a parameter (listeners notified) and announces the stored value. */
    void setAnnounced(String name, double value) {
        SimParams.Param p = params.set(name, value);
        if (p != null) {
            out.send(paramValue(p, 65535, params.count()));
        }
    }

    private void onParamChanged(String name, double value) {
        if (config.flavour() == Flavour.PX4) {
            applyPx4Aliases();
        }
        switch (name) {
            case "FENCE_ENABLE" -> {
                if (value != 0) {
                    state.fenceEnabled = true;
                    state.fenceTypeActive = (int) params.value("FENCE_TYPE");
                } else {
                    state.fenceEnabled = false;
                }
            }
            case "WPNAV_SPEED", "WPNAV_ACCEL", "WPNAV_SPEED_UP", "WPNAV_SPEED_DN", "WPNAV_ACCEL_Z", "LAND_SPEED",
                 "LAND_SPEED_HIGH", "LAND_ALT_LOW", "ATC_SLEW_YAW" -> applyParams();
            default -> { }
        }
    }

    /** Keeps the ArduCopter parameters the simulator flies by in step with PX4's names (PX4 flavour). */
    void applyPx4Aliases() {
        params.setQuietly("MAV_SYSID", params.value("MAV_SYS_ID"));
        // PX4 flies missions and position targets at the AUTO speeds, each within its MAX limit
        params.setQuietly("WPNAV_SPEED", Math.min(params.value("MPC_XY_CRUISE"), params.value("MPC_XY_VEL_MAX")) * 100);
        params.setQuietly("WPNAV_SPEED_UP",
                Math.min(params.value("MPC_Z_V_AUTO_UP"), params.value("MPC_Z_VEL_MAX_UP")) * 100);
        params.setQuietly("WPNAV_SPEED_DN",
                Math.min(params.value("MPC_Z_V_AUTO_DN"), params.value("MPC_Z_VEL_MAX_DN")) * 100);
        params.setQuietly("WPNAV_ACCEL", params.value("MPC_ACC_HOR") * 100);
        params.setQuietly("LAND_SPEED", params.value("MPC_LAND_SPEED") * 100);
        params.setQuietly("WPNAV_RADIUS", params.value("NAV_ACC_RAD") * 100);
        params.setQuietly("RTL_ALT", params.value("RTL_RETURN_ALT") * 100);
        params.setQuietly("DISARM_DELAY", Math.max(0, params.value("COM_DISARM_LAND")));
        double vert = params.value("GF_MAX_VER_DIST");
        double hor = params.value("GF_MAX_HOR_DIST");
        params.setQuietly("FENCE_ALT_MAX", vert > 0 ? vert : 1000);
        params.setQuietly("FENCE_RADIUS", hor > 0 ? hor : 10000);
        int action = switch ((int) params.value("GF_ACTION")) {
            case 2 -> 4;
            case 3 -> 1;
            case 5 -> 2;
            default -> 0;
        };
        params.setQuietly("FENCE_ACTION", action);
        state.fenceTypeActive = 4 | (vert > 0 ? 1 : 0) | (hor > 0 ? 2 : 0);
        applyParams();
    }

    /** Copies the WPNAV_*, LAND_* and ATC_SLEW_YAW limits into the flight model. */
    void applyParams() {
        flight.maxSpeedMps = Math.max(0.2, params.value("WPNAV_SPEED") / 100.0);
        flight.accelMps2 = Math.max(0.5, params.value("WPNAV_ACCEL") / 100.0);
        flight.climbMps = Math.max(0.1, params.value("WPNAV_SPEED_UP") / 100.0);
        flight.descentMps = Math.max(0.1, params.value("WPNAV_SPEED_DN") / 100.0);
        flight.accelZMps2 = Math.max(0.2, params.value("WPNAV_ACCEL_Z") / 100.0);
        flight.landSpeedMps = Math.max(0.1, params.value("LAND_SPEED") / 100.0);
        double high = params.value("LAND_SPEED_HIGH");
        flight.landSpeedHighMps = high > 0 ? high / 100.0 : flight.descentMps;
        flight.landAltLowM = params.value("LAND_ALT_LOW") / 100.0;
        flight.yawRateMaxDps = Math.max(5, params.value("ATC_SLEW_YAW") / 100.0);
    }
}
