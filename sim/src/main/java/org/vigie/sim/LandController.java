package org.vigie.sim;

/**
 * Landing: the LAND mode's descent, ArduCopter's land detector (landed 1.55 s after touch-down, disarm 0.5 s later in
 * LAND, RTL or a mission's final RTL/LAND item; DISARM_DELAY on the ground otherwise) and the landed state reported
 * in EXTENDED_SYS_STATE.
 *
 * <p>Threading: event thread only.
 */
final class LandController {

    private static final long LAND_DETECT_NS = 1_550_000_000L;
    private static final long LAND_DISARM_NS = 500_000_000L;

    private final SimState state;
    private final FlightModel flight;
    private final SimParams params;
    private final Arming arming;
    private final AutoController auto;
    private final RtlController rtl;

    private long groundSinceNs;
    private boolean landDisarmPending;

    LandController(SimState state, FlightModel flight, SimParams params, Arming arming, AutoController auto,
                   RtlController rtl) {
        this.state = state;
        this.flight = flight;
        this.params = params;
        this.arming = arming;
        this.auto = auto;
        this.rtl = rtl;
    }

    /** Entering LAND: descend where the vehicle is. */
    void start() {
        state.takeoffActive = false;
        flight.land();
    }

    /** The flight model touched the ground now, ns. */
    void onTouchdown(long now) {
        groundSinceNs = now;
    }

    /** One step of the land detector. */
    void run(long now) {
        if (!flight.onGround) {
            state.landComplete = false;
            return;
        }
        if (!state.landComplete && now - groundSinceNs >= LAND_DETECT_NS) {
            state.landComplete = true;
            state.idleOnGroundSinceNs = now;
            landDisarmPending = state.armed;
        }
        if (landDisarmPending && now - groundSinceNs >= LAND_DETECT_NS + LAND_DISARM_NS) {
            landDisarmPending = false;
            if (state.armed) {
                onLandComplete();
            }
        }
        if (state.armed && state.landComplete && !state.takeoffActive) {
            double delay = params.value("DISARM_DELAY");
            if (delay > 0 && now - state.idleOnGroundSinceNs >= (long) (delay * 1e9)) {
                arming.disarm();
            }
        }
    }

    private void onLandComplete() {
        if (state.mode == CopterMode.LAND || state.mode == CopterMode.RTL) {
            arming.disarm();
        } else if (state.mode == CopterMode.AUTO) {
            auto.onLandComplete();
        }
    }

    /** @return MAV_LANDED_STATE now: 1 on ground, 2 in air, 3 taking off, 4 landing */
    int landedState() {
        if (!state.armed || state.landComplete) {
            return 1;
        }
        if (flight.onGround && !isLanding()) {
            return 1;
        }
        if (state.takeoffActive && state.takeoffClimbing) {
            return 3;
        }
        if (isLanding()) {
            return 4;
        }
        return 2;
    }

    private boolean isLanding() {
        if (state.mode == CopterMode.LAND) {
            return true;
        }
        if (state.mode == CopterMode.RTL && rtl.landing()) {
            return true;
        }
        if (state.mode == CopterMode.AUTO) {
            return auto.isLanding();
        }
        return false;
    }
}
