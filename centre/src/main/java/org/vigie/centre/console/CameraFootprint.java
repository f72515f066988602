package org.vigie.centre.console;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.vigie.geofence.geodesy.GeoPoint;

/**
 * Where a drone's camera looks: the ground quadrilateral of its image (the KLV stream's corner points, ST 0601 tags
 * 26-33, or MAVLink CAMERA_FOV_STATUS), as last reported. Immutable.
 *
 * @param droneSystemId the drone
 * @param corners       the footprint's corners in order, 3..16 points
 * @param at            when it was reported (wall clock)
 */
public record CameraFootprint(int droneSystemId, List<GeoPoint> corners, Instant at) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if there are fewer than 3 or more than 16 corners
     */
    public CameraFootprint {
        corners = List.copyOf(corners);
        Objects.requireNonNull(at, "at");
        if (corners.size() < 3 || corners.size() > 16) {
            throw new IllegalArgumentException("a footprint has 3..16 corners, not " + corners.size());
        }
    }
}
