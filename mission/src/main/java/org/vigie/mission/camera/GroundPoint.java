package org.vigie.mission.camera;

/**
 * A point on the ground where a camera ray meets the terrain. Immutable.
 *
 * @param latitudeDeg WGS84 latitude, degrees
 * @param longitudeDeg WGS84 longitude, degrees
 * @param elevationAmslM terrain elevation above mean sea level, metres
 */
public record GroundPoint(double latitudeDeg, double longitudeDeg, double elevationAmslM) {
}
