package org.vigie.mission.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.NamedValueFloat;
import io.dronefleet.mavlink.common.Statustext;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.link.time.ManualScheduler;
import org.vigie.mission.camera.GroundPoint;

class TelemetryStreamTest {

    final ManualScheduler scheduler = new ManualScheduler();
    final DroppingDispatcherTest.ManualExecutor executor = new DroppingDispatcherTest.ManualExecutor();

    static TelemetrySample sample(long t, String phase) {
        return new TelemetrySample(t, phase, new TelemetrySample.Position(48.8566, 2.3522, 95.5, 60.5),
                new TelemetrySample.Velocity(3, 4, -0.5), new TelemetrySample.Attitude(1.5, -2.25, 271),
                new TelemetrySample.Battery(15.2, 81), 97,
                new TelemetrySample.Eta(TelemetrySample.EtaTarget.SCENE, 42.5), null);
    }

    @Test
    void eachSubscriptionGetsItsOwnRateAndNoRepeats() {
        TelemetryStream stream = new TelemetryStream(scheduler);
        List<TelemetrySample> slow = new ArrayList<>();
        List<TelemetrySample> fast = new ArrayList<>();
        stream.subscribe("slow", slow::add, 1, executor, 16);
        stream.subscribe("fast", fast::add, 10, executor, 16);
        for (int i = 0; i < 40; i++) {
            stream.update(sample(i, "TRANSIT"));
            scheduler.advance(Duration.ofMillis(50));
            executor.runAll();
        }
        // one per period, plus the stream's first sample (the first of its phase is never skipped)
        assertThat(slow).hasSize(3);
        assertThat(slow.get(0).timeUtcMicros()).isZero();
        assertThat(fast).hasSizeBetween(20, 21);
        // updates stop: nothing new, nothing sent
        scheduler.advance(Duration.ofSeconds(2));
        executor.runAll();
        assertThat(slow).hasSize(3);
        assertThat(fast).hasSizeBetween(20, 21);
    }

    @Test
    void updatesFromAnotherThreadArePostedToTheEventThreadInOrder() throws Exception {
        TelemetryStream stream = new TelemetryStream(scheduler);
        List<TelemetrySample> got = new ArrayList<>();
        stream.subscribe("l", got::add, 10, executor, 16);
        scheduler.advance(Duration.ofMillis(100)); // this thread now drives the scheduler: others post
        Thread other = new Thread(() -> {
            stream.update(sample(1, "TAKEOFF"));
            stream.update(sample(2, "TRANSIT"));
        });
        other.start();
        other.join(10_000);
        assertThat(scheduler.queuedTasks()).as("two posted updates beside the rate task").isEqualTo(3);
        scheduler.advance(Duration.ofMillis(100));
        executor.runAll();
        assertThat(got).extracting(TelemetrySample::flightPhase).containsExactly("TAKEOFF", "TRANSIT");
    }

    @Test
    void theFirstSampleOfEveryPhaseReachesEvenASlowSubscriberInOrder() {
        TelemetryStream stream = new TelemetryStream(scheduler);
        stream.update(sample(0, "PREFLIGHT")); // before subscribing: not replayed
        List<TelemetrySample> slow = new ArrayList<>();
        stream.subscribe("slow", slow::add, 1, executor, 16);
        String[] phases = {"UPLOAD", "ARM", "ARM", "TAKEOFF", "TAKEOFF", "TRANSIT", "TRANSIT"};
        for (int i = 0; i < phases.length; i++) {
            stream.update(sample(i + 1, phases[i]));
        }
        scheduler.advance(Duration.ofSeconds(1));
        executor.runAll();
        assertThat(slow).extracting(TelemetrySample::timeUtcMicros).containsExactly(1L, 2L, 4L, 6L, 7L);
        assertThat(slow).extracting(TelemetrySample::flightPhase)
                .containsExactly("UPLOAD", "ARM", "TAKEOFF", "TRANSIT", "TRANSIT");
        scheduler.advance(Duration.ofSeconds(1));
        executor.runAll();
        assertThat(slow).hasSize(5);
    }

    @Test
    void aConsumerThatNeverRunsOnlyDropsItsOwnOldestSamples() {
        TelemetryStream stream = new TelemetryStream(scheduler);
        DroppingDispatcherTest.ManualExecutor stuck = new DroppingDispatcherTest.ManualExecutor();
        List<TelemetrySample> ok = new ArrayList<>();
        TelemetryStream.Subscription blocked = stream.subscribe("stuck", s -> { }, 10, stuck, 5);
        stream.subscribe("ok", ok::add, 10, executor, 5);
        for (int i = 0; i < 100; i++) {
            stream.update(sample(i, "ON_SCENE"));
            scheduler.advance(Duration.ofMillis(100));
            executor.runAll();
        }
        assertThat(ok).hasSize(100);
        assertThat(blocked.stats().queued()).isEqualTo(5);
        assertThat(blocked.stats().dropped()).isEqualTo(95);
        stuck.runAll();
        assertThat(blocked.stats().delivered()).isEqualTo(5);
    }

    @Test
    void cameraViewIsMergedIntoSamples() {
        TelemetryStream stream = new TelemetryStream(scheduler);
        List<TelemetrySample> got = new ArrayList<>();
        stream.subscribe("l", got::add, 10, executor, 4);
        stream.update(sample(1, "ON_SCENE"));
        stream.updateCameraView(new CameraView(new GroundPoint(48.857, 2.353, 35), List.of(), true, List.of("école")));
        scheduler.advance(Duration.ofMillis(100));
        executor.runAll();
        assertThat(got).hasSize(1);
        assertThat(got.get(0).camera().overPrivacyZone()).isTrue();
    }

    @Test
    void jsonIsStableAndEscaped() {
        TelemetrySample s = sample(1_700_000_000_000_000L, "ON \"SCENE\"").withCamera(new CameraView(
                new GroundPoint(48.857, 2.353, 35), List.of(new GroundPoint(1, 2, 3), new GroundPoint(4, 5, 6),
                        new GroundPoint(7, 8, 9), new GroundPoint(10, 11, 12)), true, List.of("école\n")));
        assertThat(TelemetryJson.toJson(s)).isEqualTo("{\"t_us\":1700000000000000,\"phase\":\"ON \\\"SCENE\\\"\","
                + "\"pos\":{\"lat\":48.8566000,\"lon\":2.3522000,\"alt_amsl_m\":95.50,\"alt_rel_m\":60.50},"
                + "\"vel\":{\"n_mps\":3.00,\"e_mps\":4.00,\"d_mps\":-0.50},"
                + "\"att\":{\"roll_deg\":1.50,\"pitch_deg\":-2.25,\"yaw_deg\":271.00},"
                + "\"battery\":{\"v\":15.20,\"pct\":81.0},\"link_pct\":97.0,\"eta\":{\"to\":\"SCENE\",\"s\":42.5},"
                + "\"camera\":{\"centre\":[48.8570000,2.3530000,35.0],\"corners\":[[1.0000000,2.0000000],"
                + "[4.0000000,5.0000000],[7.0000000,8.0000000],[10.0000000,11.0000000]],\"privacy\":true,"
                + "\"zones\":[\"école\\n\"]}}");
        TelemetrySample unknown = new TelemetrySample(5, "PREFLIGHT", null, null, null,
                new TelemetrySample.Battery(Double.NaN, Double.NaN), Double.NaN, null, null);
        assertThat(TelemetryJson.toJson(unknown)).isEqualTo("{\"t_us\":5,\"phase\":\"PREFLIGHT\",\"pos\":null,"
                + "\"vel\":null,\"att\":null,\"battery\":{\"v\":null,\"pct\":null},\"link_pct\":null,\"eta\":null,"
                + "\"camera\":null}");
    }

    @Test
    void jsonLinesFileHasOneLinePerSample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("telemetry.jsonl");
        TelemetryStream stream = new TelemetryStream(scheduler);
        stream.subscribe("file", new JsonLinesFileSink(file), 5, executor, 8);
        for (int i = 0; i < 10; i++) {
            stream.update(sample(i, "TRANSIT"));
            scheduler.advance(Duration.ofMillis(200));
            executor.runAll();
        }
        stream.close();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(lines.get(i)).startsWith("{\"t_us\":" + i + ",").endsWith("}");
        }
    }

    @Test
    void jsonLinesOverUdp() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(5000);
            TelemetryStream stream = new TelemetryStream(scheduler);
            JsonLinesUdpSink udp = new JsonLinesUdpSink(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.getLocalPort()));
            stream.subscribe("udp", udp, 2, executor, 8);
            stream.update(sample(7, "RETURN"));
            scheduler.advance(Duration.ofMillis(500));
            executor.runAll();
            DatagramPacket d = new DatagramPacket(new byte[4096], 4096);
            receiver.receive(d);
            String line = new String(d.getData(), 0, d.getLength(), StandardCharsets.UTF_8);
            assertThat(line).isEqualTo(TelemetryJson.toJson(sample(7, "RETURN")) + "\n");
            stream.close();
        }
    }

    @Test
    void mavlinkSinkAnnouncesPhaseChangesOnceAndSendsNamedValues() {
        List<Object> sent = new ArrayList<>();
        MavlinkTelemetrySink sink = new MavlinkTelemetrySink(sent::add, scheduler::nanoTime);
        sink.accept(sample(1, "TRANSIT"));
        sink.accept(sample(2, "TRANSIT"));
        sink.accept(sample(3, "ON_SCENE").withCamera(new CameraView(null, List.of(), true, List.of("z"))));
        List<String> texts = sent.stream().filter(Statustext.class::isInstance).map(o -> ((Statustext) o).text())
                .toList();
        assertThat(texts).containsExactly("Vigie phase: TRANSIT", "Vigie phase: ON_SCENE");
        assertThat(sent.stream().filter(NamedValueFloat.class::isInstance).map(o -> ((NamedValueFloat) o).name()))
                .containsExactly("VG_ETA_S", "VG_LINK", "VG_ETA_S", "VG_LINK", "VG_ETA_S", "VG_PRIV", "VG_LINK");
    }
}
