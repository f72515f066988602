package org.vigie.mission.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.TrackPoint;
import org.vigie.mission.camera.FlatTerrain;
import org.vigie.mission.klv.InMemoryMetadataSink;
import org.vigie.mission.klv.MetadataStreamer;
import org.vigie.mission.sim.SimHarness;
import org.vigie.sim.SimConfig;

/** The telemetry stream fed from a real (simulated) flight. */
class FlightTelemetryFeedTest {

    static final GeoPoint PLACE_DES_VOSGES = GeoPoint.of(48.85560, 2.36540);

    @Test
    void everyPhaseOfANominalFlightIsStreamedInOrderWithMonotonicTimestamps() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults());
             TelemetryStream stream = new TelemetryStream(h.scheduler)) {
            List<TelemetrySample> got = new ArrayList<>();
            stream.subscribe("test", got::add, 50, h.scheduler.callbackExecutor(), 64);
            FlightTelemetryFeed feed = FlightTelemetryFeed.attach(h.companion, stream);
            InMemoryMetadataSink klv = new InMemoryMetadataSink();
            MetadataStreamer streamer = MetadataStreamer.builder(h.scheduler, new FlatTerrain(35)).sink(klv)
                    .onPacket(FlightTelemetryFeed.cameraViews(stream)).build();
            h.companion.onFlightStarted(f -> org.vigie.mission.Companion.viewOf(f).ifPresent(c ->
                    c.addTelemetryObserver(new org.vigie.mission.flight.KlvFeed(streamer,
                            org.vigie.mission.camera.CameraModel.of(60, 45)))));
            streamer.start();
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("TEL-1", PLACE_DES_VOSGES).build());
            List<FlightPhase> phases = new ArrayList<>();
            f.addListener(e -> {
                if (e instanceof FlightEvent.PhaseChanged p) {
                    phases.add(p.to());
                }
            });
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            streamer.stop();
            h.advance(Duration.ofSeconds(1));
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);

            Set<String> seen = new LinkedHashSet<>();
            got.forEach(s -> seen.add(s.flightPhase()));
            assertThat(seen).containsExactly("PREFLIGHT", "UPLOAD", "ARM", "TAKEOFF", "TRANSIT", "ON_SCENE",
                    "RETURN", "LAND", "DONE");
            assertThat(got.get(got.size() - 1).flightPhase()).isEqualTo("DONE");
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i).timeUtcMicros()).as("sample %d", i)
                        .isGreaterThanOrEqualTo(got.get(i - 1).timeUtcMicros());
            }
            assertThat(got.get(got.size() - 1).timeUtcMicros()).isGreaterThan(got.get(0).timeUtcMicros());
            // about 10 Hz (ATTITUDE) while airborne
            double flightS = r.totalTime().toMillis() / 1000.0;
            assertThat(got.size()).as("samples over %.0f s", flightS).isGreaterThan((int) (flightS * 5));
            assertThat(feed.samplesPublished()).isGreaterThan((long) (flightS * 5));

            List<TelemetrySample> transit = got.stream().filter(s -> s.flightPhase().equals("TRANSIT")).toList();
            List<TelemetrySample> onScene = got.stream().filter(s -> s.flightPhase().equals("ON_SCENE")).toList();
            List<TelemetrySample> back = got.stream().filter(s -> s.flightPhase().equals("RETURN")).toList();
            assertThat(transit).allSatisfy(s -> {
                assertThat(s.position()).isNotNull();
                assertThat(s.velocity()).isNotNull();
                assertThat(s.attitude()).isNotNull();
                assertThat(s.battery()).isNotNull();
                assertThat(s.linkQualityPct()).isBetween(90.0, 100.0);
                assertThat(s.eta()).isNotNull();
                assertThat(s.eta().target()).isEqualTo(TelemetrySample.EtaTarget.SCENE);
            });
            // the ETA to the scene counts down: from about the planned transit time to a few seconds (what is left
            // at the end is the planned descent to the on-scene altitude)
            double plannedTransitS = plannedDurationS(r.plannedRoutes().get(0));
            assertThat(transit.get(0).eta().seconds()).isBetween(0.5 * plannedTransitS, 1.2 * plannedTransitS);
            assertThat(transit.get(transit.size() - 1).eta().seconds()).isLessThan(0.25 * plannedTransitS);
            assertThat(onScene).isNotEmpty().allSatisfy(s -> {
                assertThat(s.eta().seconds()).isZero();
                assertThat(s.camera()).as("camera footprint from the KLV streamer").isNotNull();
            });
            // once the camera settled on the target, every sample carries its frame centre
            assertThat(onScene.subList(onScene.size() / 2, onScene.size()))
                    .allSatisfy(s -> assertThat(s.camera().frameCentre()).isNotNull());
            assertThat(back).isNotEmpty().allSatisfy(s -> assertThat(s.eta().target())
                    .isEqualTo(TelemetrySample.EtaTarget.HOME));
            assertThat(back.get(0).eta().seconds()).isGreaterThan(back.get(back.size() - 1).eta().seconds() + 10);
            // the sample streamed last says where the drone ended: at home, on the ground
            TelemetrySample last = got.get(got.size() - 1);
            assertThat(last.position().altitudeRelM()).isLessThan(1.0);
            assertThat(last.eta()).isNull();
            assertThat(phases).contains(FlightPhase.DONE);
        }
    }

    @Test
    void aSlowSinkNeverDelaysTheFlightAndCountsWhatItDropped() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        ExecutorService slowThread = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults());
             TelemetryStream stream = new TelemetryStream(h.scheduler)) {
            List<TelemetrySample> fast = new ArrayList<>();
            stream.subscribe("fast", fast::add, 10, h.scheduler.callbackExecutor(), 8);
            List<TelemetrySample> slow = new ArrayList<>();
            TelemetryStream.Subscription stuck = stream.subscribe("stuck", s -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slow.add(s);
            }, 10, slowThread, 4);
            FlightTelemetryFeed.attach(h.companion, stream);
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("TEL-2", PLACE_DES_VOSGES).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            h.advance(Duration.ofSeconds(1));
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            DroppingDispatcher.Stats st = stuck.stats();
            assertThat(st.delivered()).isZero();
            assertThat(st.queued()).isEqualTo(4);
            assertThat(st.dropped()).isEqualTo(st.offered() - 4 - 1); // one taken by the blocked delivery
            assertThat(st.dropped()).isGreaterThan(100);
            assertThat(fast.get(fast.size() - 1).flightPhase()).isEqualTo("DONE");
            release.countDown();
        } finally {
            release.countDown();
            slowThread.shutdown();
            assertThat(slowThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static double plannedDurationS(List<TrackPoint> route) {
        return route.get(route.size() - 1).timeS() - route.get(0).timeS();
    }
}
