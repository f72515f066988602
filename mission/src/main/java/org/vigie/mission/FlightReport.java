package org.vigie.mission;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        Instant endedAt,
        Map<FlightPhase, Duration> phaseTimes,
        List<List<TrackPoint>> plannedRoutes,
        List<TrackPoint> flownTrack,
        double plannedDistanceM,
        double flownDistanceM,
        double energyPlannedWh,
        double energyUsedWh,
        List<FailsafeKind> failsafes,
        int retasks) {

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

    /** @return every planned route's points, concatenated in order */
    public List<TrackPoint> plannedTrack() {
        return plannedRoutes.stream().flatMap(List::stream).toList();
    }

    /** @return total flight duration from acceptance to end */
    public Duration totalTime() {
        return Duration.between(startedAt, endedAt);
    }
}
