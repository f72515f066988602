package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.TcpServerTransport;
import org.vigie.link.transport.TransportOptions;
import org.vigie.mission.FlightReport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

class CompanionMainTest {

    @Test
    void telemetryUdpTargetIsHostColonPort() {
        InetSocketAddress a = CompanionMain.parseHostPort("127.0.0.1:14600");
        assertThat(a.getPort()).isEqualTo(14600);
        assertThat(a.getAddress().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> CompanionMain.parseHostPort("127.0.0.1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> CompanionMain.parseHostPort("127.0.0.1:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CompanionMain.parseHostPort("127.0.0.1:70000")).hasMessageContaining("70000");
    }

    @Test
    void aBadTelemetryTargetRefusesToStartWithASentence() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CompanionMain.run(new String[] {"udpin://0.0.0.0:14550", "district.geojson", "--telemetry-udp",
                "localhost:0"}, new BufferedReader(new StringReader("")), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("telemetry UDP port must be 1..65535, was 0")
                .contains("--telemetry-udp");
    }

    private static final Path ARSENAL = Path.of("..", "data", "districts", "arsenal.geojson");

    /** Runs the launcher; returns the exit code with standard output and error. */
    private record Run(int code, String out, String err) {}

    private static Run launch(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CompanionMain.run(args, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOptionAndTheExitCodes() {
        Run r = launch("", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--target", "--alert-id", "--out", "--on-scene", "--preflight-timeout",
                "--requester", "--origin", "--speedup", "--telemetry-udp", "Exit status: 0", "report.json only");
    }

    @Test
    void everyBadOptionIsNamedWithWhatWasExpected() {
        Run r = launch("", "udpin://127.0.0.1:0", ARSENAL.toString(), "--on-scene", "abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--on-scene (seconds) must be a whole number 1..3600, was 'abc'");
        r = launch("", "udpin://127.0.0.1:0", ARSENAL.toString(), "--speedup", "0.5");
        assertThat(r.err()).contains("--speedup must be a number from 1 to 1000, was '0.5'");
        r = launch("", "udpin://127.0.0.1:0", ARSENAL.toString(), "--alert-id", "a/b");
        assertThat(r.err()).contains("--alert-id must be 1..40 letters");
        r = launch("", "udpin://127.0.0.1:0", ARSENAL.toString(), "--frobnicate", "1");
        assertThat(r.err()).contains("unknown option --frobnicate (--help lists the options)");
        r = launch("", "udpin://127.0.0.1:0", ARSENAL.toString(), "--out");
        assertThat(r.err()).contains("option --out needs a value");
        r = launch("", "udpin://127.0.0.1:0");
        assertThat(r.err()).contains("give the autopilot's connection and the district file");
    }

    @Test
    void districtFileProblemsAreSaidPlainly(@TempDir Path dir) throws Exception {
        Run r = launch("", "udpin://127.0.0.1:0", dir.resolve("nope.geojson").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("it does not exist (looked for ", "Samples are in data/districts/");
        r = launch("", "udpin://127.0.0.1:0", dir.toString());
        assertThat(r.err()).contains("it is a folder, not a file");
        r = launch("", "udpin://127.0.0.1:0", Path.of("..", "data", "paris-quartiers.geojson").toString());
        assertThat(r.err()).contains("this is the Paris quartiers data", "DistrictMain");
        Path broken = dir.resolve("broken.geojson");
        Files.writeString(broken, "{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": }]}");
        r = launch("", "udpin://127.0.0.1:0", broken.toString());
        assertThat(r.err()).contains("is invalid", "line 2");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(broken);
        }
    }

    @Test
    void anEmptyStandardInputSaysThatNoTargetCame(@TempDir Path dir) {
        Run r = launch("", "udpin://127.0.0.1:0", ARSENAL.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No target: standard input ended before any line", "--target lat,lon");
        // the companion attached and commanded the autopilot (streams, readiness): that is in the trail, no dispatch is
        Path trail = dir.resolve("out").resolve("accountability.jsonl");
        assertThat(trail).exists();
        assertThat(trail).content().doesNotContain("\"type\":\"dispatch.");
    }

    @Test
    void targetsNameBothBadCoordinatesAndRecogniseASwap() throws Exception {
        RealtimeScheduler s = new RealtimeScheduler("t", 1, Clock.systemUTC());
        try (s) {
            assertThatThrownBy(() -> CompanionMain.parseTarget("91,200", 1, s, Duration.ofSeconds(60), "op", "here",
                    null)).hasMessage("latitude 91 is not within -90..90 and longitude 200 is not within -180..180");
            DispatchRequest named = CompanionMain.parseTarget("48.8556,2.3654", 2, s, Duration.ofSeconds(60), "op",
                    "here", "PARIS-1");
            assertThat(named.alertId()).isEqualTo("PARIS-1-2");
        }
        District d = CompanionMain.readDistrict(ARSENAL);
        assertThat(SwapHint.of(d, 48.8556, 2.3654)).isEmpty();
        assertThat(SwapHint.of(d, 2.3654, 48.8556)).get().asString().contains("give latitude first: 48.8556,2.3654");
        String text = Files.readString(ARSENAL).replaceAll("\\[(-?[0-9.]+),(-?[0-9.]+)", "[$2,$1");
        District swapped = org.vigie.geofence.io.GeoJsonDistricts.read(text);
        assertThat(SwapHint.of(swapped, 48.8556, 2.3654)).get().asString()
                .contains("or in the district file (GeoJSON positions are [longitude, latitude]");
    }

    @Test
    void aRefusedDispatchLeavesItsReportAndNothingElse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("flight.klv"), "");
        Files.writeString(dir.resolve("telemetry.jsonl"), "{\"phase\":\"PREFLIGHT\"}\n");
        FlightReport r = new FlightReport("A-1", "op", "console", "why", 48.8, 2.3, FlightOutcome.REFUSED,
                FlightPhase.ABORTED, "home lies outside the district", Instant.EPOCH, Instant.EPOCH,
                new java.util.LinkedHashMap<>(), List.of(), List.of(), 0, 0, 0, Double.NaN, List.of(), 0);
        CompanionMain.writeOutputs(dir, CompanionMain.readDistrict(ARSENAL), r);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.json");
        }
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"outcome\":\"REFUSED\"",
                "home lies outside the district");
    }

    @Test
    void aSimulatorAtTenTimesRealTimeIsRefusedByACompanionAtOne() throws Exception {
        District d = CompanionMain.readDistrict(ARSENAL);
        try (RealtimeScheduler simClock = new RealtimeScheduler("sim-10x", 10, Clock.systemUTC());
             TcpServerTransport tcp = new TcpServerTransport(new java.net.InetSocketAddress("127.0.0.1", 0),
                     TransportOptions.defaults());
             SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().home(d.home().latDeg(),
                     d.home().lonDeg(), 35).build(), simClock, tcp)) {
            sim.start();
            long t0 = System.nanoTime();
            Run r = launch("48.8556,2.3654\n", "tcpout://127.0.0.1:" + tcp.localAddress().getPort(),
                    ARSENAL.toString(), "--out", Files.createTempDirectory("vigie-rate").toString());
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("Refusing to fly: the autopilot's clock runs", "start the companion with"
                    + " --speedup 10");
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds to refuse").isLessThan(15);
        }
    }
}
