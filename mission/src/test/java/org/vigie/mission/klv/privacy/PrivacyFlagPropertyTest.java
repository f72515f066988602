package org.vigie.mission.klv.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.link.time.ManualScheduler;
import org.vigie.mission.camera.CameraGeometry;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.GimbalFrame;
import org.vigie.mission.camera.GroundPoint;
import org.vigie.mission.camera.TerrainModel;
import org.vigie.mission.camera.VehiclePose;
import org.vigie.mission.klv.InMemoryMetadataSink;
import org.vigie.mission.klv.MetadataPacket;
import org.vigie.mission.klv.MetadataSnapshot;
import org.vigie.mission.klv.MetadataStreamer;

/** No metadata packet whose image shows a privacy zone may leave unflagged. */
class PrivacyFlagPropertyTest {

    static final double LAT = 48.8566;
    static final double LON = 2.3522;
    static final double HOME = 35;
    static final GeometryFactory GF = new GeometryFactory();
    static final LocalFrame T = new LocalFrame(GeoPoint.of(LAT, LON));
    static final int GRID = 16;

    static PrivacyPolygon square(String name, double northM, double eastM, double halfM) {
        return PrivacyPolygon.ofLatLon(name, List.of(latLon(northM - halfM, eastM - halfM),
                latLon(northM - halfM, eastM + halfM), latLon(northM + halfM, eastM + halfM),
                latLon(northM + halfM, eastM - halfM)));
    }

    static double[] latLon(double northM, double eastM) {
        GeoPoint g = T.toGeo(eastM, northM, 0);
        return new double[] {g.latDeg(), g.lonDeg()};
    }

    /** Independent check: does any ray of a dense image grid land inside a zone? */
    static boolean imageShowsAZone(CameraGeometry g, MetadataSnapshot s, List<PrivacyPolygon> zones) {
        for (int i = 0; i <= GRID; i++) {
            for (int j = 0; j <= GRID; j++) {
                double u = -1 + 2.0 * i / GRID;
                double v = -1 + 2.0 * j / GRID;
                GroundPoint p = g.groundPoint(s.pose(), s.gimbal(), s.camera(), u, v);
                if (p == null) {
                    continue;
                }
                for (PrivacyPolygon z : zones) {
                    if (z.lonLat().getEnvelopeInternal().contains(p.longitudeDeg(), p.latitudeDeg())
                            && z.lonLat().contains(GF.createPoint(new Coordinate(p.longitudeDeg(), p.latitudeDeg())))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Property(tries = 60)
    void noPacketOverAZoneGoesOutUnflagged(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<PrivacyPolygon> zones = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            zones.add(square("zone-" + k, -300 + 600 * rnd.nextDouble(), -300 + 600 * rnd.nextDouble(),
                    5 + 40 * rnd.nextDouble()));
        }
        ManualScheduler scheduler = new ManualScheduler();
        InMemoryMetadataSink sink = new InMemoryMetadataSink();
        List<PrivacyEvent> events = new ArrayList<>();
        MetadataStreamer streamer = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME))
                .privacy(zones, new PrivacyPolicy(0, false)).sink(sink).onPrivacyEvent(events::add).build();
        CameraGeometry independent = new CameraGeometry(TerrainModel.flat(HOME));
        streamer.start();
        int flagged = 0;
        for (int step = 0; step < 20; step++) {
            MetadataSnapshot s = new MetadataSnapshot(1_000_000L * step, "A",
                    pose(latLon(-200 + 400 * rnd.nextDouble(), -200 + 400 * rnd.nextDouble()),
                            HOME + 10 + 140 * rnd.nextDouble(),
                            -15 + 30 * rnd.nextDouble(), -15 + 30 * rnd.nextDouble(), 360 * rnd.nextDouble()),
                    new GimbalAttitude(-5 + 10 * rnd.nextDouble(), -95 + 110 * rnd.nextDouble(),
                            -180 + 360 * rnd.nextDouble(), GimbalFrame.values()[rnd.nextInt(3)]),
                    CameraModel.of(10 + 100 * rnd.nextDouble(), 10 + 80 * rnd.nextDouble()), 3);
            streamer.update(s);
            scheduler.advance(Duration.ofMillis(100));
            List<MetadataPacket> packets = sink.packets();
            MetadataPacket p = packets.get(packets.size() - 1);
            assertThat(p.timeUtcMicros()).isEqualTo(s.timeUtcMicros());
            boolean shows = imageShowsAZone(independent, s, zones);
            Statistics.label("image shows a zone").collect(shows);
            if (shows) {
                assertThat(p.privacy().overPrivacyZone()).as("packet %d: %s", step, s).isTrue();
            }
            if (p.privacy().overPrivacyZone()) {
                flagged++;
                // the video pipeline has been told before the packet left
                for (String z : p.privacy().zones()) {
                    assertThat(lastEventFor(events, z)).isInstanceOf(PrivacyEvent.Entered.class);
                }
            }
        }
        assertThat(sink.packets()).hasSize(20);
        assertThat(flagged).isLessThanOrEqualTo(20);
    }

    static VehiclePose pose(double[] latLon, double altitudeAmslM, double rollDeg, double pitchDeg, double yawDeg) {
        return new VehiclePose(latLon[0], latLon[1], altitudeAmslM, rollDeg, pitchDeg, yawDeg);
    }

    static PrivacyEvent lastEventFor(List<PrivacyEvent> events, String zone) {
        PrivacyEvent last = null;
        for (PrivacyEvent e : events) {
            if (e.zoneName().equals(zone)) {
                last = e;
            }
        }
        return last;
    }

    @Test
    void lookingAwayIsNotFlaggedAndEnteringThenLeavingRaisesBothEvents() {
        List<PrivacyPolygon> zones = List.of(square("garden", 100, 0, 20));
        ManualScheduler scheduler = new ManualScheduler();
        InMemoryMetadataSink sink = new InMemoryMetadataSink();
        List<PrivacyEvent> events = new ArrayList<>();
        MetadataStreamer streamer = MetadataStreamer.builder(scheduler, TerrainModel.flat(HOME))
                .privacy(zones, PrivacyPolicy.DEFAULT).sink(sink).onPrivacyEvent(events::add).build();
        streamer.start();
        CameraModel cam = CameraModel.of(60, 40);
        // facing south, 45 deg down: sees ground 50 m south; garden is 100 m north
        streamer.update(new MetadataSnapshot(1, "A", new VehiclePose(LAT, LON, HOME + 50, 0, 0, 180),
                new GimbalAttitude(0, -45, 0, GimbalFrame.HEADING_RELATIVE), cam, 0));
        scheduler.advance(Duration.ofMillis(100));
        assertThat(sink.packets().get(0).privacy().overPrivacyZone()).isFalse();
        // facing north, 27 deg down: looks at the garden
        streamer.update(new MetadataSnapshot(2, "A", new VehiclePose(LAT, LON, HOME + 50, 0, 0, 0),
                new GimbalAttitude(0, -27, 0, GimbalFrame.HEADING_RELATIVE), cam, 0));
        scheduler.advance(Duration.ofMillis(100));
        assertThat(sink.packets().get(1).privacy().zones()).containsExactly("garden");
        streamer.update(new MetadataSnapshot(3, "A", new VehiclePose(LAT, LON, HOME + 50, 0, 0, 180),
                new GimbalAttitude(0, -45, 0, GimbalFrame.HEADING_RELATIVE), cam, 0));
        scheduler.advance(Duration.ofMillis(100));
        assertThat(events).containsExactly(new PrivacyEvent.Entered("garden", 2), new PrivacyEvent.Left("garden", 3));
        assertThat(streamer.lastPrivacy()).isEqualTo(PrivacyStatus.CLEAR);
    }

    @Property(tries = 60)
    void suggestedGimbalKeepsTheImageOffEveryZone(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<PrivacyPolygon> zones = List.of(square("z", 60 + 100 * rnd.nextDouble(), -50 + 100 * rnd.nextDouble(),
                10 + 20 * rnd.nextDouble()));
        PrivacyMonitor monitor = new PrivacyMonitor(zones, new PrivacyPolicy(2, true));
        CameraGeometry g = new CameraGeometry(TerrainModel.flat(HOME));
        VehiclePose pose = new VehiclePose(LAT, LON, HOME + 30 + 60 * rnd.nextDouble(), 0, 0, 0);
        GimbalAttitude look = new GimbalAttitude(0, -20 - 20 * rnd.nextDouble(), 0, GimbalFrame.HEADING_RELATIVE);
        CameraModel cam = CameraModel.of(50, 35);
        PrivacyStatus st = monitor.update(g.footprint(pose, look, cam), 1, look, cam, g, e -> { });
        Statistics.label("looking at the zone").collect(st.overPrivacyZone());
        if (!st.overPrivacyZone()) {
            return;
        }
        assertThat(st.suggestedGimbal()).isNotNull();
        MetadataSnapshot steered = new MetadataSnapshot(2, "A", pose, st.suggestedGimbal(), cam, 0);
        assertThat(imageShowsAZone(g, steered, zones)).isFalse();
        assertThat(monitor.overlappingZones(g.footprint(pose, st.suggestedGimbal(), cam))).isEmpty();
    }
}
