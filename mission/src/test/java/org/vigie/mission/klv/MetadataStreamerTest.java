package org.vigie.mission.klv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.link.time.ManualScheduler;
import org.vigie.misb.DecodeResult;
import org.vigie.misb.FrameCenterElevation;
import org.vigie.misb.FrameCenterLatitude;
import org.vigie.misb.FrameCenterLongitude;
import org.vigie.misb.MissionId;
import org.vigie.misb.PlatformGroundSpeed;
import org.vigie.misb.SensorLatitude;
import org.vigie.misb.SlantRange;
import org.vigie.misb.St0601Decoder;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.GimbalFrame;
import org.vigie.mission.camera.TerrainModel;
import org.vigie.mission.camera.VehiclePose;

class MetadataStreamerTest {

    static final double LAT = 48.8566;
    static final double LON = 2.3522;
    static final double HOME = 35;

    final ManualScheduler scheduler = new ManualScheduler();
    final InMemoryMetadataSink memory = new InMemoryMetadataSink();

    MetadataSnapshot snapshot(long micros, double yawDeg) {
        return new MetadataSnapshot(micros, "ALERT-42", new VehiclePose(LAT, LON, HOME + 60, 2, -3, yawDeg),
                new GimbalAttitude(0, -45, 0, GimbalFrame.HEADING_RELATIVE), CameraModel.of(62, 48), 4.5);
    }

    long nowMicros() {
        return scheduler.now().toEpochMilli() * 1000;
    }

    @Test
    void emitsAtTheConfiguredRateFromFasterTelemetry() throws Exception {
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).rateHz(10).sink(memory)
                .build();
        s.start();
        for (int i = 0; i < 40; i++) { // 2 s of telemetry at 20 Hz
            s.update(snapshot(nowMicros(), i));
            scheduler.advance(Duration.ofMillis(50));
        }
        List<MetadataPacket> packets = memory.packets();
        assertThat(packets).hasSizeBetween(19, 20);
        long previous = -1;
        for (MetadataPacket p : packets) {
            assertThat(p.timeUtcMicros()).isGreaterThan(previous);
            previous = p.timeUtcMicros();
            UasDatalinkMessage m = new UasDatalinkMessage(p.klv()); // checksum verified by jmisb
            assertThat(m.getField(UasDatalinkTag.MissionId).getDisplayableValue()).isEqualTo("ALERT-42");
            assertThat(m.getField(UasDatalinkTag.FrameCenterLatitude)).isNotNull();
            assertThat(m.getField(UasDatalinkTag.OffsetCornerLatitudePoint1)).isNotNull();
        }
        assertThat(s.stats().packetsSent()).isEqualTo(packets.size());
    }

    @Test
    void neverRepeatsASnapshotAndSkipsStaleOnes() {
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(memory)
                .maxSnapshotAge(Duration.ofMillis(500)).build();
        s.start();
        s.update(snapshot(nowMicros(), 0));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(memory.packets()).hasSize(1);
        s.update(snapshot(nowMicros(), 0));
        scheduler.advance(Duration.ofMillis(400)); // due tick at +100 ms sends it
        assertThat(memory.packets()).hasSize(2);
        s.stop();
        s.update(snapshot(nowMicros(), 0));
        scheduler.advance(Duration.ofMillis(600));
        s.start();
        scheduler.advance(Duration.ofMillis(100));
        assertThat(memory.packets()).hasSize(2);
        assertThat(s.stats().skippedStale()).isEqualTo(1);
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() {
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(p -> {
            throw new IllegalStateException("boom");
        }).sink(memory).build();
        s.start();
        s.update(snapshot(nowMicros(), 0));
        scheduler.advance(Duration.ofMillis(100));
        assertThat(memory.packets()).hasSize(1);
        assertThat(s.stats().sinkFailures()).isEqualTo(1);
    }

    @Test
    void frameCentreInThePacketIsWhereTheCameraLooks() throws Exception {
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(memory).build();
        s.start();
        // level vehicle heading east, camera 45 deg down: centre 60 m east
        s.update(new MetadataSnapshot(nowMicros(), "A1", new VehiclePose(LAT, LON, HOME + 60, 0, 0, 90),
                new GimbalAttitude(0, -45, 0, GimbalFrame.HEADING_RELATIVE), CameraModel.of(62, 48), Double.NaN));
        scheduler.advance(Duration.ofMillis(100));
        byte[] klv = memory.packets().get(0).klv();
        UasDatalinkMessage m = new UasDatalinkMessage(klv);
        double lat = ((org.jmisb.api.klv.st0601.FrameCenterLatitude) m.getField(UasDatalinkTag.FrameCenterLatitude))
                .getDegrees();
        double lon = ((org.jmisb.api.klv.st0601.FrameCenterLongitude) m.getField(UasDatalinkTag.FrameCenterLongitude))
                .getDegrees();
        EnuPoint e = new LocalFrame(GeoPoint.of(LAT, LON)).toLocal(GeoPoint.of(lat, lon));
        assertThat(e.northM()).isCloseTo(0, offset(0.05));
        assertThat(e.eastM()).isCloseTo(60, offset(0.05));
        assertThat(((org.jmisb.api.klv.st0601.SlantRange) m.getField(UasDatalinkTag.SlantRange)).getMeters())
                .isCloseTo(60 * Math.sqrt(2), offset(0.01));
        assertThat(m.getField(UasDatalinkTag.PlatformGroundSpeed)).isNull();
    }

    @Test
    void cameraAboveTheHorizonSendsNoGroundTags() throws Exception {
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(memory).build();
        s.start();
        s.update(new MetadataSnapshot(nowMicros(), "A1", new VehiclePose(LAT, LON, HOME + 60, 0, 0, 0),
                new GimbalAttitude(0, 25, 0, GimbalFrame.HEADING_RELATIVE), CameraModel.of(62, 48), 3));
        scheduler.advance(Duration.ofMillis(100));
        UasDatalinkMessage m = new UasDatalinkMessage(memory.packets().get(0).klv());
        for (UasDatalinkTag tag : List.of(UasDatalinkTag.SlantRange, UasDatalinkTag.FrameCenterLatitude,
                UasDatalinkTag.FrameCenterLongitude, UasDatalinkTag.FrameCenterElevation,
                UasDatalinkTag.OffsetCornerLatitudePoint1, UasDatalinkTag.CornerLatPt1)) {
            assertThat(m.getField(tag)).as("%s", tag).isNull();
        }
        assertThat(m.getField(UasDatalinkTag.SensorLatitude)).isNotNull();
        assertThat(m.getField(UasDatalinkTag.SensorRelativeElevationAngle)).isNotNull();
    }

    @Test
    void wideFootprintsUseFullPrecisionCorners() throws Exception {
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(memory)
                .maxRangeM(20_000).build();
        s.start();
        // oblique view from 400 m: far corners more than 0.075 deg (~5.5 km in longitude) from the centre
        s.update(new MetadataSnapshot(nowMicros(), "A1", new VehiclePose(LAT, LON, HOME + 400, 0, 0, 90),
                new GimbalAttitude(0, -12, 0, GimbalFrame.HEADING_RELATIVE), CameraModel.of(90, 60), 3));
        scheduler.advance(Duration.ofMillis(100));
        UasDatalinkMessage m = new UasDatalinkMessage(memory.packets().get(0).klv());
        // upper corners miss (above horizon): no corners at all
        assertThat(m.getField(UasDatalinkTag.CornerLatPt1)).isNull();
        s.update(new MetadataSnapshot(nowMicros(), "A1", new VehiclePose(LAT, LON, HOME + 400, 0, 0, 90),
                new GimbalAttitude(0, -33, 0, GimbalFrame.HEADING_RELATIVE), CameraModel.of(90, 60), 3));
        scheduler.advance(Duration.ofMillis(100));
        m = new UasDatalinkMessage(memory.packets().get(1).klv());
        assertThat(m.getField(UasDatalinkTag.CornerLatPt1)).isNotNull();
        assertThat(m.getField(UasDatalinkTag.CornerLonPt4)).isNotNull();
        assertThat(m.getField(UasDatalinkTag.OffsetCornerLatitudePoint1)).isNull();
    }

    @Test
    void klvFileHoldsEveryPacketBackToBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flight.klv");
        KlvFileSink fileSink = new KlvFileSink(file, 3);
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(fileSink).sink(memory)
                .build();
        s.start();
        for (int i = 0; i < 25; i++) {
            s.update(snapshot(nowMicros(), 10 * i));
            scheduler.advance(Duration.ofMillis(100));
        }
        s.close();
        byte[] bytes = Files.readAllBytes(file);
        List<DecodeResult> all = new St0601Decoder().decodeAll(bytes);
        assertThat(all).hasSize(25).allMatch(r -> r instanceof DecodeResult.Decoded);
        int off = 0;
        for (MetadataPacket p : memory.packets()) {
            byte[] one = Arrays.copyOfRange(bytes, off, off + p.klv().length);
            assertThat(one).isEqualTo(p.klv());
            new UasDatalinkMessage(one);
            off += one.length;
        }
        assertThat(off).isEqualTo(bytes.length);
        assertThat(fileSink.written()).isEqualTo(25);
    }

    @Test
    void udpSinkSendsOnePacketPerDatagram() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(5000);
            UdpKlvSink udp = new UdpKlvSink(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    receiver.getLocalPort()));
            MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(udp).sink(memory)
                    .build();
            s.start();
            for (int i = 0; i < 3; i++) {
                s.update(snapshot(nowMicros(), i));
                scheduler.advance(Duration.ofMillis(100));
            }
            List<byte[]> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
                receiver.receive(d);
                received.add(Arrays.copyOf(d.getData(), d.getLength()));
            }
            s.close();
            for (int i = 0; i < 3; i++) {
                assertThat(received.get(i)).isEqualTo(memory.packets().get(i).klv());
                new UasDatalinkMessage(received.get(i));
            }
            assertThat(udp.sent()).isEqualTo(3);
        }
    }

    @Test
    void aSnapshotThatCannotBeComputedIsCountedNotThrownAndTheNextOneGoesOut() {
        MetadataStreamer s = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME)).sink(memory).build();
        s.start();
        s.update(new MetadataSnapshot(nowMicros(), "A1", new VehiclePose(89.999, 0, 100, 0, 0, 0),
                GimbalAttitude.nadir(), CameraModel.of(60, 40), 0)); // the local frame rejects the pole
        scheduler.advance(Duration.ofMillis(100));
        assertThat(memory.packets()).isEmpty();
        assertThat(s.stats().computeFailures()).isEqualTo(1);
        s.update(snapshot(nowMicros(), 0));
        scheduler.advance(Duration.ofMillis(100));
        assertThat(memory.packets()).hasSize(1);
    }
}
