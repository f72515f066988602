package org.vigie.centre.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigie.centre.fleet.DroneState;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;

/**
 * What the console remembers of each drone's current flight from the fleet snapshots it samples: the flown track
 * (bounded, thinned to points at least 2 m apart) and the phases with the time each began. A new flight id starts
 * afresh. Confined to the feed's one thread.
 */
final class FlightLog {

    /** A phase and when the console first saw it. */
    record PhaseAt(FlightPhase phase, Instant at) {
    }

    /** A track point with its sample time. */
    record TrackPoint(GeoPoint at, Instant time) {
    }

    private static final int MAX_POINTS = 2_000;
    private static final double MIN_STEP_M = 2.0;

    private final Map<Integer, Long> flightByDrone = new HashMap<>();
    private final Map<Integer, List<TrackPoint>> tracks = new HashMap<>();
    private final Map<Integer, List<PhaseAt>> phases = new HashMap<>();

    /**
     * @param d   a drone's snapshot
     * @param now the sample time
     */
    void sample(DroneState d, Instant now) {
        int id = d.drone().systemId();
        Long flight = flightByDrone.get(id);
        if (flight == null || flight != d.flightId()) {
            flightByDrone.put(id, d.flightId());
            if (d.flightId() != 0) {
                tracks.put(id, new ArrayList<>());
                phases.put(id, new ArrayList<>());
            }
        }
        if (d.flightId() == 0) {
            return;
        }
        List<PhaseAt> ph = phases.computeIfAbsent(id, k -> new ArrayList<>());
        if (d.phase() != null && (ph.isEmpty() || ph.get(ph.size() - 1).phase() != d.phase())) {
            ph.add(new PhaseAt(d.phase(), now));
        }
        GeoPoint p = d.position();
        List<TrackPoint> t = tracks.computeIfAbsent(id, k -> new ArrayList<>());
        if (p != null && (t.isEmpty() || Geodesy.distanceM(t.get(t.size() - 1).at(), p) >= MIN_STEP_M)) {
            t.add(new TrackPoint(p, now));
            if (t.size() > MAX_POINTS) {
                t.remove(0);
            }
        }
    }

    /** @param droneId a drone @return its current flight's track, oldest first */
    List<TrackPoint> track(int droneId) {
        return List.copyOf(tracks.getOrDefault(droneId, List.of()));
    }

    /** @param droneId a drone @return its current flight's phases, oldest first */
    List<PhaseAt> phases(int droneId) {
        return List.copyOf(phases.getOrDefault(droneId, List.of()));
    }

    /**
     * An estimate of the time to reach a point: remaining distance over the ground speed of the last 10 s of track.
     *
     * @param droneId a drone
     * @param to      the point
     * @return seconds, or null when the drone is not moving or has no track
     */
    @Nullable Double etaS(int droneId, GeoPoint to) {
        List<TrackPoint> t = tracks.getOrDefault(droneId, List.of());
        if (t.size() < 2) {
            return null;
        }
        TrackPoint last = t.get(t.size() - 1);
        TrackPoint first = last;
        for (int i = t.size() - 2; i >= 0; i--) {
            first = t.get(i);
            if (last.time().toEpochMilli() - first.time().toEpochMilli() >= 10_000) {
                break;
            }
        }
        double s = (last.time().toEpochMilli() - first.time().toEpochMilli()) / 1000.0;
        if (s <= 0) {
            return null;
        }
        double speed = Geodesy.distanceM(first.at(), last.at()) / s;
        if (speed < 0.5) {
            return null;
        }
        return Geodesy.distanceM(last.at(), to) / speed;
    }
}
