package org.vigie.sim;

import io.dronefleet.mavlink.common.AutopilotVersion;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MessageInterval;
import io.dronefleet.mavlink.common.SetMode;
import io.dronefleet.mavlink.util.EnumValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.Scheduler;

/**
 * COMMAND_LONG, COMMAND_INT and SET_MODE as ArduCopter (or PX4) answers them: injected refusals first, then each
 * MAV_CMD handled by the part it concerns (streams, modes, arming, the flight controllers, pointing, fence, home,
 * reboot) and one COMMAND_ACK with the MAV_RESULT; unknown commands are UNSUPPORTED.
 *
 * <p>Threading: event thread only.
 */
final class CommandHandler {

    /** What the handler needs from the vehicle itself. */
    interface Host {
        /** @return the HEARTBEAT payload now */
        byte[] heartbeat();

        /** Reboots the autopilot now. */
        void reboot();

        /** Sets home: north, east of the origin (m), altitude AMSL (m). */
        void setHome(double northM, double eastM, double altAmslM);
    }

    private final SimConfig config;
    private final Scheduler scheduler;
    private final SimState state;
    private final FlightModel flight;
    private final GeoNe geo;
    private final SimParams params;
    private final Outbox out;
    private final Faults faults;
    private final TelemetryStreams streams;
    private final Modes modes;
    private final Arming arming;
    private final GuidedController guided;
    private final AutoController auto;
    private final Pointing pointing;
    private final Host host;
    private @Nullable MavlinkFrame lastCommandFrame;

    CommandHandler(SimConfig config, Scheduler scheduler, SimState state, FlightModel flight, GeoNe geo,
                   SimParams params, Outbox out, Faults faults, TelemetryStreams streams, Modes modes, Arming arming,
                   GuidedController guided, AutoController auto, Pointing pointing, Host host) {
        this.config = config;
        this.scheduler = scheduler;
        this.state = state;
        this.flight = flight;
        this.geo = geo;
        this.params = params;
        this.out = out;
        this.faults = faults;
        this.streams = streams;
        this.modes = modes;
        this.arming = arming;
        this.guided = guided;
        this.auto = auto;
        this.pointing = pointing;
        this.host = host;
    }

    /** SET_MODE addressed to this vehicle: a mode change and its COMMAND_ACK (command 11). */
    void onSetMode(int ch, SetMode m, MavlinkFrame f) {
        if (m.targetSystem() == config.systemId()) {
            int r = modes.setModeFromGcs(m.baseMode().value(), m.customMode());
            out.reply(ch, commandAck(11, r, f));
        }
    }

    /** COMMAND_INT: executed, then acknowledged on that channel (unless the command answers itself). */
    void onCommandInt(int ch, CommandInt m, MavlinkFrame f) {
        lastCommandFrame = f;
        int r = command(ch, m.command().value(), m.param1(), m.param2(), m.param3(), m.param4(), m.x(),
                m.y(), m.z(), m.frame().value(), true);
        if (r >= 0) {
            out.reply(ch, commandAck(m.command().value(), r, f));
        }
    }

    /** COMMAND_LONG: executed, then acknowledged on that channel (unless the command answers itself). */
    void onCommandLong(int ch, CommandLong m, MavlinkFrame f) {
        lastCommandFrame = f;
        int r = command(ch, m.command().value(), m.param1(), m.param2(), m.param3(), m.param4(),
                m.param5(), m.param6(), m.param7(), -1, false);
        if (r >= 0) {
            out.reply(ch, commandAck(m.command().value(), r, f));
        }
    }

    /**
     * Executes a command.
     *
     * @return a MAV_RESULT, or -1 to send no acknowledgement
     */
    private int command(int ch, int cmd, float p1, float p2, float p3, float p4, double x, double y, float z,
                        int frame, boolean isInt) {
        Integer refused = faults.takeRefusal(cmd);
        if (refused != null) {
            return refused;
        }
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        int latE7 = isInt ? (int) x : (int) Math.round(x * 1e7);
        int lonE7 = isInt ? (int) y : (int) Math.round(y * 1e7);
        switch (cmd) {
            case 511 -> { // SET_MESSAGE_INTERVAL
                return streams.setMessageInterval(ch, Math.round(p1), p2);
            }
            case 510 -> { // GET_MESSAGE_INTERVAL: MESSAGE_INTERVAL (-1 not streamed, 0 unknown id), then the ACK
                int id = Math.round(p1);
                if (ardu && !TelemetryStreams.arduPilotKnows(id)) {
                    out.reply(ch, MessageInterval.builder().messageId(id).intervalUs(0).build());
                    return 4;
                }
                long us = streams.intervalUs(ch, id);
                out.reply(ch, MessageInterval.builder().messageId(id).intervalUs((int) us).build());
                return 0;
            }
            case 512 -> { // REQUEST_MESSAGE
                int id = Math.round(p1);
                byte[] m;
                if (id == 148) {
                    m = Outbox.CODEC.encodePayload(autopilotVersion());
                } else if (id == 0) {
                    m = host.heartbeat();
                } else {
                    m = streams.payloadNow(id);
                }
                if (m == null) {
                    return ardu && TelemetryStreams.availableLater(id) ? 0 : 4;
                }
                out.reply(ch, commandAck(cmd, 0, Objects.requireNonNull(lastCommandFrame, "set by this command")));
                out.sendPayload(ch, id, m);
                return -1;
            }
            case 520 -> { // REQUEST_AUTOPILOT_CAPABILITIES
                out.reply(ch, autopilotVersion());
                return 0;
            }
            case 176 -> { // DO_SET_MODE
                long custom = config.flavour() == Flavour.PX4 ? Px4Modes.encode(Math.round(p2), Math.round(p3))
                        : (long) p2;
                return modes.setModeFromGcs(Math.round(p1), custom);
            }
            case 400 -> { // COMPONENT_ARM_DISARM
                if (p1 == 1) {
                    return arm(Math.round(p2) == 2989);
                } else if (p1 == 0) {
                    return arming.disarmCommand(Math.round(p2) == 21196);
                }
                return 2;
            }
            case 22 -> { // NAV_TAKEOFF
                return guided.takeoff(z);
            }
            case 300 -> { // MISSION_START
                return missionStart();
            }
            case 192 -> { // DO_REPOSITION
                if (!isInt && ardu) {
                    return 3;
                }
                return reposition(p1, (Math.round(p2) & 1) != 0, latE7, lonE7, z, isInt ? frame : 6);
            }
            case 195 -> { // DO_SET_ROI_LOCATION
                pointing.setRoi(latE7, lonE7, z, isInt ? frame : 3);
                return 0;
            }
            case 201 -> { // DO_SET_ROI
                if (Math.round(p1) == 3) {
                    pointing.setRoi(latE7, lonE7, z, isInt ? frame : 3);
                } else if (Math.round(p1) == 0) {
                    pointing.clearRoiAndGimbal();
                }
                return 0;
            }
            case 197 -> { // DO_SET_ROI_NONE
                pointing.clearRoiAndGimbal();
                return 0;
            }
            case 1000 -> { // DO_GIMBAL_MANAGER_PITCHYAW
                return pointing.gimbalPitchYaw(p1, p2, Math.round(z), (int) Math.round(x));
            }
            case 115 -> { // CONDITION_YAW
                if (p1 < 0 || p1 > 360 || (p4 != 0 && p4 != 1)) {
                    return 4;
                }
                double yaw = p4 == 1 ? flight.yawDeg + (p3 < 0 ? -p1 : p1) : p1;
                pointing.fixYaw(((yaw % 360) + 360) % 360);
                return 0;
            }
            case 178 -> { // DO_CHANGE_SPEED
                if (state.mode != CopterMode.AUTO && state.mode != CopterMode.GUIDED
                        && state.mode != CopterMode.RTL) {
                    return 4;
                }
                if (p2 > 0 && (Math.round(p1) == 0 || Math.round(p1) == 1)) {
                    state.speedOverrideMps = p2;
                    return 0;
                }
                return 4;
            }
            case 207 -> { // DO_FENCE_ENABLE
                if (Math.round(p1) == 1) {
                    state.fenceEnabled = true;
                    state.fenceTypeActive = (int) params.value("FENCE_TYPE");
                } else if (Math.round(p1) == 0 || Math.round(p1) == 2) {
                    state.fenceEnabled = Math.round(p1) == 2 && state.fenceEnabled;
                    if (Math.round(p1) == 0) {
                        state.fenceEnabled = false;
                    }
                } else {
                    return 4;
                }
                return 0;
            }
            case 246 -> { // PREFLIGHT_REBOOT_SHUTDOWN
                if (Math.round(p1) != 1) {
                    return Math.round(p1) == 0 ? 0 : 3;
                }
                if (state.armed) {
                    return 4;
                }
                out.reply(ch, commandAck(cmd, 0, Objects.requireNonNull(lastCommandFrame, "set by this command")));
                scheduler.schedule(Duration.ofMillis(100), host::reboot);
                return -1;
            }
            case 20 -> { // NAV_RETURN_TO_LAUNCH
                return modes.setMode(CopterMode.RTL) ? 0 : 4;
            }
            case 21 -> { // NAV_LAND
                return modes.setMode(CopterMode.LAND) ? 0 : 4;
            }
            case 179 -> { // DO_SET_HOME (locks home: arming no longer moves it)
                if (Math.round(p1) == 1) {
                    if (!state.positionOk()) {
                        return 4;
                    }
                    host.setHome(flight.northM, flight.eastM, config.homeAltAmslM() + flight.altM);
                } else {
                    if (x == 0 && y == 0) {
                        return 4;
                    }
                    double lat = isInt ? x : x * 1e7;
                    double lon = isInt ? y : y * 1e7;
                    host.setHome(geo.northM(lat), geo.eastM(lon), z);
                }
                state.homeLocked = true;
                return 0;
            }
            case 519 -> { // REQUEST_PROTOCOL_VERSION
                return 3;
            }
            default -> {
                return 3;
            }
        }
    }

    /**
     * COMPONENT_ARM_DISARM 1; ArduCopter moves home to where it arms (announced by HOME_POSITION) unless DO_SET_HOME
     * locked it; a PX4 vehicle armed in AUTO starts the mission's take-off.
     */
    private int arm(boolean force) {
        boolean wasArmed = state.armed;
        int result = arming.arm(force);
        if (!wasArmed && state.armed && config.flavour() == Flavour.ARDUCOPTER && state.homeSet
                && !state.homeLocked) {
            host.setHome(flight.northM, flight.eastM, config.homeAltAmslM() + flight.altM);
        }
        if (!wasArmed && state.armed && state.autoArmed) {
            auto.beginTakeoffIfNeeded();
        }
        return result;
    }

    private int missionStart() {
        if (state.mode != CopterMode.AUTO && !modes.setMode(CopterMode.AUTO)) {
            return 4;
        }
        if (!state.armed) {
            return 0;
        }
        state.autoArmed = true;
        if (auto.missionComplete()) {
            auto.start();
        }
        auto.beginTakeoffIfNeeded();
        return 0;
    }

    /**
     * MAV_CMD_DO_REPOSITION as ArduCopter handles it: DENIED outside GUIDED unless the change-mode flag is set;
     * FAILED, with no mode change, for a destination that cannot be set (no EKF origin yet, or the fence forbids it);
     * otherwise GUIDED is entered and the destination flown. PX4 switches to LOITER (its Hold) if needed.
     */
    private int reposition(float speed, boolean changeMode, int latE7, int lonE7, float z, int frame) {
        if (config.flavour() == Flavour.PX4) {
            if (state.mode != CopterMode.LOITER && state.mode != CopterMode.GUIDED
                    && !modes.setMode(CopterMode.LOITER)) {
                return 4;
            }
        } else if (state.mode != CopterMode.GUIDED) {
            if (!changeMode) {
                return 2;
            }
            if (!guided.repositionAllowed(latE7, lonE7, z, frame) || !modes.setMode(CopterMode.GUIDED)) {
                return 4;
            }
        }
        return guided.reposition(speed, latE7, lonE7, z, frame);
    }

    private static CommandAck commandAck(int command, int result, MavlinkFrame f) {
        return CommandAck.builder().command(EnumValue.create(command)).result(EnumValue.create(result))
                .progress(0).resultParam2(0).targetSystem(f.sysId()).targetComponent(f.compId()).build();
    }

    /**
     * ArduCopter 4.7's capabilities as captured (0xfbef) without MAV_PROTOCOL_CAPABILITY_FTP (0x20): the simulator
     * does not serve MAVFTP, so it does not advertise it, and a ground station reads the parameters with
     * PARAM_REQUEST_LIST at once instead of waiting for FTP to time out. The PX4 flavour leaves it out too.
     */
    static final long ARDUCOPTER_CAPABILITIES = 0xfbefL & ~0x20L;

    private AutopilotVersion autopilotVersion() {
        boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
        return AutopilotVersion.builder().capabilities(EnumValue.create((int) (ardu ? ARDUCOPTER_CAPABILITIES
                        : 0xe4efL & ~0x20L)))
                .flightSwVersion(ardu ? 0x04070000L : 0x010e00ffL).middlewareSwVersion(0).osSwVersion(0)
                .boardVersion(0).flightCustomVersion("c9f8a98b".getBytes(StandardCharsets.US_ASCII))
                .middlewareCustomVersion(new byte[8]).osCustomVersion(new byte[8]).vendorId(0).productId(0)
                .uid(BigInteger.valueOf(config.systemId())).build();
    }
}
