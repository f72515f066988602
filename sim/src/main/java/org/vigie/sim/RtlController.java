package org.vigie.sim;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Return to launch as ArduCopter flies it: climb to RTL_ALT (capped under the altitude fence), return to the nearest
 * of home and the rally points at RTL_SPEED, loiter RTL_LOIT_TIME, then descend to RTL_ALT_FINAL or land. Used by
 * the RTL mode and by the mission's NAV_RETURN_TO_LAUNCH.
 *
 * <p>Threading: event thread only.
 */
final class RtlController {

    private enum Phase { CLIMB, RETURN, LOITER, FINAL, LAND }

    private final SimState state;
    private final FlightModel flight;
    private final SimParams params;
    private final GeoNe geo;
    private final MissionServer missions;

    private @Nullable Phase phase;
    private double rtlAltM;
    private double rtlN;
    private double rtlE;
    private long loiterUntilNs;

    RtlController(SimState state, FlightModel flight, SimParams params, GeoNe geo, MissionServer missions) {
        this.state = state;
        this.flight = flight;
        this.params = params;
        this.geo = geo;
        this.missions = missions;
    }

    /** Starts a return: on the ground it lands at once, in the air it climbs first. */
    void start() {
        state.takeoffActive = false;
        double rtlAltParam = params.value("RTL_ALT") / 100.0;
        double target = rtlAltParam <= 0 ? flight.altM : Math.max(rtlAltParam, flight.altM);
        if (state.fenceEnabled && (state.fenceTypeActive & 1) != 0) {
            target = Math.min(target, params.value("FENCE_ALT_MAX") - params.value("FENCE_MARGIN"));
        }
        rtlAltM = Math.max(target, Math.min(flight.altM, 2));
        double[] dest = destination();
        rtlN = dest[0];
        rtlE = dest[1];
        if (flight.onGround) {
            phase = Phase.LAND;
            flight.land();
            return;
        }
        phase = Phase.CLIMB;
        flight.flyTo(flight.northM, flight.eastM, rtlAltM, state.wpSpeed(flight));
    }

    private double[] destination() {
        double bestN = state.homeNorthM;
        double bestE = state.homeEastM;
        double best = GeoNe.hypot(flight.northM - state.homeNorthM, flight.eastM - state.homeEastM);
        for (SimMissionItem r : missions.items(MissionServer.RALLY)) {
            double n = geo.northM(r.x());
            double e = geo.eastM(r.y());
            double d = GeoNe.hypot(flight.northM - n, flight.eastM - e);
            if (d < best) {
                best = d;
                bestN = n;
                bestE = e;
            }
        }
        return new double[] {bestN, bestE};
    }

    /** One step of the return; the landing itself is the flight model's and the land detector's. */
    void run(long now) {
        double rtlSpeed = params.value("RTL_SPEED") > 0 ? params.value("RTL_SPEED") / 100.0 : state.wpSpeed(flight);
        switch (Objects.requireNonNull(phase, "set when the return starts")) {
            case CLIMB -> {
                if (flight.altM >= rtlAltM - 0.5) {
                    phase = Phase.RETURN;
                    flight.flyTo(rtlN, rtlE, rtlAltM, rtlSpeed);
                }
            }
            case RETURN -> {
                flight.flyTo(rtlN, rtlE, rtlAltM, rtlSpeed);
                if (flight.distanceToTargetM() < 1.0 && flight.groundSpeedMps() < 0.5) {
                    phase = Phase.LOITER;
                    loiterUntilNs = now + (long) (params.value("RTL_LOIT_TIME") * 1e6);
                }
            }
            case LOITER -> {
                if (now >= loiterUntilNs) {
                    double fin = params.value("RTL_ALT_FINAL") / 100.0;
                    if (fin > 0) {
                        phase = Phase.FINAL;
                        flight.flyTo(rtlN, rtlE, fin, rtlSpeed);
                    } else {
                        phase = Phase.LAND;
                        flight.land();
                    }
                }
            }
            default -> { }
        }
    }

    /** @return whether the last return started has reached its landing phase */
    boolean landing() {
        return phase == Phase.LAND;
    }
}
