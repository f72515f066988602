package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.FlatTerrain;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.flight.FlightView;
import org.vigie.mission.flight.GimbalSteering;
import org.vigie.mission.flight.KlvFeed;
import org.vigie.mission.klv.InMemoryMetadataSink;
import org.vigie.mission.klv.MetadataPacket;
import org.vigie.mission.klv.MetadataStreamer;
import org.vigie.mission.klv.privacy.PrivacyEvent;
import org.vigie.mission.klv.privacy.PrivacyPolicy;
import org.vigie.mission.klv.privacy.PrivacyPolygon;
import org.vigie.sim.SimConfig;

/** Privacy steering end to end: the streamer's suggestion becomes a gimbal command the simulated gimbal follows. */
class GimbalSteeringTest {

    private static final GeoPoint TARGET = GeoPoint.of(48.85560, 2.36540);

    /** What one simulated flight produced. */
    record Run(FlightReport report, int packets, int flagged, int firstEnteredPacket, int firstCommandPacket,
               long gimbalCommands, long roiRestores, List<double[]> followed, List<Long> commandTimesMs) {
    }

    /** A zone from north/east offsets in metres from the target. */
    static PrivacyPolygon zone(double n0, double e0, double n1, double e1) {
        double mLat = 1 / 111_320.0;
        double mLon = 1 / (111_320.0 * Math.cos(Math.toRadians(TARGET.latDeg())));
        double la = TARGET.latDeg();
        double lo = TARGET.lonDeg();
        return PrivacyPolygon.ofLatLon("courtyard", List.of(new double[] {la + n0 * mLat, lo + e0 * mLon},
                new double[] {la + n0 * mLat, lo + e1 * mLon}, new double[] {la + n1 * mLat, lo + e1 * mLon},
                new double[] {la + n1 * mLat, lo + e0 * mLon}));
    }

    /**
     * Flies the dispatch with KLV, the zone and a steering hook. {@code followed} holds, 0.9 s after each gimbal
     * command (before the next may go), {commanded pitch, reported pitch, commanded yaw, reported yaw, same frame}.
     */
    static Run fly(boolean steer, PrivacyPolygon zone) throws Exception {
        District d = SimHarness.quartier("Arsenal");
        // the steering's reaction time is judged at the legacy 8 m/s profile this test was calibrated on: at 15 m/s
        // the footprint sweeps the zone twice as fast and the fixed reaction costs twice the packets
        CompanionOptions options = CompanionOptions.defaults().withFlight(org.vigie.mission.flight.FlightConfig
                .defaults().withProfile(org.vigie.mission.flight.AircraftProfile.legacy())
                .withOnScene(org.vigie.mission.flight.FlightConfig.OnScene.hold()));
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), options)) {
            InMemoryMetadataSink sink = new InMemoryMetadataSink();
            GimbalSteering steering = steer ? GimbalSteering.on() : GimbalSteering.off();
            int[] firstEntered = {-1};
            int[] firstCmd = {-1};
            FlightView[] ctl = new FlightView[1];
            List<double[]> followed = new ArrayList<>();
            List<Long> commandTimes = new ArrayList<>();
            MetadataStreamer streamer = MetadataStreamer.builder(h.scheduler, new FlatTerrain(35)).sink(sink)
                    .privacy(List.of(zone), new PrivacyPolicy(2, true)).onPrivacyEvent(e -> {
                        if (e instanceof PrivacyEvent.Entered && firstEntered[0] < 0) {
                            firstEntered[0] = sink.packets().size(); // index of the packet about to go
                        }
                    }).onPacket(p -> {
                        long gimbalBefore = steering.gimbalCommandsSent();
                        long roiBefore = steering.roiRestoresSent();
                        steering.onPacket(p);
                        if (steering.gimbalCommandsSent() + steering.roiRestoresSent() > gimbalBefore + roiBefore) {
                            commandTimes.add(h.scheduler.monotonicMs());
                        }
                        if (steering.gimbalCommandsSent() > gimbalBefore) {
                            if (firstCmd[0] < 0) {
                                firstCmd[0] = sink.packets().size() - 1;
                            }
                            GimbalAttitude g = p.privacy().suggestedGimbal();
                            h.scheduler.schedule(Duration.ofMillis(900), () -> {
                                GimbalAttitude now = GimbalAttitude.fromGimbalDeviceAttitudeStatus(
                                        ctl[0].telemetry().gimbalQuaternion(), ctl[0].telemetry().gimbalFlags());
                                followed.add(new double[] {g.pitchDeg(), now.pitchDeg(), g.yawDeg(), now.yawDeg(),
                                    g.frame() == now.frame() ? 1 : 0});
                            });
                        }
                    }).build();
            h.companion.onFlightStarted(f -> Companion.viewOf(f).ifPresent(c -> {
                ctl[0] = c;
                steering.attach(c, h.companion.payloadCommands());
                c.addTelemetryObserver(new KlvFeed(streamer, CameraModel.of(60, 45)));
            }));
            streamer.start();
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("PRIV-1", TARGET).onSceneTime(Duration.ofSeconds(30)).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            streamer.stop();
            List<MetadataPacket> packets = sink.packets();
            int flagged = (int) packets.stream().filter(p -> p.privacy().overPrivacyZone()).count();
            return new Run(r, packets.size(), flagged, firstEntered[0], firstCmd[0], steering.gimbalCommandsSent(),
                    steering.roiRestoresSent(), followed, commandTimes);
        }
    }

    @Test
    void steeringKeepsTheCameraOffAZoneItWouldOtherwiseFilm() throws Exception {
        // a courtyard 30..90 m north of the target: the camera sees it on the way and on scene
        PrivacyPolygon zone = zone(30, -30, 90, 30);
        Run off = fly(false, zone);
        Run on = fly(true, zone);
        System.out.printf("privacy steering: OFF %d packets, %d flagged, 0 commands | ON %d packets, %d flagged, "
                + "%d gimbal commands, %d ROI restores%n", off.packets(), off.flagged(), on.packets(), on.flagged(),
                on.gimbalCommands(), on.roiRestores());

        assertThat(off.report().outcome()).isEqualTo(FlightOutcome.COMPLETED);
        assertThat(on.report().outcome()).isEqualTo(FlightOutcome.COMPLETED);
        assertThat(off.firstEnteredPacket()).as("the camera crosses the zone").isGreaterThanOrEqualTo(0);
        assertThat(off.gimbalCommands()).as("steering off: flag and report only").isZero();
        assertThat(off.roiRestores()).isZero();
        assertThat(off.firstCommandPacket()).isEqualTo(-1);

        assertThat(on.firstEnteredPacket()).isGreaterThanOrEqualTo(0);
        assertThat(on.firstCommandPacket()).as("first gimbal command on the packet that entered the zone")
                .isEqualTo(on.firstEnteredPacket());
        assertThat(on.followed()).hasSize((int) on.gimbalCommands());
        for (double[] fo : on.followed()) {
            assertThat(fo[4]).as("reported in the commanded frame").isEqualTo(1);
            assertThat(fo[1]).as("gimbal pitch follows the command").isCloseTo(fo[0], Offset.offset(0.5));
            if (fo[0] > -85) {
                double dy = Math.IEEEremainder(fo[3] - fo[2], 360);
                assertThat(dy).as("gimbal yaw follows the command").isCloseTo(0, Offset.offset(0.5));
            }
        }
        assertThat(on.roiRestores()).as("camera put back on the target once clear").isPositive();
        for (int i = 1; i < on.commandTimesMs().size(); i++) {
            assertThat(on.commandTimesMs().get(i) - on.commandTimesMs().get(i - 1)).as("rate limit")
                    .isGreaterThanOrEqualTo(1000);
        }
        assertThat(on.flagged()).as("flagged packets with steering vs without (%d)", off.flagged())
                .isLessThan(off.flagged() / 4);
    }

    @Test
    void badIntervalsAreRejected() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new GimbalSteering(true, Duration.ZERO, Duration.ZERO))
                .withMessageContaining("minCommandInterval");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new GimbalSteering(true, Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .withMessageContaining("restoreAfterClear");
        assertThat(GimbalSteering.off().enabled()).isFalse();
        assertThat(GimbalSteering.on().enabled()).isTrue();
    }
}
