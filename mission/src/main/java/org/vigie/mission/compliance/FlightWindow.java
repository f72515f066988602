package org.vigie.mission.compliance;

import java.time.Duration;
import java.time.Instant;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.zone.District;

/**
 * The latest a flight is expected to land: the dispatch time, plus the round trip at a cruise speed on the straight
 * line (routes around zones are longer: the overhead covers them), plus the on-scene time, plus an overhead for
 * take-off, landing and detours. Zones and authorisations are judged over the whole window, so a zone that activates
 * while the drone would be in the air is applied from the dispatch. Immutable.
 *
 * @param cruiseSpeedMps horizontal speed assumed for the round trip, m/s, &gt; 0
 * @param overhead       time added for take-off, landing and detours, not negative
 */
public record FlightWindow(double cruiseSpeedMps, Duration overhead) {

    /** Checks the values. */
    public FlightWindow {
        if (!(cruiseSpeedMps > 0) || !Double.isFinite(cruiseSpeedMps)) {
            throw new IllegalArgumentException("cruiseSpeedMps " + cruiseSpeedMps + " must be > 0");
        }
        if (overhead == null || overhead.isNegative()) {
            throw new IllegalArgumentException("overhead " + overhead + " must not be negative");
        }
    }

    /** @return 5 m/s and 5 minutes: slow and generous, as a window meant to hold the real flight should be */
    public static FlightWindow defaults() {
        return new FlightWindow(5.0, Duration.ofMinutes(5));
    }

    /**
     * @param request  the dispatch
     * @param district the district (its home is where the flight starts and ends)
     * @param now      the dispatch instant
     * @return the latest expected landing
     */
    public Instant end(DispatchRequest request, District district, Instant now) {
        double d = Geodesy.distanceM(district.home(), GeoPoint.of(request.targetLatDeg(), request.targetLonDeg()));
        long roundTripMs = Math.round(2 * d / cruiseSpeedMps * 1000);
        return now.plusMillis(roundTripMs).plus(request.onSceneTime()).plus(overhead);
    }
}
