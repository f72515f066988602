package org.vigie.mission.flight;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a dispatch flight. Immutable; {@link #defaults()} is a sensible start for a small quad.
 *
 * @param cruiseSpeedMps          horizontal speed along the route, m/s (&gt; 0)
 * @param climbRateMps            expected climb rate, m/s (&gt; 0), for time and energy estimates
 * @param descentRateMps          expected descent rate, m/s (&gt; 0)
 * @param preflightTimeout        how long PREFLIGHT waits for GPS, EKF, home and link before refusing
 * @param uploadTimeout           how long UPLOAD may take in total
 * @param modeConfirmTimeout      how long to wait for HEARTBEAT to show a mode or arming we asked for
 * @param acceptanceRadiusM       horizontal distance at which a waypoint counts as reached, metres
 * @param altitudeToleranceM      vertical tolerance for reaching a waypoint or the take-off altitude, metres
 * @param autopilotLinkTimeout    HEARTBEAT silence after which the autopilot link counts as lost
 * @param autopilotLostGiveUp     how long a lost autopilot link may last before the flight is declared FAILED
 * @param dispatchLinkTimeout     silence of the dispatch side after which its failsafe fires; {@link Duration#ZERO}
 *                                disables the dispatch-link watch (no dispatch link, e.g. the quick start)
 * @param tickPeriod              period of the flight's decision loop
 * @param brakeDecelerationMps2   deceleration assumed when braking, m/s², for the predicted-breach failsafe
 * @param breachReactionS         reaction time added to the stopping time, seconds
 * @param uploadMission           whether to upload the planned route as the autopilot's mission too (for the pilot's
 *                                view in a ground station and a manual fallback), verified by reading back
 * @param armAttempts             how many times to try arming before failing (ArduCopter refuses while sensors settle)
 */
public record FlightConfig(double cruiseSpeedMps, double climbRateMps, double descentRateMps,
                           Duration preflightTimeout, Duration uploadTimeout, Duration modeConfirmTimeout,
                           double acceptanceRadiusM, double altitudeToleranceM, Duration autopilotLinkTimeout,
                           Duration autopilotLostGiveUp, Duration dispatchLinkTimeout, Duration tickPeriod,
                           double brakeDecelerationMps2, double breachReactionS, boolean uploadMission,
                           int armAttempts) {

    /** Validates every field ({@link IllegalArgumentException} naming it). */
    public FlightConfig {
        positive("cruiseSpeedMps", cruiseSpeedMps);
        positive("climbRateMps", climbRateMps);
        positive("descentRateMps", descentRateMps);
        positive("acceptanceRadiusM", acceptanceRadiusM);
        positive("altitudeToleranceM", altitudeToleranceM);
        positive("brakeDecelerationMps2", brakeDecelerationMps2);
        if (!(breachReactionS >= 0)) {
            throw new IllegalArgumentException("breachReactionS " + breachReactionS + " must be >= 0");
        }
        for (Duration d : new Duration[] {preflightTimeout, uploadTimeout, modeConfirmTimeout, autopilotLinkTimeout,
                autopilotLostGiveUp, tickPeriod}) {
            Objects.requireNonNull(d, "durations must not be null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration " + d + " must be positive");
            }
        }
        Objects.requireNonNull(dispatchLinkTimeout, "dispatchLinkTimeout (use Duration.ZERO to disable)");
        if (dispatchLinkTimeout.isNegative()) {
            throw new IllegalArgumentException("dispatchLinkTimeout " + dispatchLinkTimeout + " must be >= 0");
        }
        if (armAttempts < 1 || armAttempts > 20) {
            throw new IllegalArgumentException("armAttempts " + armAttempts + " is not in 1..20");
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " " + v + " must be positive and finite");
        }
    }

    /**
     * 8 m/s cruise, 2.5 m/s climb, 1.5 m/s descent, 90 s preflight wait (a real ArduCopter needs about 40 s after
     * boot), 3 m acceptance, 3 s heartbeat timeout, 120 s before giving up on a lost autopilot, no dispatch-link watch,
     * 5 Hz decisions, mission upload on.
     *
     * @return the defaults
     */
    public static FlightConfig defaults() {
        return new FlightConfig(8.0, 2.5, 1.5, Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofSeconds(5),
                3.0, 1.5, Duration.ofSeconds(3), Duration.ofSeconds(120), Duration.ZERO, Duration.ofMillis(200),
                2.5, 1.0, true, 5);
    }

    /** @param d new preflight wait limit @return a copy */
    public FlightConfig withPreflightTimeout(Duration d) {
        return new FlightConfig(cruiseSpeedMps, climbRateMps, descentRateMps, d, uploadTimeout, modeConfirmTimeout,
                acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, dispatchLinkTimeout,
                tickPeriod, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts);
    }

    /** @param d dispatch-link silence limit (ZERO disables) @return a copy */
    public FlightConfig withDispatchLinkTimeout(Duration d) {
        return new FlightConfig(cruiseSpeedMps, climbRateMps, descentRateMps, preflightTimeout, uploadTimeout,
                modeConfirmTimeout, acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, d,
                tickPeriod, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts);
    }

    /** @param v new cruise speed, m/s @return a copy */
    public FlightConfig withCruiseSpeedMps(double v) {
        return new FlightConfig(v, climbRateMps, descentRateMps, preflightTimeout, uploadTimeout, modeConfirmTimeout,
                acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, dispatchLinkTimeout,
                tickPeriod, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts);
    }

    /** @param upload whether to upload the route as a mission too @return a copy */
    public FlightConfig withUploadMission(boolean upload) {
        return new FlightConfig(cruiseSpeedMps, climbRateMps, descentRateMps, preflightTimeout, uploadTimeout,
                modeConfirmTimeout, acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp,
                dispatchLinkTimeout, tickPeriod, brakeDecelerationMps2, breachReactionS, upload, armAttempts);
    }
}
