package org.vigie.mission.camera;

/**
 * Ground elevation, for intersecting camera rays with the terrain. Implementations must be thread-safe and fast
 * (called many times per metadata packet).
 */
public interface TerrainModel {

    /**
     * Terrain elevation at a point.
     *
     * @param latitudeDeg WGS84 latitude, degrees
     * @param longitudeDeg WGS84 longitude, degrees
     * @return elevation above mean sea level in metres (NaN if unknown: the ray is treated as missing the ground there)
     */
    double elevationAmslM(double latitudeDeg, double longitudeDeg);

    /**
     * Flat ground at one elevation (the default: the home elevation).
     *
     * @param elevationAmslM elevation above mean sea level, metres
     * @return the model
     * @throws IllegalArgumentException if not finite
     */
    static FlatTerrain flat(double elevationAmslM) {
        return new FlatTerrain(elevationAmslM);
    }
}
