package org.vigie.sim;

import org.jspecify.annotations.Nullable;

/**
 * Arming and disarming as ArduCopter does them: the pre-arm checks worded as ArduCopter words them (and their
 * "Arm: ..." STATUSTEXT), modes that cannot be armed in, a disarm refused in the air (FAILED, no STATUSTEXT, as
 * ArduCopter 4.7 SITL answers it), and the statistics parameters announced on disarm.
 *
 * <p>Threading: event thread only.
 */
final class Arming {

    private final SimConfig config;
    private final SimState state;
    private final FlightModel flight;
    private final SimParams params;
    private final ParamServer paramServer;
    private final Outbox out;
    private final SimRemoteId remoteId;

    Arming(SimConfig config, SimState state, FlightModel flight, SimParams params, ParamServer paramServer,
           Outbox out, SimRemoteId remoteId) {
        this.config = config;
        this.state = state;
        this.flight = flight;
        this.params = params;
        this.paramServer = paramServer;
        this.out = out;
        this.remoteId = remoteId;
    }

    /** @return the first failing pre-arm check as ArduCopter words it, or null if ready to arm */
    @Nullable String prearmFailure() {
        if (state.elapsedS() < config.accelsSettleDelay().toMillis() / 1000.0) {
            return "Accels inconsistent";
        }
        if (state.fenceEnabled && !state.positionOk()) {
            return "Fence enabled, need position estimate";
        }
        if (state.mode.requiresPosition() && !state.positionOk()) {
            return "Need Position Estimate";
        }
        if (!state.gpsFix && (state.fenceEnabled || state.mode.requiresPosition())) {
            return "GPS 1: Bad fix";
        }
        double armMah = params.value("BATT_ARM_MAH");
        if (armMah > 0 && flight.capacityMah - flight.consumedMah < armMah) {
            return "Battery 1 below minimum arming capacity";
        }
        double armVolt = params.value("BATT_ARM_VOLT");
        if (armVolt > 0 && flight.voltageV < armVolt) {
            return "Battery 1 below minimum arming voltage";
        }
        if (state.battLow || state.battCritical) {
            return "Battery 1 low";
        }
        if (state.fenceEnabled && (state.fenceTypeActive & 4) != 0 && state.fence.hasPolygonFence()
                && !state.fence.containsHorizontally(flight.northM, flight.eastM)) {
            return "Vehicle breaching Polygon fence";
        }
        if (state.fenceEnabled && (state.fenceTypeActive & 2) != 0
                && GeoNe.hypot(flight.northM - state.homeNorthM, flight.eastM - state.homeEastM)
                > params.value("FENCE_RADIUS")) {
            return "Vehicle breaching Circle fence";
        }
        String odid = remoteId.prearmFailure();
        return odid == null ? null : "OpenDroneID: " + odid;
    }

    /**
     * Arms (COMPONENT_ARM_DISARM 1). Starting a PX4 mission's take-off when armed in AUTO is the caller's.
     *
     * @param force the magic force value was given: no checks
     * @return a MAV_RESULT
     */
    int arm(boolean force) {
        if (state.armed) {
            return 0;
        }
        if (!force) {
            String why = prearmFailure();
            if (why != null) {
                out.statustext(2, "Arm: " + why);
                return 4;
            }
            boolean ardu = config.flavour() == Flavour.ARDUCOPTER;
            if (ardu && (state.mode == CopterMode.AUTO || state.mode == CopterMode.RTL
                    || state.mode == CopterMode.LAND || state.mode == CopterMode.BRAKE)) {
                out.statustext(2, "Arm: " + state.mode.label() + " mode not armable");
                return 4;
            }
        }
        state.armed = true;
        state.armedAtNs = state.now();
        state.autoArmed = config.flavour() == Flavour.PX4 && state.mode == CopterMode.AUTO;
        state.landComplete = true;
        state.idleOnGroundSinceNs = state.now();
        if (config.flavour() == Flavour.ARDUCOPTER) {
            out.statustext(6, "Arming motors");
        }
        return 0;
    }

    /**
     * Disarms on command (COMPONENT_ARM_DISARM 0).
     *
     * @param force the magic force value was given: disarm even in the air
     * @return a MAV_RESULT
     */
    int disarmCommand(boolean force) {
        if (!state.armed) {
            return 0;
        }
        if (!force && !(flight.onGround && state.landComplete)) {
            return 4;
        }
        disarm();
        return 0;
    }

    /** Disarms now (command, landing, DISARM_DELAY, end of mission). */
    void disarm() {
        if (!state.armed) {
            return;
        }
        if (config.flavour() == Flavour.ARDUCOPTER) {
            out.statustext(6, "Disarming motors");
        }
        state.armed = false;
        state.autoArmed = false;
        state.takeoffActive = false;
        flight.idle();
        if ((state.mode == CopterMode.AUTO || state.mode == CopterMode.RTL) && flight.onGround) {
            state.neActive = false;
        }
        announceStats();
        if (config.flavour() == Flavour.ARDUCOPTER) {
            paramServer.announce("MOT_THST_HOVER");
        }
    }

    /** Updates and announces STAT_RUNTIME and STAT_FLTTIME (ArduCopter flavour). */
    void announceStats() {
        if (config.flavour() != Flavour.ARDUCOPTER) {
            return;
        }
        params.set("STAT_RUNTIME", Math.floor(state.elapsedS()));
        if (state.flightTimeS > 0) {
            params.set("STAT_FLTTIME", Math.floor(state.flightTimeS));
            paramServer.announce("STAT_FLTTIME");
        }
        paramServer.announce("STAT_RUNTIME");
    }
}
