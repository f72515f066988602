package org.vigie.dispatch;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The phases of one dispatch flight and the only transitions allowed between them.
 *
 * <p>Nominal order: PREFLIGHT, UPLOAD, ARM, TAKEOFF, TRANSIT, ON_SCENE, RETURN, LAND, DONE. {@link #ABORTED}
 * (stopped on purpose, with a reason: refused, cancelled on the ground, a pilot took over) and {@link #FAILED}
 * (something we could not handle: a command refused, the autopilot lost) are terminal, like {@link #DONE}.
 * Retasking goes back to TRANSIT from ON_SCENE or RETURN; a failsafe can jump from any airborne phase to RETURN or
 * LAND. The table is explicit: {@link #canTransitionTo(FlightPhase)} is the single authority, so an illegal
 * transition cannot happen silently. Immutable and thread-safe.
 */
public enum FlightPhase {
    /** Checking GPS, EKF, home, battery energy and link before anything is sent to the autopilot. */
    PREFLIGHT,
    /** Uploading the district fence (and its parameters) and the mission, verified by reading back. */
    UPLOAD,
    /** Switching to the arming mode and arming; confirmed from HEARTBEAT. */
    ARM,
    /** Climbing to the transit altitude; confirmed from the relative altitude. */
    TAKEOFF,
    /** Flying the planned route to the target. */
    TRANSIT,
    /** Holding near the target with the camera's region of interest on it. */
    ON_SCENE,
    /** Flying back home along a route planned inside the fence. */
    RETURN,
    /** Landing at home until disarm is detected. */
    LAND,
    /** Landed and disarmed at home: success. */
    DONE,
    /** Stopped on purpose with a stated reason. Terminal. */
    ABORTED,
    /** Stopped because something could not be handled. Terminal. */
    FAILED;

    private static final Map<FlightPhase, Set<FlightPhase>> NEXT = new EnumMap<>(FlightPhase.class);

    static {
        NEXT.put(PREFLIGHT, EnumSet.of(UPLOAD, ABORTED, FAILED));
        NEXT.put(UPLOAD, EnumSet.of(ARM, ABORTED, FAILED));
        NEXT.put(ARM, EnumSet.of(TAKEOFF, ABORTED, FAILED));
        NEXT.put(TAKEOFF, EnumSet.of(TRANSIT, RETURN, LAND, ABORTED, FAILED));
        NEXT.put(TRANSIT, EnumSet.of(ON_SCENE, RETURN, LAND, ABORTED, FAILED));
        NEXT.put(ON_SCENE, EnumSet.of(TRANSIT, RETURN, LAND, ABORTED, FAILED));
        NEXT.put(RETURN, EnumSet.of(TRANSIT, LAND, ABORTED, FAILED));
        NEXT.put(LAND, EnumSet.of(DONE, ABORTED, FAILED));
        NEXT.put(DONE, EnumSet.noneOf(FlightPhase.class));
        NEXT.put(ABORTED, EnumSet.noneOf(FlightPhase.class));
        NEXT.put(FAILED, EnumSet.noneOf(FlightPhase.class));
        for (FlightPhase p : values()) {
            NEXT.put(p, Collections.unmodifiableSet(NEXT.get(p)));
        }
    }

    /**
     * The phases this phase may move to.
     *
     * @return an unmodifiable set, empty for terminal phases
     */
    public Set<FlightPhase> next() {
        return Objects.requireNonNull(NEXT.get(this), "every phase has its row");
    }

    /**
     * Whether moving from this phase to {@code target} is allowed.
     *
     * @param target the phase to move to; a phase never moves to itself
     * @return true when the transition table allows it
     */
    public boolean canTransitionTo(FlightPhase target) {
        return next().contains(target);
    }

    /** @return true for DONE, ABORTED and FAILED: nothing follows */
    public boolean isTerminal() {
        return this == DONE || this == ABORTED || this == FAILED;
    }

    /** @return true for the phases in which the vehicle is normally in the air (TAKEOFF to LAND) */
    public boolean isAirborne() {
        return this == TAKEOFF || this == TRANSIT || this == ON_SCENE || this == RETURN || this == LAND;
    }
}
