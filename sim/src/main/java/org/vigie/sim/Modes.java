package org.vigie.sim;

/**
 * Flight mode changes: as the GCS asks them (SET_MODE, DO_SET_MODE: ArduCopter's checks and their STATUSTEXT, which
 * ArduCopter skips while disarmed, leaving it to the arming checks), as a
 * failsafe forces them, or as a pilot selects them on the RC transmitter; entering a mode starts its controller and
 * sends a HEARTBEAT at once.
 *
 * <p>Threading: event thread only.
 */
final class Modes {

    private final SimConfig config;
    private final SimState state;
    private final FlightModel flight;
    private final Outbox out;
    private final MissionServer missions;
    private final GuidedController guided;
    private final RtlController rtl;
    private final LandController land;
    private final AutoController auto;
    private final Runnable sendHeartbeat;

    Modes(SimConfig config, SimState state, FlightModel flight, Outbox out, MissionServer missions,
          GuidedController guided, RtlController rtl, LandController land, AutoController auto,
          Runnable sendHeartbeat) {
        this.config = config;
        this.state = state;
        this.flight = flight;
        this.out = out;
        this.missions = missions;
        this.guided = guided;
        this.rtl = rtl;
        this.land = land;
        this.auto = auto;
        this.sendHeartbeat = sendHeartbeat;
    }

    /**
     * A mode change from SET_MODE or DO_SET_MODE.
     *
     * @param baseMode MAV_MODE_FLAG bits (custom mode enabled required)
     * @param customMode the flavour's custom mode
     * @return a MAV_RESULT
     */
    int setModeFromGcs(int baseMode, long customMode) {
        if ((baseMode & 1) == 0) {
            return 2;
        }
        CopterMode m = config.flavour() == Flavour.PX4 ? Px4Modes.fromCustomMode(customMode)
                : CopterMode.fromNumber(customMode);
        if (m == null) {
            out.statustext(4, "No such mode " + customMode);
            return 4;
        }
        return setMode(m) ? 0 : 4;
    }

    /**
     * Changes mode with ArduCopter's checks, as commanded by the GCS.
     *
     * @return true if the vehicle is now in that mode
     */
    boolean setMode(CopterMode m) {
        if (m == state.mode) {
            return true;
        }
        if (config.flavour() == Flavour.ARDUCOPTER && !state.armed) {
            // Copter::set_mode ignores the mode's checks while disarmed: the arming checks guard the take-off
            enterMode(m);
            return true;
        }
        if (m.requiresPosition() && !state.positionOk()) {
            out.statustext(4, "Mode change to " + m.label() + " failed: requires position");
            return false;
        }
        if (m == CopterMode.AUTO) {
            int count = missions.count(MissionServer.MISSION);
            boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
            if (count <= (ardu ? 1 : 0)) {
                out.statustext(4, "Mode change to AUTO failed: init failed");
                return false;
            }
            if (ardu && state.armed && flight.onGround && !auto.startsWithTakeoff()) {
                out.statustext(2, "Auto: Missing Takeoff Cmd");
                out.statustext(4, "Mode change to AUTO failed: init failed");
                return false;
            }
        }
        enterMode(m);
        return true;
    }

    /**
     * Changes mode as a failsafe does: only a missing position refuses it, silently.
     *
     * @return true if the vehicle is now in that mode
     */
    boolean setModeForced(CopterMode m) {
        if (state.mode == m) {
            return true;
        }
        if (m.requiresPosition() && !state.positionOk()) {
            return false;
        }
        enterMode(m);
        return true;
    }

    /** A pilot selects a mode on the transmitter: refused silently without a position, no acknowledgement. */
    void pilotMode(CopterMode m) {
        if (m.requiresPosition() && !state.positionOk()) {
            return;
        }
        if (m != state.mode) {
            enterMode(m);
        }
    }

    /** Enters a mode with no check: starts its controller and sends a HEARTBEAT. */
    void enterMode(CopterMode m) {
        CopterMode old = state.mode;
        state.mode = m;
        state.neActive = m != CopterMode.STABILIZE && m != CopterMode.ALT_HOLD;
        guided.cancelVelocity();
        if (old == CopterMode.GUIDED || old == CopterMode.AUTO) {
            state.takeoffActive = state.takeoffActive && m == old;
        }
        if (m != CopterMode.AUTO) {
            state.speedOverrideMps = m == CopterMode.GUIDED ? state.speedOverrideMps : Double.NaN;
        }
        switch (m) {
            case GUIDED, LOITER, BRAKE, STABILIZE, ALT_HOLD -> {
                state.takeoffActive = false;
                if (!flight.onGround) {
                    flight.brake();
                } else {
                    flight.idle();
                }
                guided.holdTarget();
            }
            case RTL -> rtl.start();
            case LAND -> land.start();
            case AUTO -> auto.start();
            default -> { }
        }
        sendHeartbeat.run();
    }
}
