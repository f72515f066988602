package org.vigie.mission;

import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.plan.StandOff;

/**
 * What happened during one dispatch flight, produced once when the flight ends. Immutable.
 *
 * @param alertId           the alert the flight answered
 * @param requesterId       who sent it
 * @param requesterOrigin   where the order came from
 * @param reason            why the drone was sent
 * @param targetLatDeg      final target latitude (after retasks), degrees
 * @param targetLonDeg      final target longitude, degrees
 * @param outcome           how it ended
 * @param finalPhase        DONE, ABORTED or FAILED
 * @param outcomeReason     a sentence saying why it ended that way
 * @param startedAt         when the dispatch was accepted
 * @param endedAt           when the flight ended
 * @param phaseTimes        time spent in each phase that was entered (insertion order = order entered)
 * @param plannedRoutes     the routes planned and flown from, in order (outbound, then any retask or re-plan, then
 *                          the return), each starting where the drone was when it was planned, with expected times
 * @param flownTrack        the positions seen from telemetry, about 1 Hz
 * @param plannedDistanceM  planned distance (outbound + return), metres
 * @param flownDistanceM    horizontal distance flown according to telemetry, metres
 * @param energyPlannedWh   energy the model predicted for the whole flight without reserve, watt-hours
 * @param energyUsedWh      energy used according to the battery telemetry, watt-hours (NaN when unknown)
 * @param failsafes         failsafes that fired, in order
 * @param retasks           number of accepted retasks
 * @param plannedToSceneS   seconds from the take-off command to the scene as planned by the flight's time model
 *                          (NaN when no route was planned); compare with {@link #flownToSceneS()}
 * @param standOff          where the flight went on scene instead of the target, and why (the target lies in an
 *                          exclusion zone or the fence's margin); null when it went to the target itself
 */
public record FlightReport(
        String alertId,
        String requesterId,
        String requesterOrigin,
        String reason,
        double targetLatDeg,
        double targetLonDeg,
        FlightOutcome outcome,
        FlightPhase finalPhase,
        String outcomeReason,
        Instant startedAt,
        @Nullable Instant endedAt,
        Map<FlightPhase, Duration> phaseTimes,
        List<List<TrackPoint>> plannedRoutes,
        List<TrackPoint> flownTrack,
        double plannedDistanceM,
        double flownDistanceM,
        double energyPlannedWh,
        double energyUsedWh,
        List<FailsafeKind> failsafes,
        int retasks,
        double plannedToSceneS,
        @Nullable StandOff standOff) {

    /**
     * A report of a flight that went to its target itself (no stand-off), its planned time to scene unknown.
     *
     * @param alertId          see the record
     * @param requesterId      see the record
     * @param requesterOrigin  see the record
     * @param reason           see the record
     * @param targetLatDeg     see the record
     * @param targetLonDeg     see the record
     * @param outcome          see the record
     * @param finalPhase       see the record
     * @param outcomeReason    see the record
     * @param startedAt        see the record
     * @param endedAt          see the record
     * @param phaseTimes       see the record
     * @param plannedRoutes    see the record
     * @param flownTrack       see the record
     * @param plannedDistanceM see the record
     * @param flownDistanceM   see the record
     * @param energyPlannedWh  see the record
     * @param energyUsedWh     see the record
     * @param failsafes        see the record
     * @param retasks          see the record
     */
    public FlightReport(String alertId, String requesterId, String requesterOrigin, String reason,
            double targetLatDeg, double targetLonDeg, FlightOutcome outcome, FlightPhase finalPhase,
            String outcomeReason, Instant startedAt, @Nullable Instant endedAt, Map<FlightPhase, Duration> phaseTimes,
            List<List<TrackPoint>> plannedRoutes, List<TrackPoint> flownTrack, double plannedDistanceM,
            double flownDistanceM, double energyPlannedWh, double energyUsedWh, List<FailsafeKind> failsafes,
            int retasks) {
        this(alertId, requesterId, requesterOrigin, reason, targetLatDeg, targetLonDeg, outcome, finalPhase,
                outcomeReason, startedAt, endedAt, phaseTimes, plannedRoutes, flownTrack, plannedDistanceM,
                flownDistanceM, energyPlannedWh, energyUsedWh, failsafes, retasks, Double.NaN, null);
    }

    /** Copies collections; rejects nulls. */
    public FlightReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(finalPhase, "finalPhase");
        if (!finalPhase.isTerminal()) {
            throw new IllegalArgumentException("finalPhase " + finalPhase + " is not terminal");
        }
        phaseTimes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseTimes));
        plannedRoutes = plannedRoutes.stream().map(List::copyOf).toList();
        flownTrack = List.copyOf(flownTrack);
        failsafes = List.copyOf(failsafes);
    }

    /**
     * @return seconds from the take-off command to the scene as flown (TAKEOFF plus TRANSIT), NaN when the flight
     *         never reached the scene or was retasked (the plan then no longer compares)
     */
    public double flownToSceneS() {
        Duration takeoff = phaseTimes.get(FlightPhase.TAKEOFF);
        Duration transit = phaseTimes.get(FlightPhase.TRANSIT);
        if (takeoff == null || transit == null || !phaseTimes.containsKey(FlightPhase.ON_SCENE) || retasks > 0) {
            return Double.NaN;
        }
        return (takeoff.toMillis() + transit.toMillis()) / 1000.0;
    }

    /** @return every planned route's points, concatenated in order */
    public List<TrackPoint> plannedTrack() {
        return plannedRoutes.stream().flatMap(List::stream).toList();
    }

    /** @return total flight duration from acceptance to end */
    public Duration totalTime() {
        return Duration.between(startedAt, endedAt);
    }

    /**
     * Starts a report for a dispatch: alert, requester, origin, reason and target are taken from it.
     *
     * @param request the dispatch flown last (after retasks)
     * @return a builder; fill in the outcome, the final phase and the times before {@link Builder#build()}
     */
    public static Builder builder(DispatchRequest request) {
        return new Builder(request);
    }

    /**
     * Builds a {@link FlightReport} step by step (no twenty-argument call). Not thread-safe: one builder per report.
     * Collections default to empty, distances to 0, energies to NaN, retasks to 0.
     */
    public static final class Builder {
        private final DispatchRequest request;
        private @Nullable FlightOutcome outcome;
        private @Nullable FlightPhase finalPhase;
        private String outcomeReason = "";
        private @Nullable Instant startedAt;
        private @Nullable Instant endedAt;
        private Map<FlightPhase, Duration> phaseTimes = Map.of();
        private List<List<TrackPoint>> plannedRoutes = List.of();
        private List<TrackPoint> flownTrack = List.of();
        private double plannedDistanceM;
        private double flownDistanceM;
        private double energyPlannedWh = Double.NaN;
        private double energyUsedWh = Double.NaN;
        private List<FailsafeKind> failsafes = List.of();
        private int retasks;
        private @Nullable StandOff standOff;
        private double plannedToSceneS = Double.NaN;

        private Builder(DispatchRequest request) {
            this.request = Objects.requireNonNull(request, "request");
        }

        /**
         * @param o how it ended
         * @param terminal DONE, ABORTED or FAILED
         * @param why the sentence
         * @return this
         */
        public Builder outcome(FlightOutcome o, FlightPhase terminal, String why) {
            this.outcome = o;
            this.finalPhase = terminal;
            this.outcomeReason = Objects.requireNonNull(why, "why");
            return this;
        }

        /**
         * @param start when the dispatch was accepted
         * @param end when the flight ended
         * @return this
         */
        public Builder times(Instant start, Instant end) {
            this.startedAt = Objects.requireNonNull(start, "start");
            this.endedAt = Objects.requireNonNull(end, "end");
            return this;
        }

        /**
         * @param times time per phase entered, in the order entered
         * @return this
         */
        public Builder phaseTimes(Map<FlightPhase, Duration> times) {
            this.phaseTimes = Objects.requireNonNull(times, "times");
            return this;
        }

        /**
         * @param planned  the planned routes in order
         * @param flown    the flown track
         * @param plannedM planned distance, metres
         * @param flownM   flown distance, metres
         * @return this
         */
        public Builder tracks(List<List<TrackPoint>> planned, List<TrackPoint> flown, double plannedM, double flownM) {
            this.plannedRoutes = Objects.requireNonNull(planned, "planned");
            this.flownTrack = Objects.requireNonNull(flown, "flown");
            this.plannedDistanceM = plannedM;
            this.flownDistanceM = flownM;
            return this;
        }

        /**
         * @param plannedWh predicted energy, Wh (NaN unknown)
         * @param usedWh used energy, Wh (NaN unknown)
         * @return this
         */
        public Builder energy(double plannedWh, double usedWh) {
            this.energyPlannedWh = plannedWh;
            this.energyUsedWh = usedWh;
            return this;
        }

        /**
         * @param fired failsafes in order
         * @param retaskCount accepted retasks
         * @return this
         */
        public Builder failsafes(List<FailsafeKind> fired, int retaskCount) {
            this.failsafes = Objects.requireNonNull(fired, "fired");
            this.retasks = retaskCount;
            return this;
        }

        /** @param s where the flight went on scene instead of the target, null for the target itself @return this */
        public Builder standOff(@Nullable StandOff s) {
            this.standOff = s;
            return this;
        }

        /** @param s planned seconds from the take-off command to the scene (NaN unknown) @return this */
        public Builder plannedToSceneS(double s) {
            this.plannedToSceneS = s;
            return this;
        }

        /**
         * @return the report
         * @throws NullPointerException if the outcome or the times are missing
         * @throws IllegalArgumentException if the final phase is not terminal
         */
        public FlightReport build() {
            Objects.requireNonNull(startedAt, "times");
            return new FlightReport(request.alertId(), request.requesterId(), request.requesterOrigin(),
                    request.reason(), request.targetLatDeg(), request.targetLonDeg(),
                    Objects.requireNonNull(outcome, "outcome"), Objects.requireNonNull(finalPhase, "finalPhase"),
                    outcomeReason, startedAt, endedAt, phaseTimes, plannedRoutes, flownTrack, plannedDistanceM,
                    flownDistanceM, energyPlannedWh, energyUsedWh, failsafes, retasks, plannedToSceneS,
                    standOff);
        }
    }
}
