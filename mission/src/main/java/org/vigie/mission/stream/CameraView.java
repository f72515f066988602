package org.vigie.mission.stream;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigie.mission.camera.GroundPoint;
import org.vigie.mission.klv.MetadataPacket;

/**
 * The camera part of a telemetry sample: where it looks and whether that is private. Immutable.
 *
 * @param frameCentre where the boresight meets the ground, or null
 * @param corners image corners on the ground (upper left, upper right, lower right, lower left), empty unless all four
 *     meet the ground
 * @param overPrivacyZone true if the footprint may show a privacy zone
 * @param privacyZones names of those zones
 */
public record CameraView(@Nullable GroundPoint frameCentre, List<GroundPoint> corners, boolean overPrivacyZone,
        List<String> privacyZones) {

    /** Copies the lists. */
    public CameraView {
        corners = List.copyOf(corners);
        privacyZones = List.copyOf(privacyZones);
    }

    /**
     * From a metadata packet of the {@link org.vigie.mission.klv.MetadataStreamer}.
     *
     * @param p the packet
     * @return the view
     */
    public static CameraView of(MetadataPacket p) {
        List<GroundPoint> corners = p.footprint().allCornersOnGround() ? new ArrayList<>(p.footprint().corners())
                : List.of();
        return new CameraView(p.footprint().frameCentre(), corners, p.privacy().overPrivacyZone(), p.privacy().zones());
    }
}
