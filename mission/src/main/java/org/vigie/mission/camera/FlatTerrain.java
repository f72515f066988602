package org.vigie.mission.camera;

/**
 * Flat ground at one elevation; ray intersections are solved in closed form. Immutable.
 *
 * @param elevationAmslValueM ground elevation above mean sea level, metres
 */
public record FlatTerrain(double elevationAmslValueM) implements TerrainModel {

    /**
     * Validates the elevation.
     *
     * @throws IllegalArgumentException if not finite
     */
    public FlatTerrain {
        VehiclePose.requireFinite("elevationAmslM", elevationAmslValueM);
    }

    @Override
    public double elevationAmslM(double latitudeDeg, double longitudeDeg) {
        return elevationAmslValueM;
    }
}
