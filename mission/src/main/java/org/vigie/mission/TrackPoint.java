package org.vigie.mission;

/**
 * One point of a planned or flown track.
 *
 * @param timeS        seconds since the flight started (flown) or expected seconds from the route start (planned)
 * @param latDeg       latitude, WGS84 degrees
 * @param lonDeg       longitude, WGS84 degrees
 * @param altitudeRelM altitude above home, metres
 */
public record TrackPoint(double timeS, double latDeg, double lonDeg, double altitudeRelM) {
}
