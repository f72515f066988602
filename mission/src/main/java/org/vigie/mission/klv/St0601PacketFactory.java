package org.vigie.mission.klv;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigie.misb.FrameCenterElevation;
import org.vigie.misb.FrameCenterLatitude;
import org.vigie.misb.FrameCenterLongitude;
import org.vigie.misb.FullCornerLatitude;
import org.vigie.misb.FullCornerLongitude;
import org.vigie.misb.HorizontalFov;
import org.vigie.misb.MissionId;
import org.vigie.misb.OffsetCornerLatitude;
import org.vigie.misb.OffsetCornerLongitude;
import org.vigie.misb.PlatformDesignation;
import org.vigie.misb.PlatformGroundSpeed;
import org.vigie.misb.PlatformHeading;
import org.vigie.misb.PlatformPitch;
import org.vigie.misb.PlatformPitchFull;
import org.vigie.misb.PlatformRoll;
import org.vigie.misb.PlatformRollFull;
import org.vigie.misb.PrecisionTimeStamp;
import org.vigie.misb.SensorLatitude;
import org.vigie.misb.SensorLongitude;
import org.vigie.misb.SensorRelativeAzimuth;
import org.vigie.misb.SensorRelativeElevation;
import org.vigie.misb.SensorRelativeRoll;
import org.vigie.misb.SensorTrueAltitude;
import org.vigie.misb.SlantRange;
import org.vigie.misb.St0601Packet;
import org.vigie.misb.UasLsVersion;
import org.vigie.misb.VerticalFov;
import org.vigie.mission.camera.Footprint;
import org.vigie.mission.camera.GroundPoint;
import org.vigie.mission.camera.VehiclePose;

/**
 * Assembles the ST 0601 packet for one snapshot and its camera footprint.
 *
 * <p>Items: 2 time stamp (first), 3 mission id, 5/6/7 platform heading, pitch, roll (90/91 full-range pitch/roll when
 * 6/7 overflow), 10 platform designation, 13/14/15 sensor position, 16/17 field of view, 18/19/20 sensor relative
 * angles, 56 ground speed, 65 version. Ground items appear only when true: 21 slant range and 23/24/25 frame centre
 * only when the boresight meets the ground; corners only when all four corner rays meet the ground, as offsets 26-33
 * when all fit +/-0.075 degrees from the frame centre, else as full-precision corners 82-89.
 *
 * <p>Immutable and thread-safe.
 */
public final class St0601PacketFactory {

    private final @Nullable PlatformDesignation designation;
    private final UasLsVersion version;

    /**
     * Creates a factory.
     *
     * @param platformDesignation the airframe name sent as tag 10, or null to omit it
     */
    public St0601PacketFactory(String platformDesignation) {
        this.designation = platformDesignation == null || platformDesignation.isEmpty() ? null
                : new PlatformDesignation(platformDesignation);
        this.version = new UasLsVersion(UasLsVersion.CURRENT);
    }

    /**
     * Builds the packet.
     *
     * @param s the snapshot
     * @param f the footprint computed for the same snapshot
     * @return the packet
     * @throws IllegalArgumentException if an argument is null
     */
    public St0601Packet build(MetadataSnapshot s, Footprint f) {
        if (s == null || f == null) {
            throw new IllegalArgumentException("snapshot and footprint are required");
        }
        VehiclePose p = s.pose();
        St0601Packet.Builder b = St0601Packet.builder();
        b.add(new PrecisionTimeStamp(s.timeUtcMicros()));
        if (s.missionId() != null && !s.missionId().isEmpty()) {
            b.add(new MissionId(s.missionId()));
        }
        b.add(new PlatformHeading(p.yawDeg()));
        b.add(new PlatformPitch(p.pitchDeg()));
        b.add(new PlatformRoll(p.rollDeg()));
        b.add(designation);
        b.add(new SensorLatitude(p.latitudeDeg()));
        b.add(new SensorLongitude(p.longitudeDeg()));
        b.add(new SensorTrueAltitude(p.altitudeAmslM()));
        b.add(new HorizontalFov(s.camera().horizontalFovDeg()));
        b.add(new VerticalFov(s.camera().verticalFovDeg()));
        b.add(new SensorRelativeAzimuth(f.relativeAzimuthDeg()));
        b.add(new SensorRelativeElevation(f.relativeElevationDeg()));
        b.add(new SensorRelativeRoll(f.relativeRollDeg()));
        GroundPoint c = f.frameCentre();
        if (c != null) {
            b.add(new SlantRange(f.slantRangeM()));
            b.add(new FrameCenterLatitude(c.latitudeDeg()));
            b.add(new FrameCenterLongitude(c.longitudeDeg()));
            b.add(new FrameCenterElevation(c.elevationAmslM()));
            if (f.allCornersOnGround()) {
                addCorners(b, c, f.corners());
            }
        }
        if (!Double.isNaN(s.groundSpeedMps())) {
            b.add(new PlatformGroundSpeed(s.groundSpeedMps()));
        }
        b.add(version);
        if (!PlatformPitch.inRange(p.pitchDeg())) {
            b.add(new PlatformPitchFull(p.pitchDeg()));
        }
        if (!PlatformRoll.inRange(p.rollDeg())) {
            b.add(new PlatformRollFull(p.rollDeg()));
        }
        return b.build();
    }

    private static void addCorners(St0601Packet.Builder b, GroundPoint centre, List<GroundPoint> corners) {
        boolean offsetsFit = true;
        for (GroundPoint k : corners) {
            offsetsFit &= OffsetCornerLatitude.fits(k.latitudeDeg() - centre.latitudeDeg())
                    && OffsetCornerLongitude.fits(k.longitudeDeg() - centre.longitudeDeg());
        }
        for (int i = 0; i < 4; i++) {
            GroundPoint k = corners.get(i);
            if (offsetsFit) {
                b.add(new OffsetCornerLatitude(i + 1, k.latitudeDeg() - centre.latitudeDeg()));
                b.add(new OffsetCornerLongitude(i + 1, k.longitudeDeg() - centre.longitudeDeg()));
            } else {
                b.add(new FullCornerLatitude(i + 1, k.latitudeDeg()));
                b.add(new FullCornerLongitude(i + 1, k.longitudeDeg()));
            }
        }
    }
}
