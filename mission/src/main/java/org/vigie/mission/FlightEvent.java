package org.vigie.mission;

import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightPhase;
import java.time.Instant;
import org.vigie.geofence.plan.StandOff;

/**
 * What a flight tells its listeners, a closed set. Every event carries the scheduler time it happened at.
 * Delivered on the link's callback executor, in order, never on the event thread.
 */
public sealed interface FlightEvent {

    /** @return when the event happened (the injected scheduler's clock) */
    Instant at();

    /**
     * The flight moved from one phase to another.
     *
     * @param at     when
     * @param from   previous phase
     * @param to     new phase
     * @param reason why, in a sentence (for terminal phases: the flight's outcome reason)
     */
    record PhaseChanged(Instant at, FlightPhase from, FlightPhase to, String reason) implements FlightEvent {
    }

    /**
     * Periodic progress (about 1 Hz while airborne).
     *
     * @param at               when
     * @param phase            current phase
     * @param latDeg           vehicle latitude, degrees
     * @param lonDeg           vehicle longitude, degrees
     * @param altitudeRelM     altitude above home, metres
     * @param groundSpeedMps   horizontal speed, m/s
     * @param distanceToGoM    distance left along the current leg (to the scene in TRANSIT, to home in RETURN), metres
     * @param etaS             estimated seconds to the end of the current leg, NaN when unknown
     * @param batteryPercent   remaining battery, percent, or -1 when unknown
     */
    record Progress(Instant at, FlightPhase phase, double latDeg, double lonDeg, double altitudeRelM,
                    double groundSpeedMps, double distanceToGoM, double etaS, int batteryPercent)
            implements FlightEvent {
    }

    /**
     * The target lies where the drone may not fly (inside an exclusion zone, or within the fence's safety margin): the
     * flight goes on scene at the nearest reachable point instead. Emitted when the dispatch is planned, before the
     * dispatch is acknowledged, so the acknowledgement can say it.
     *
     * @param at       when
     * @param standOff the zone (as named in the district file), the point flown to and its distance from the target
     * @param message  the sentence for the dispatcher, e.g. {@code "target lies in exclusion 'police cordon'; on scene
     *                 at the nearest reachable point, 45 m away"}
     */
    record TargetMoved(Instant at, StandOff standOff, String message) implements FlightEvent {
    }

    /**
     * Something worth a person's attention that does not change the plan (a slow autopilot, a waiting check).
     *
     * @param at      when
     * @param message a sentence
     */
    record Warning(Instant at, String message) implements FlightEvent {
    }

    /**
     * A failsafe fired and what we did about it.
     *
     * @param at     when
     * @param kind   which failsafe
     * @param action what the companion did (a sentence)
     */
    record FailsafeTriggered(Instant at, FailsafeKind kind, String action) implements FlightEvent {
    }

    /**
     * A new target was accepted or refused for this flight.
     *
     * @param at       when
     * @param request  the new dispatch
     * @param accepted whether the flight now flies to it
     * @param reason   why (a sentence)
     */
    record Retasked(Instant at, DispatchRequest request, boolean accepted, String reason) implements FlightEvent {
    }

    /**
     * A STATUSTEXT from the autopilot during the flight.
     *
     * @param at       when
     * @param severity MAV_SEVERITY (0 emergency .. 7 debug)
     * @param text     the text
     */
    record AutopilotMessage(Instant at, int severity, String text) implements FlightEvent {
    }
}
