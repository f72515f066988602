package org.vigie.mission.flight;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a dispatch flight. Immutable; {@link #defaults()} is a sensible start for a small quad. Every number
 * the flight decides with lives here or in one of the three groups ({@link Steps}, {@link Legs}, {@link Failsafes}).
 *
 * @param profile                 what the aircraft can do (speeds, rates, acceleration, take-off height): planning,
 *                                time model, energy and the autopilot's parameters share it
 * @param preflightTimeout        how long PREFLIGHT waits for GPS, EKF, home and link before refusing
 * @param uploadTimeout           how long UPLOAD may take in total
 * @param modeConfirmTimeout      how long to wait for HEARTBEAT to show a mode or arming we asked for; twice this bounds
 *                                the wait for the answer to the mode change and to the arming command
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
 * @param steps                   timings of the phase steps (preflight, arm, take-off, land, reporting)
 * @param legs                    how waypoints are followed, resent and how braking ends
 * @param failsafes               timings of the failsafe monitor
 * @param onScene                 what the flight does on scene (orbit radius and height)
 */
public record FlightConfig(AircraftProfile profile,
                           Duration preflightTimeout, Duration uploadTimeout, Duration modeConfirmTimeout,
                           double acceptanceRadiusM, double altitudeToleranceM, Duration autopilotLinkTimeout,
                           Duration autopilotLostGiveUp, Duration dispatchLinkTimeout, Duration tickPeriod,
                           double brakeDecelerationMps2, double breachReactionS, boolean uploadMission,
                           int armAttempts, Steps steps, Legs legs, Failsafes failsafes, OnScene onScene) {

    /** Validates every field ({@link IllegalArgumentException} naming it). */
    public FlightConfig {
        Objects.requireNonNull(profile, "profile");
        positive("acceptanceRadiusM", acceptanceRadiusM);
        positive("altitudeToleranceM", altitudeToleranceM);
        positive("brakeDecelerationMps2", brakeDecelerationMps2);
        nonNegative("breachReactionS", breachReactionS);
        positive("preflightTimeout", preflightTimeout);
        positive("uploadTimeout", uploadTimeout);
        positive("modeConfirmTimeout", modeConfirmTimeout);
        positive("autopilotLinkTimeout", autopilotLinkTimeout);
        positive("autopilotLostGiveUp", autopilotLostGiveUp);
        positive("tickPeriod", tickPeriod);
        Objects.requireNonNull(dispatchLinkTimeout, "dispatchLinkTimeout (use Duration.ZERO to disable)");
        if (dispatchLinkTimeout.isNegative()) {
            throw new IllegalArgumentException("dispatchLinkTimeout " + dispatchLinkTimeout + " must be >= 0");
        }
        if (armAttempts < 1 || armAttempts > 20) {
            throw new IllegalArgumentException("armAttempts " + armAttempts + " is not in 1..20");
        }
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(legs, "legs");
        Objects.requireNonNull(failsafes, "failsafes");
        Objects.requireNonNull(onScene, "onScene");
    }

    /** @return horizontal speed along the route, m/s: the profile's maximum */
    public double cruiseSpeedMps() {
        return profile.maxHorizontalSpeedMps();
    }

    /** @return climb rate, m/s: the profile's */
    public double climbRateMps() {
        return profile.climbRateMps();
    }

    /** @return descent rate, m/s: the profile's */
    public double descentRateMps() {
        return profile.descentRateMps();
    }

    /**
     * What the flight does on scene: an orbit of the target at {@code orbitRadiusM} and {@code orbitHeightRelM} with
     * the camera's region of interest on the target, where the whole orbit keeps the district's margin; otherwise it
     * holds the best reachable vantage point (the planned on-scene point). A radius of 0 disables the orbit.
     *
     * @param orbitRadiusM     orbit radius, metres: 0 (hold) or in [{@value #MIN_ORBIT_RADIUS_M},
     *                         {@value #MAX_ORBIT_RADIUS_M}]
     * @param orbitHeightRelM  orbit height above home, metres (NaN: the dispatch's on-scene altitude, else the
     *                         district's); clamped inside the district's heights
     * @param orbitPoints      how many points the orbit is flown through, in [6, 72]
     * @param orbitSpeedMps    ground speed along the orbit, m/s, in (0, 15] (slow: the camera, and the fence
     *                         clearance the predicted-breach failsafe needs, grow with it)
     */
    public record OnScene(double orbitRadiusM, double orbitHeightRelM, int orbitPoints, double orbitSpeedMps) {

        /** Smallest orbit radius, metres (below it a multicopter barely moves between the points). */
        public static final double MIN_ORBIT_RADIUS_M = 10;
        /** Largest orbit radius, metres (beyond it the target is too far for the camera). */
        public static final double MAX_ORBIT_RADIUS_M = 300;

        /** Validates every field ({@link IllegalArgumentException} naming it and its limit). */
        public OnScene {
            if (!(orbitRadiusM == 0 || (orbitRadiusM >= MIN_ORBIT_RADIUS_M && orbitRadiusM <= MAX_ORBIT_RADIUS_M))) {
                throw new IllegalArgumentException("orbitRadiusM " + orbitRadiusM + " must be 0 (no orbit) or in ["
                        + MIN_ORBIT_RADIUS_M + ", " + MAX_ORBIT_RADIUS_M + "] m");
            }
            if (!Double.isNaN(orbitHeightRelM) && !(orbitHeightRelM > 0 && orbitHeightRelM <= 500)) {
                throw new IllegalArgumentException("orbitHeightRelM " + orbitHeightRelM
                        + " must be NaN (the on-scene altitude) or in (0, 500] m");
            }
            if (orbitPoints < 6 || orbitPoints > 72) {
                throw new IllegalArgumentException("orbitPoints " + orbitPoints + " must be in [6, 72]");
            }
            if (!(orbitSpeedMps > 0 && orbitSpeedMps <= 15)) {
                throw new IllegalArgumentException("orbitSpeedMps " + orbitSpeedMps + " must be in (0, 15] m/s");
            }
        }

        /** @return no orbit: hold the on-scene point (the behaviour before issue 14) */
        public static OnScene hold() {
            return new OnScene(0, Double.NaN, 12, 4);
        }

        /** @return an orbit of 40 m at the on-scene altitude through 12 points at 4 m/s */
        public static OnScene defaults() {
            return new OnScene(40, Double.NaN, 12, 4);
        }

        /** @return whether an orbit is asked for */
        public boolean orbits() {
            return orbitRadiusM > 0;
        }
    }

    /**
     * Timings of the phase steps.
     *
     * @param warnPeriod               shortest time between two repeated "still waiting" warnings
     * @param trackPeriod              period of the flown-track samples (and of the Progress events)
     * @param preflightPositionMaxAge  GLOBAL_POSITION_INT older than this does not count as a position in PREFLIGHT
     * @param armRetryDelay            wait before arming again after a refusal
     * @param takeoffAttempts          sends of the take-off command when it is not answered (TIMEOUT), &gt;= 1
     * @param takeoffTimeFactor        the take-off deadline allows this many times the nominal climb time (&gt; 0)
     * @param takeoffDeadlineSlack     added to the take-off deadline
     * @param takeoffReachedToleranceM the take-off is done this close below the transit altitude, metres
     * @param takeoffSettledToleranceM ... or this close below it while the climb has stopped, metres
     * @param settledClimbRateMps      vertical speed under which the climb counts as stopped, m/s
     * @param takeoffUnderwayClimbRateMps a refused take-off counts as under way when climbing faster than this, m/s
     * @param takeoffUnderwayAltitudeM    ... or higher than this above home, metres
     * @param airborneAltitudeM        above this height the vehicle counts as in the air (land, not disarm), metres
     * @param landModeRetry            the land mode is asked again when HEARTBEAT does not show it after this long
     * @param landTimeFactor           "still not landed" warnings start after this many times the nominal descent
     * @param landDeadlineSlack        ... plus this
     * @param fenceProbeTimeout        how long the autopilot has to state how many fence items it stores
     * @param fenceSpaceRetries        how many smaller conservative fences are tried after a refusal for space
     */
    public record Steps(Duration warnPeriod, Duration trackPeriod, Duration preflightPositionMaxAge,
                        Duration armRetryDelay, int takeoffAttempts, double takeoffTimeFactor,
                        Duration takeoffDeadlineSlack, double takeoffReachedToleranceM,
                        double takeoffSettledToleranceM, double settledClimbRateMps,
                        double takeoffUnderwayClimbRateMps, double takeoffUnderwayAltitudeM, double airborneAltitudeM,
                        Duration landModeRetry, double landTimeFactor, Duration landDeadlineSlack,
                        Duration fenceProbeTimeout, int fenceSpaceRetries) {

        /** Validates every field ({@link IllegalArgumentException} naming it). */
        public Steps {
            positive("warnPeriod", warnPeriod);
            positive("trackPeriod", trackPeriod);
            positive("preflightPositionMaxAge", preflightPositionMaxAge);
            nonNegative("armRetryDelay", armRetryDelay);
            if (takeoffAttempts < 1) {
                throw new IllegalArgumentException("takeoffAttempts " + takeoffAttempts + " must be >= 1");
            }
            positive("takeoffTimeFactor", takeoffTimeFactor);
            nonNegative("takeoffDeadlineSlack", takeoffDeadlineSlack);
            nonNegative("takeoffReachedToleranceM", takeoffReachedToleranceM);
            nonNegative("takeoffSettledToleranceM", takeoffSettledToleranceM);
            positive("settledClimbRateMps", settledClimbRateMps);
            nonNegative("takeoffUnderwayClimbRateMps", takeoffUnderwayClimbRateMps);
            nonNegative("takeoffUnderwayAltitudeM", takeoffUnderwayAltitudeM);
            positive("airborneAltitudeM", airborneAltitudeM);
            positive("landModeRetry", landModeRetry);
            positive("landTimeFactor", landTimeFactor);
            nonNegative("landDeadlineSlack", landDeadlineSlack);
            positive("fenceProbeTimeout", fenceProbeTimeout);
            if (fenceSpaceRetries < 0) {
                throw new IllegalArgumentException("fenceSpaceRetries " + fenceSpaceRetries + " must be >= 0");
            }
        }

        /** @return 5 s warnings, 1 Hz track, 3 s position, 2 s between arming tries, 3 take-off sends, 3x + 20 s
         *          take-off, 0.3 m / 1.0 m at 0.2 m/s, under way above 0.3 m/s or 0.5 m, 2 m airborne, 5 s land-mode retry, 3x + 60 s landing,
         *          1.5 s for the autopilot to state its fence capacity, up to 8 smaller fences (each 3/4 of the last) after refusals for space */
        public static Steps defaults() {
            return new Steps(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(2),
                    3, 3.0, Duration.ofSeconds(20), 0.3, 1.0, 0.2, 0.3, 0.5, 2.0, Duration.ofSeconds(5), 3.0,
                    Duration.ofSeconds(60), Duration.ofMillis(1500), 8);
        }
    }

    /**
     * How the route is followed leg by leg (TRANSIT, RETURN) and how braking ends.
     *
     * @param resendAfter        a leg without progress for this long is sent again
     * @param maxResends         how many times one leg is sent again for lack of progress, &gt;= 0
     * @param progressStepM      a leg makes progress when the distance left shrinks by more than this, metres
     * @param arrivalSlackM      added to {@link #altitudeToleranceM()} for the vertical arrival test, metres
     * @param deadlineTimeFactor a leg's deadline allows this many times its nominal flight time (&gt; 0)
     * @param deadlineSlack      ... plus this
     * @param brakeHold          braking ends after this long at the latest
     * @param brakeStoppedMps    ... or once the ground speed is below this, m/s
     * @param planStartOutsideM  how far outside the fence a re-plan may start (GPS noise at the edge), metres
     */
    public record Legs(Duration resendAfter, int maxResends, double progressStepM, double arrivalSlackM,
                       double deadlineTimeFactor, Duration deadlineSlack, Duration brakeHold, double brakeStoppedMps,
                       double planStartOutsideM) {

        /** Validates every field ({@link IllegalArgumentException} naming it). */
        public Legs {
            positive("resendAfter", resendAfter);
            if (maxResends < 0) {
                throw new IllegalArgumentException("maxResends " + maxResends + " must be >= 0");
            }
            nonNegative("progressStepM", progressStepM);
            nonNegative("arrivalSlackM", arrivalSlackM);
            positive("deadlineTimeFactor", deadlineTimeFactor);
            nonNegative("deadlineSlack", deadlineSlack);
            positive("brakeHold", brakeHold);
            positive("brakeStoppedMps", brakeStoppedMps);
            nonNegative("planStartOutsideM", planStartOutsideM);
        }

        /** @return resend after 6 s without progress, 3 resends, 1 m progress step, 0.5 m vertical slack, 2x + 20 s
         *          deadline, braking 4 s at most or below 1 m/s, re-plans from up to 150 m outside */
        public static Legs defaults() {
            return new Legs(Duration.ofSeconds(6), 3, 1.0, 0.5, 2.0, Duration.ofSeconds(20), Duration.ofSeconds(4),
                    1.0, 150.0);
        }
    }

    /**
     * Timings of the failsafe monitor ({@code org.vigie.mission.failsafe}).
     *
     * @param statusTextWindow       a failsafe STATUSTEXT this recent explains a mode change we did not ask for
     * @param navigationRecoveryHold after a navigation loss, command resumes (navigation healthy again) no earlier than this
     * @param reserveCheckPeriod     period of the battery-reserve check
     * @param breachCheckPeriod      shortest time between two predicted-breach brakes
     * @param breachPositionMaxAge   no breach prediction from a position older than this
     * @param breachMinSpeedMps      speed floor for the time to the end of the current leg, m/s
     * @param returnDistanceFactor   straight-line distance home times this when no return can be planned (&gt;= 1)
     */
    public record Failsafes(Duration statusTextWindow, Duration navigationRecoveryHold, Duration reserveCheckPeriod,
                            Duration breachCheckPeriod, Duration breachPositionMaxAge, double breachMinSpeedMps,
                            double returnDistanceFactor) {

        /** Validates every field ({@link IllegalArgumentException} naming it). */
        public Failsafes {
            positive("statusTextWindow", statusTextWindow);
            nonNegative("navigationRecoveryHold", navigationRecoveryHold);
            positive("reserveCheckPeriod", reserveCheckPeriod);
            positive("breachCheckPeriod", breachCheckPeriod);
            positive("breachPositionMaxAge", breachPositionMaxAge);
            positive("breachMinSpeedMps", breachMinSpeedMps);
            if (!(returnDistanceFactor >= 1) || Double.isInfinite(returnDistanceFactor)) {
                throw new IllegalArgumentException("returnDistanceFactor " + returnDistanceFactor + " must be >= 1");
            }
        }

        /** @return 3 s text window, 3 s recovery hold, 1 Hz reserve check, 5 s between brakes, 2 s position,
         *          0.1 m/s speed floor, 1.5x straight line home */
        public static Failsafes defaults() {
            return new Failsafes(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), Duration.ofSeconds(2), 0.1, 1.5);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " " + v + " must be positive and finite");
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " " + v + " must be >= 0 and finite");
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " " + d + " must be positive");
        }
    }

    private static void nonNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " " + d + " must be >= 0");
        }
    }

    /**
     * The DFR profile ({@link AircraftProfile#dfr()}: 15 m/s cruise, 5 m/s climb, 3 m/s descent), a 40 m orbit on
     * scene, 90 s preflight wait (a real ArduCopter needs about 40 s after
     * boot), 3 m acceptance, 3 s heartbeat timeout, 120 s before giving up on a lost autopilot, no dispatch-link watch,
     * 5 Hz decisions, mission upload on, and the groups' defaults.
     *
     * @return the defaults
     */
    public static FlightConfig defaults() {
        return new FlightConfig(AircraftProfile.dfr(), Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofSeconds(5),
                3.0, 1.5, Duration.ofSeconds(3), Duration.ofSeconds(120), Duration.ZERO, Duration.ofMillis(200),
                2.5, 1.0, true, 5, Steps.defaults(), Legs.defaults(), Failsafes.defaults(), OnScene.defaults());
    }

    /** @param d new preflight wait limit @return a copy */
    public FlightConfig withPreflightTimeout(Duration d) {
        return new FlightConfig(profile, d, uploadTimeout, modeConfirmTimeout,
                acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, dispatchLinkTimeout,
                tickPeriod, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts, steps, legs, failsafes, onScene);
    }

    /** @param d dispatch-link silence limit (ZERO disables) @return a copy */
    public FlightConfig withDispatchLinkTimeout(Duration d) {
        return new FlightConfig(profile, preflightTimeout, uploadTimeout,
                modeConfirmTimeout, acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, d,
                tickPeriod, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts, steps, legs, failsafes, onScene);
    }

    /** @param v new cruise speed, m/s @return a copy */
    public FlightConfig withCruiseSpeedMps(double v) {
        return new FlightConfig(profile.withMaxHorizontalSpeedMps(v), preflightTimeout, uploadTimeout, modeConfirmTimeout,
                acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, dispatchLinkTimeout,
                tickPeriod, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts, steps, legs, failsafes, onScene);
    }

    /** @param upload whether to upload the route as a mission too @return a copy */
    public FlightConfig withUploadMission(boolean upload) {
        return new FlightConfig(profile, preflightTimeout, uploadTimeout,
                modeConfirmTimeout, acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp,
                dispatchLinkTimeout, tickPeriod, brakeDecelerationMps2, breachReactionS, upload, armAttempts, steps,
                legs, failsafes, onScene);
    }

    /** @param v new leg-following tunables @return a copy */
    public FlightConfig withLegs(Legs v) {
        return new FlightConfig(profile, preflightTimeout, uploadTimeout,
                modeConfirmTimeout, acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp,
                dispatchLinkTimeout, tickPeriod, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts,
                steps, v, failsafes, onScene);
    }

    /** @param d new period of the decision loop (deadlines, failsafes; legs also react to each position) @return a copy */
    public FlightConfig withTickPeriod(Duration d) {
        return new FlightConfig(profile, preflightTimeout, uploadTimeout,
                modeConfirmTimeout, acceptanceRadiusM, altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp,
                dispatchLinkTimeout, d, brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts, steps, legs,
                failsafes, onScene);
    }

    /** @param p new aircraft profile @return a copy */
    public FlightConfig withProfile(AircraftProfile p) {
        return new FlightConfig(p, preflightTimeout, uploadTimeout, modeConfirmTimeout, acceptanceRadiusM,
                altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, dispatchLinkTimeout, tickPeriod,
                brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts, steps, legs, failsafes, onScene);
    }

    /** @param o new on-scene behaviour @return a copy */
    public FlightConfig withOnScene(OnScene o) {
        return new FlightConfig(profile, preflightTimeout, uploadTimeout, modeConfirmTimeout, acceptanceRadiusM,
                altitudeToleranceM, autopilotLinkTimeout, autopilotLostGiveUp, dispatchLinkTimeout, tickPeriod,
                brakeDecelerationMps2, breachReactionS, uploadMission, armAttempts, steps, legs, failsafes, o);
    }
}
