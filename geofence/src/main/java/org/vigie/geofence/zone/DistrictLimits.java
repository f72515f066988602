package org.vigie.geofence.zone;

import java.util.Locale;

/**
 * The limits a district must keep so that loading it and planning in it stay bounded in memory and time. Loading and
 * the planner's one-time graph build grow with the vertex count (the build is quadratic in the reflex vertices), a
 * plan with the number of zones; the figures behind each default are in {@code bench/README.md}, "District limits"
 * ({@code org.vigie.bench.geofence.DistrictLimitsStudy}). A refusal names the limit and the value
 * ({@link InvalidDistrictException}).
 *
 * @param maxVerticesPerRing most vertices in one ring (the inclusion's shell, a hole, a zone's ring)
 * @param maxVerticesTotal   most vertices in all rings together, a circular zone counting as
 *                           {@value #CIRCLE_VERTICES}
 * @param maxZones           most exclusion and privacy zones together
 * @param maxExtentM         largest size across of the inclusion (width or height in the local frame), metres
 * @param maxNameLength      longest district or zone name, characters
 * @param maxTextLength      longest other text (a zone's reason; any string of a district file), characters
 */
public record DistrictLimits(int maxVerticesPerRing, int maxVerticesTotal, int maxZones, double maxExtentM,
        int maxNameLength, int maxTextLength) {

    /** Default: 4,000 vertices per ring (Paris as one district has 1,681). */
    public static final int DEFAULT_MAX_VERTICES_PER_RING = 4_000;
    /**
     * Default: 5,000 vertices in all, a circle counting as the {@value #CIRCLE_VERTICES} vertices it is planned as
     * (the planner's graph build, quadratic in its reflex vertices, stays within seconds even for the worst shape).
     */
    public static final int DEFAULT_MAX_VERTICES_TOTAL = 5_000;
    /** Default: 250 zones. */
    public static final int DEFAULT_MAX_ZONES = 250;
    /** What a circular zone counts against {@link #maxVerticesTotal()}: the polygon the planner grows it into. */
    public static final int CIRCLE_VERTICES = 16;
    /** Default: 20 km across (Paris as one district is about 12 km; a DFR drone's radius of action is less). */
    public static final double DEFAULT_MAX_EXTENT_M = 20_000.0;
    /** Default: 200 characters per name. */
    public static final int DEFAULT_MAX_NAME_LENGTH = 200;
    /** Default: 2,000 characters per other text. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 2_000;

    /** The defaults. */
    public static final DistrictLimits DEFAULT = new DistrictLimits(DEFAULT_MAX_VERTICES_PER_RING,
            DEFAULT_MAX_VERTICES_TOTAL, DEFAULT_MAX_ZONES, DEFAULT_MAX_EXTENT_M, DEFAULT_MAX_NAME_LENGTH,
            DEFAULT_MAX_TEXT_LENGTH);

    /** Validates: every limit positive, the extent finite. */
    public DistrictLimits {
        if (maxVerticesPerRing < 3 || maxVerticesTotal < 3 || maxZones < 0 || maxNameLength < 1
                || maxTextLength < 1 || !(maxExtentM > 0) || !Double.isFinite(maxExtentM)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "district limits must be positive: %d"
                    + " vertices per ring, %d in all, %d zones, %.0f m, names %d, texts %d", maxVerticesPerRing,
                    maxVerticesTotal, maxZones, maxExtentM, maxNameLength, maxTextLength));
        }
    }

    /**
     * @param v the largest size across, metres
     * @return these limits with another extent
     */
    public DistrictLimits withMaxExtentM(double v) {
        return new DistrictLimits(maxVerticesPerRing, maxVerticesTotal, maxZones, v, maxNameLength, maxTextLength);
    }
}
