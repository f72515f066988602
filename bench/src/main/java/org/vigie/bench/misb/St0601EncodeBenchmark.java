package org.vigie.bench.misb;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jmisb.api.klv.st0601.CornerOffset;
import org.jmisb.api.klv.st0601.FrameCenterElevation;
import org.jmisb.api.klv.st0601.FrameCenterLatitude;
import org.jmisb.api.klv.st0601.FrameCenterLongitude;
import org.jmisb.api.klv.st0601.HorizontalFov;
import org.jmisb.api.klv.st0601.IUasDatalinkValue;
import org.jmisb.api.klv.st0601.PlatformHeadingAngle;
import org.jmisb.api.klv.st0601.PlatformPitchAngle;
import org.jmisb.api.klv.st0601.PlatformRollAngle;
import org.jmisb.api.klv.st0601.PrecisionTimeStamp;
import org.jmisb.api.klv.st0601.ST0601Version;
import org.jmisb.api.klv.st0601.SensorLatitude;
import org.jmisb.api.klv.st0601.SensorLongitude;
import org.jmisb.api.klv.st0601.SensorRelativeAzimuth;
import org.jmisb.api.klv.st0601.SensorRelativeElevation;
import org.jmisb.api.klv.st0601.SensorRelativeRoll;
import org.jmisb.api.klv.st0601.SensorTrueAltitude;
import org.jmisb.api.klv.st0601.SlantRange;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkString;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.jmisb.api.klv.st0601.VerticalFov;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigie.misb.St0601Encoder;
import org.vigie.misb.St0601Packet;
import org.vigie.mission.camera.CameraGeometry;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.Footprint;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.GimbalFrame;
import org.vigie.mission.camera.GroundPoint;
import org.vigie.mission.camera.TerrainModel;
import org.vigie.mission.camera.VehiclePose;
import org.vigie.mission.klv.MetadataSnapshot;
import org.vigie.mission.klv.St0601PacketFactory;
import org.vigie.mission.klv.privacy.PrivacyMonitor;
import org.vigie.mission.klv.privacy.PrivacyPolicy;
import org.vigie.mission.klv.privacy.PrivacyPolygon;

/**
 * KLV packets encoded per second and bytes allocated per packet (run with {@code -prof gc}), for the same ST 0601
 * packet (26 items: time, mission, platform attitude and designation, sensor position, FOV, relative angles, slant
 * range, frame centre, 8 corner offsets, version) built by Vigie and by jmisb 1.10.
 *
 * <ul>
 *   <li>{@code vigieBuildAndEncode} / {@code jmisbBuildAndFrame}: per packet, create the value objects and encode;
 *   <li>{@code vigieEncodeIntoBuffer} / {@code jmisbFrameOnly}: encode an already-built packet;
 *   <li>{@code vigieGeometryAndEncode}: the streamer's whole per-packet work minus privacy: camera footprint (EJML
 *       rotations, 5 + 64 ground rays), packet assembly, encoding;
 *   <li>{@code vigieFootprintAndPrivacy}: footprint plus the privacy test against 3 zones (JTS, prepared).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class St0601EncodeBenchmark {

    private final St0601Encoder encoder = new St0601Encoder();
    private final St0601PacketFactory factory = new St0601PacketFactory("Vigie quad");
    private final CameraGeometry geometry = new CameraGeometry(TerrainModel.flat(35));
    private MetadataSnapshot snapshot;
    private Footprint footprint;
    private St0601Packet packet;
    private UasDatalinkMessage jmisbMessage;
    private final byte[] buffer = new byte[1024];
    private long time = 1_700_000_000_000_000L;
    private PrivacyMonitor privacy;

    /** Builds the shared inputs. */
    @Setup
    public void setup() {
        snapshot = new MetadataSnapshot(time, "ALERT-2026-0042", new VehiclePose(48.8566, 2.3522, 95, 2.5, -3.1, 87.4),
                new GimbalAttitude(0, -40, 12, GimbalFrame.HEADING_RELATIVE), CameraModel.of(62.2, 48.8), Double.NaN);
        footprint = geometry.footprint(snapshot.pose(), snapshot.gimbal(), snapshot.camera());
        packet = factory.build(snapshot, footprint);
        privacy = new PrivacyMonitor(java.util.List.of(zone("a", 48.8570, 2.3530), zone("b", 48.8560, 2.3540),
                zone("c", 48.8550, 2.3500)), PrivacyPolicy.DEFAULT);
        jmisbMessage = jmisbMessage(snapshot, footprint);
        if (packet.items().size() != jmisbMessage.getTags().size()) {
            throw new IllegalStateException("baseline must carry the same items: " + packet.items().size() + " vs "
                    + jmisbMessage.getTags().size());
        }
    }

    /** @return Vigie: value records + encoding into a fresh array */
    @Benchmark
    public byte[] vigieBuildAndEncode() {
        MetadataSnapshot s = new MetadataSnapshot(++time, snapshot.missionId(), snapshot.pose(), snapshot.gimbal(),
                snapshot.camera(), Double.NaN);
        return encoder.encode(factory.build(s, footprint));
    }

    /** @return Vigie: encoding of a built packet into a reused buffer (length) */
    @Benchmark
    public int vigieEncodeIntoBuffer() {
        return encoder.encode(packet, buffer, 0);
    }

    /** @return Vigie: footprint + assembly + encoding */
    @Benchmark
    public byte[] vigieGeometryAndEncode() {
        Footprint f = geometry.footprint(snapshot.pose(), snapshot.gimbal(), snapshot.camera());
        return encoder.encode(factory.build(snapshot, f));
    }

    /** @return Vigie: footprint + privacy zones overlapped */
    @Benchmark
    public int vigieFootprintAndPrivacy() {
        Footprint f = geometry.footprint(snapshot.pose(), snapshot.gimbal(), snapshot.camera());
        return privacy.overlappingZones(f).size();
    }

    private static PrivacyPolygon zone(String name, double lat, double lon) {
        double d = 0.0003;
        return PrivacyPolygon.ofLatLon(name, java.util.List.of(new double[] {lat - d, lon - d},
                new double[] {lat - d, lon + d}, new double[] {lat + d, lon + d}, new double[] {lat + d, lon - d}));
    }

    /** @return jmisb: value objects + TreeMap + frameMessage */
    @Benchmark
    public byte[] jmisbBuildAndFrame() {
        return jmisbMessage(snapshot, footprint).frameMessage(false);
    }

    /** @return jmisb: frameMessage of a built message */
    @Benchmark
    public byte[] jmisbFrameOnly() {
        return jmisbMessage.frameMessage(false);
    }

    private UasDatalinkMessage jmisbMessage(MetadataSnapshot s, Footprint f) {
        SortedMap<UasDatalinkTag, IUasDatalinkValue> m = new TreeMap<>();
        m.put(UasDatalinkTag.PrecisionTimeStamp, new PrecisionTimeStamp(s.timeUtcMicros()));
        m.put(UasDatalinkTag.MissionId, new UasDatalinkString(UasDatalinkString.MISSION_ID, s.missionId()));
        m.put(UasDatalinkTag.PlatformHeadingAngle, new PlatformHeadingAngle(s.pose().yawDeg()));
        m.put(UasDatalinkTag.PlatformPitchAngle, new PlatformPitchAngle(s.pose().pitchDeg()));
        m.put(UasDatalinkTag.PlatformRollAngle, new PlatformRollAngle(s.pose().rollDeg()));
        m.put(UasDatalinkTag.PlatformDesignation,
                new UasDatalinkString(UasDatalinkString.PLATFORM_DESIGNATION, "Vigie quad"));
        m.put(UasDatalinkTag.SensorLatitude, new SensorLatitude(s.pose().latitudeDeg()));
        m.put(UasDatalinkTag.SensorLongitude, new SensorLongitude(s.pose().longitudeDeg()));
        m.put(UasDatalinkTag.SensorTrueAltitude, new SensorTrueAltitude(s.pose().altitudeAmslM()));
        m.put(UasDatalinkTag.SensorHorizontalFov, new HorizontalFov(s.camera().horizontalFovDeg()));
        m.put(UasDatalinkTag.SensorVerticalFov, new VerticalFov(s.camera().verticalFovDeg()));
        m.put(UasDatalinkTag.SensorRelativeAzimuthAngle, new SensorRelativeAzimuth(f.relativeAzimuthDeg()));
        m.put(UasDatalinkTag.SensorRelativeElevationAngle, new SensorRelativeElevation(f.relativeElevationDeg()));
        m.put(UasDatalinkTag.SensorRelativeRollAngle, new SensorRelativeRoll(f.relativeRollDeg()));
        m.put(UasDatalinkTag.SlantRange, new SlantRange(f.slantRangeM()));
        GroundPoint c = f.frameCentre();
        m.put(UasDatalinkTag.FrameCenterLatitude, new FrameCenterLatitude(c.latitudeDeg()));
        m.put(UasDatalinkTag.FrameCenterLongitude, new FrameCenterLongitude(c.longitudeDeg()));
        m.put(UasDatalinkTag.FrameCenterElevation, new FrameCenterElevation(c.elevationAmslM()));
        UasDatalinkTag[] lat = {UasDatalinkTag.OffsetCornerLatitudePoint1, UasDatalinkTag.OffsetCornerLatitudePoint2,
            UasDatalinkTag.OffsetCornerLatitudePoint3, UasDatalinkTag.OffsetCornerLatitudePoint4};
        UasDatalinkTag[] lon = {UasDatalinkTag.OffsetCornerLongitudePoint1, UasDatalinkTag.OffsetCornerLongitudePoint2,
            UasDatalinkTag.OffsetCornerLongitudePoint3, UasDatalinkTag.OffsetCornerLongitudePoint4};
        String[] latNames = {CornerOffset.CORNER_LAT_1, CornerOffset.CORNER_LAT_2, CornerOffset.CORNER_LAT_3,
            CornerOffset.CORNER_LAT_4};
        String[] lonNames = {CornerOffset.CORNER_LON_1, CornerOffset.CORNER_LON_2, CornerOffset.CORNER_LON_3,
            CornerOffset.CORNER_LON_4};
        for (int i = 0; i < 4; i++) {
            GroundPoint k = f.corners().get(i);
            m.put(lat[i], new CornerOffset(k.latitudeDeg() - c.latitudeDeg(), latNames[i]));
            m.put(lon[i], new CornerOffset(k.longitudeDeg() - c.longitudeDeg(), lonNames[i]));
        }
        m.put(UasDatalinkTag.UasLdsVersionNumber, new ST0601Version((short) 17));
        return new UasDatalinkMessage(m);
    }
}
