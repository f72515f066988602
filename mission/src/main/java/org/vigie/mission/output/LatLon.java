package org.vigie.mission.output;

/**
 * A WGS84 position without altitude, for map layers.
 *
 * @param latDeg latitude, degrees
 * @param lonDeg longitude, degrees
 */
public record LatLon(double latDeg, double lonDeg) {
}
