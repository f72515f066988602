package org.vigie.sim;

import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;

/**
 * GUIDED flight and the take-off every mode uses: NAV_TAKEOFF (ArduCopter: motors stopped until 2 s after arming, then
 * 1 s of spool-up; PX4: 2 s of spool-up; then the climb), the
 * DO_REPOSITION destination checked against the fence (AC_Fence::check_destination_within_fence),
 * SET_POSITION_TARGET_GLOBAL_INT as a position or as a velocity that times out after GUID_TIMEOUT, and the
 * fence avoidance (AVOID_ENABLE) that limits a commanded velocity.
 *
 * <p>Threading: event thread only.
 */
final class GuidedController {

    private static final long SPOOL_UP_NS = 2_000_000_000L;
    /** ArduCopter keeps the motors stopped for ARMING_DELAY_SEC (2 s) after arming. */
    private static final long ARMING_DELAY_NS = 2_000_000_000L;
    /**
     * ArduCopter's spool-up and thrust ramp before the climb starts. With the simulator's vertical acceleration this
     * puts 0.5 m at 2.0 s after NAV_TAKEOFF, or 4.0 s after arming when NAV_TAKEOFF follows it at once, as measured on
     * SITL (sitl-suite's GuidedFlightConformanceTest).
     */
    private static final long ARDUCOPTER_SPOOL_UP_NS = 1_000_000_000L;

    private final SimConfig config;
    private final SimState state;
    private final FlightModel flight;
    private final SimParams params;
    private final GeoNe geo;
    private final Pointing pointing;

    private long takeoffAtNs;
    private double takeoffAltM;
    private long guidedVelocityUntilNs;
    /** A destination arrived during the take-off: flown once the take-off altitude is reached. */
    private boolean guidedPending;
    private double guidedVn;
    private double guidedVe;
    private double guidedVu;
    private boolean guidedVelocity;
    private double posTargetN;
    private double posTargetE;
    private double posTargetAlt;

    GuidedController(SimConfig config, SimState state, FlightModel flight, SimParams params, GeoNe geo,
                     Pointing pointing) {
        this.config = config;
        this.state = state;
        this.flight = flight;
        this.params = params;
        this.geo = geo;
        this.pointing = pointing;
    }

    /**
     * MAV_CMD_NAV_TAKEOFF: GUIDED (ArduCopter) or any mode (PX4, altitude AMSL or NaN for MIS_TAKEOFF_ALT).
     *
     * @param altM altitude as commanded, m
     * @return a MAV_RESULT
     */
    int takeoff(float altM) {
        if (!state.armed || !flight.onGround) {
            return 4;
        }
        if (config.flavour() == Flavour.PX4) {
            altM = Float.isNaN(altM) ? (float) params.value("MIS_TAKEOFF_ALT") : (float) (altM - state.homeAltAmslM);
        }
        if (state.mode != CopterMode.GUIDED && !(config.flavour() == Flavour.PX4)) {
            return 4;
        }
        if (altM <= 0) {
            return 4;
        }
        startTakeoff(altM);
        state.autoArmed = true;
        return 0;
    }

    /** Starts a take-off to an altitude above home, m: the arming delay and the spool-up, then the climb. */
    void startTakeoff(double altM) {
        state.takeoffActive = true;
        state.takeoffClimbing = false;
        takeoffAltM = altM;
        takeoffAtNs = config.flavour() == Flavour.ARDUCOPTER
                ? Math.max(state.now(), state.armedAtNs + ARMING_DELAY_NS) + ARDUCOPTER_SPOOL_UP_NS
                : state.now() + SPOOL_UP_NS;
        flight.idle();
    }

    /** One step of a take-off in progress (any mode); then flies a destination that came during it. */
    void runTakeoff(long now) {
        if (state.takeoffActive && state.armed) {
            if (!state.takeoffClimbing && now >= takeoffAtNs) {
                state.takeoffClimbing = true;
                flight.flyTo(flight.northM, flight.eastM, takeoffAltM, state.wpSpeed(flight));
                state.idleOnGroundSinceNs = now;
            }
            if (state.takeoffClimbing && flight.altM >= takeoffAltM - 0.3) {
                state.takeoffActive = false;
                state.takeoffClimbing = false;
                if (state.mode == CopterMode.GUIDED && guidedPending) {
                    guidedPending = false;
                    flight.flyTo(posTargetN, posTargetE, posTargetAlt, state.wpSpeed(flight));
                }
            }
        }
    }

    /** A mode change ends a velocity command. */
    void cancelVelocity() {
        guidedVelocity = false;
    }

    /** Entering GUIDED (or a mode that holds): the position target is where the flight model now aims. */
    void holdTarget() {
        posTargetN = flight.tgtNorthM;
        posTargetE = flight.tgtEastM;
        posTargetAlt = flight.tgtAltM;
    }

    /**
     * The flying part of MAV_CMD_DO_REPOSITION (the caller has put the vehicle in GUIDED): FAILED for a destination
     * the fence forbids. ArduCopter ignores the speed (it flies at WPNAV_SPEED or what DO_CHANGE_SPEED set; checked
     * on SITL by sitl-suite's GuidedFlightConformanceTest); PX4 takes it as the ground speed.
     *
     * @param speed ground speed, m/s (0 or less: unchanged; ignored by ArduCopter)
     * @param latE7 latitude, degE7 (0, 0 = here)
     * @param lonE7 longitude, degE7
     * @param z altitude, m, in {@code frame}
     * @param frame MAV_FRAME of the altitude
     * @return a MAV_RESULT
     */
    int reposition(float speed, int latE7, int lonE7, float z, int frame) {
        if (!repositionAllowed(latE7, lonE7, z, frame)) {
            return 4;
        }
        double n = (latE7 == 0 && lonE7 == 0) ? flight.northM : geo.northM(latE7);
        double e = (latE7 == 0 && lonE7 == 0) ? flight.eastM : geo.eastM(lonE7);
        double alt = state.altRelFromFrame(frame, z);
        if (speed > 0 && config.flavour() == Flavour.PX4) {
            state.speedOverrideMps = speed;
        }
        guidedGoto(n, e, alt);
        return 0;
    }

    /**
     * Whether ModeGuided::set_destination would take this DO_REPOSITION destination: the EKF has its origin (ArduCopter
     * cannot turn a location into a position before) and the fence allows it.
     *
     * @param latE7 latitude, degE7 (0, 0 = here)
     * @param lonE7 longitude, degE7
     * @param z altitude, m, in {@code frame}
     * @param frame MAV_FRAME of the altitude
     * @return whether the destination can be set
     */
    boolean repositionAllowed(int latE7, int lonE7, float z, int frame) {
        if (config.flavour() == Flavour.ARDUCOPTER && !state.ekfOrigin) {
            return false;
        }
        double n = (latE7 == 0 && lonE7 == 0) ? flight.northM : geo.northM(latE7);
        double e = (latE7 == 0 && lonE7 == 0) ? flight.eastM : geo.eastM(lonE7);
        return destinationAllowed(n, e, state.altRelFromFrame(frame, z));
    }

    private void guidedGoto(double n, double e, double alt) {
        posTargetN = n;
        posTargetE = e;
        posTargetAlt = alt;
        guidedVelocity = false;
        if (state.takeoffActive) {
            guidedPending = true;
        } else if (!flight.onGround) {
            flight.flyTo(n, e, alt, state.wpSpeed(flight));
        }
    }

    /** AC_Fence::check_destination_within_fence. */
    private boolean destinationAllowed(double n, double e, double altRel) {
        if (!state.fenceEnabled) {
            return true;
        }
        if ((state.fenceTypeActive & 1) != 0 && altRel > params.value("FENCE_ALT_MAX")) {
            return false;
        }
        if ((state.fenceTypeActive & 2) != 0
                && GeoNe.hypot(n - state.homeNorthM, e - state.homeEastM) > params.value("FENCE_RADIUS")) {
            return false;
        }
        return (state.fenceTypeActive & 4) == 0 || state.fence.containsHorizontally(n, e);
    }

    /** SET_POSITION_TARGET_GLOBAL_INT, in GUIDED and armed only: a position, or else a velocity; yaw if given. */
    void onSetPositionTarget(SetPositionTargetGlobalInt m) {
        if (state.mode != CopterMode.GUIDED || !state.armed) {
            return;
        }
        int mask = m.typeMask().value();
        boolean usePos = (mask & 0x7) != 0x7;
        boolean useVel = (mask & 0x38) != 0x38;
        if ((mask & 0x400) == 0 && Float.isFinite(m.yaw())) {
            pointing.fixYaw(((Math.toDegrees(m.yaw()) % 360) + 360) % 360);
        }
        if (usePos) {
            int frame = m.coordinateFrame().value();
            double n = geo.northM(m.latInt());
            double e = geo.eastM(m.lonInt());
            double alt = state.altRelFromFrame(frame, m.alt());
            if (!destinationAllowed(n, e, alt)) {
                return;
            }
            guidedGoto(n, e, alt);
        } else if (useVel) {
            guidedVelocity = true;
            guidedVelocityUntilNs = state.now() + (long) (params.value("GUID_TIMEOUT") * 1e9);
            guidedVn = m.vx();
            guidedVe = m.vy();
            guidedVu = -m.vz();
            if (!flight.onGround) {
                flight.flyVelocity(guidedVn, guidedVe, guidedVu);
            }
        }
    }

    /** One step in GUIDED while armed: a velocity command times out (brake) or is limited by the fence. */
    void run(long now) {
        if (guidedVelocity) {
            if (now > guidedVelocityUntilNs) {
                guidedVelocity = false;
                flight.brake();
            } else {
                applyAvoidance();
            }
        } else {
            state.mitigation = 1;
        }
    }

    private void applyAvoidance() {
        int avoid = (int) params.value("AVOID_ENABLE");
        state.mitigation = 1;
        if (flight.onGround) {
            return;
        }
        flight.flyVelocity(guidedVn, guidedVe, guidedVu);
        if ((avoid & 1) == 0 || !state.fenceEnabled) {
            return;
        }
        double vn = guidedVn;
        double ve = guidedVe;
        double v = GeoNe.hypot(vn, ve);
        if (v < 1e-3) {
            return;
        }
        double margin = params.value("AVOID_MARGIN");
        double dist = Double.POSITIVE_INFINITY;
        if ((state.fenceTypeActive & 4) != 0) {
            dist = state.fence.distanceAlong(flight.northM, flight.eastM, vn / v, ve / v);
        }
        if ((state.fenceTypeActive & 2) != 0) {
            double r = params.value("FENCE_RADIUS");
            double fn = flight.northM - state.homeNorthM;
            double fe = flight.eastM - state.homeEastM;
            double b = fn * vn / v + fe * ve / v;
            double c = fn * fn + fe * fe - r * r;
            double disc = b * b - c;
            if (disc >= 0) {
                dist = Math.min(dist, -b + Math.sqrt(disc));
            }
        }
        if (!Double.isFinite(dist)) {
            return;
        }
        double allowed = Math.sqrt(2 * flight.accelMps2 * 0.5 * Math.max(0, dist - margin));
        if (allowed < v) {
            flight.tgtVnMps = vn / v * allowed;
            flight.tgtVeMps = ve / v * allowed;
            state.mitigation = 2;
        }
    }
}
