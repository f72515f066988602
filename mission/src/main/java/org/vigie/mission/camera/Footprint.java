package org.vigie.mission.camera;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the camera sees: boresight angles relative to the vehicle, the frame centre and the four image corners on the
 * ground, and a conservative ground outline of the whole image. Immutable.
 *
 * <p>A ray at or above the horizon (or beyond the configured maximum range) misses the ground: the matching point is
 * null, so that no false position is ever published.
 *
 * @param pose the vehicle pose the footprint was computed for
 * @param cameraRollDeg camera roll in NED (Z-Y-X), degrees
 * @param cameraPitchDeg camera pitch (boresight elevation) in NED, degrees, negative down
 * @param cameraYawDeg camera yaw (boresight azimuth) from true north, degrees clockwise, in [0, 360)
 * @param relativeAzimuthDeg boresight azimuth relative to the vehicle nose, degrees, in [0, 360)
 * @param relativeElevationDeg boresight elevation relative to the vehicle's x-y plane, degrees, negative down
 * @param relativeRollDeg camera roll relative to the vehicle, degrees, in [0, 360)
 * @param frameCentre where the boresight meets the ground, or null
 * @param slantRangeM distance from the camera to the frame centre, metres, NaN when frameCentre is null
 * @param corners the 4 image corners on the ground (1 upper left, 2 upper right, 3 lower right, 4 lower left);
 *     elements are null where the corner ray misses
 * @param outline ground polygon (lat/lon, closed implicitly) containing every ground point the image can show within
 *     the outline range: image-border rays, with rays that miss replaced by a point at the outline range in their
 *     horizontal direction
 */
public record Footprint(VehiclePose pose, double cameraRollDeg, double cameraPitchDeg, double cameraYawDeg,
        double relativeAzimuthDeg, double relativeElevationDeg, double relativeRollDeg,
        @Nullable GroundPoint frameCentre,
        double slantRangeM, List<GroundPoint> corners, List<GroundPoint> outline) {

    /** Copies the lists (corners may hold nulls). */
    public Footprint {
        corners = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(corners));
        outline = List.copyOf(outline);
    }

    /** @return true if the boresight meets the ground */
    public boolean hasFrameCentre() {
        return frameCentre != null;
    }

    /** @return true if all four corner rays meet the ground */
    public boolean allCornersOnGround() {
        for (GroundPoint c : corners) {
            if (c == null) {
                return false;
            }
        }
        return true;
    }
}
