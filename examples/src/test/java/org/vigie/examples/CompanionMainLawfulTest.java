package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.geofence.zone.District;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.TcpServerTransport;
import org.vigie.link.transport.TransportOptions;
import org.vigie.sim.RemoteIdModule;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/**
 * The launcher's lawful-flight options against the embedded simulator (at 20x or 10x, the launcher too): zones and
 * authorisations refuse with the reason, Remote ID required by the autopilot, retention at start.
 */
class CompanionMainLawfulTest {

    private static final Path ARSENAL = Path.of("..", "data", "districts", "arsenal.geojson");
    private static final String SPEEDUP = "20";
    /** Flights at 10x: a stalled thread on a loaded machine weighs half as much in simulated time. */
    private static final String FLYING_SPEEDUP = "10";
    /** About 110 m north of the Arsenal home: a short flight. */
    private static final String NEAR_TARGET = "48.8525,2.3643";

    private record Run(int code, String out, String err) {}

    private static Run launch(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CompanionMain.run(args, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A simulator at 20x on a free loopback port, Remote ID enforced or not. */
    private record Sim(RealtimeScheduler clock, TcpServerTransport tcp, SimVehicle vehicle) implements AutoCloseable {
        static Sim start(boolean remoteIdRequired, String speedUp) throws Exception {
            District d = CompanionMain.readDistrict(ARSENAL);
            RealtimeScheduler clock = new RealtimeScheduler("sim", Double.parseDouble(speedUp), Clock.systemUTC());
            TcpServerTransport tcp = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0),
                    TransportOptions.defaults());
            SimVehicle v = new SimVehicle(SimConfig.builder().fastBoot().home(d.home().latDeg(), d.home().lonDeg(), 35)
                    .build(), clock, tcp);
            if (remoteIdRequired) {
                v.withRemoteId(RemoteIdModule.enforcing());
            }
            v.start();
            return new Sim(clock, tcp, v);
        }

        String connection() {
            return "tcpout://127.0.0.1:" + tcp.localAddress().getPort();
        }

        @Override
        public void close() throws Exception {
            vehicle.close();
            tcp.close();
            clock.close();
        }
    }

    @Test
    void helpListsTheLawfulOptions() {
        Run r = launch("", "--help");
        assertThat(r.out()).contains("--zones FILE", "--waive", "--authorisations FILE", "--authorisation ID",
                "auth=ID", "--home-amsl", "--operator-id", "--self-id", "--operator-location", "--minimisation",
                "--klv-tags", "--retention-days", "--evidence-holds", "--hold", "docs/lawful-flight.md");
    }

    @Test
    void everyBadLawfulOptionIsNamed(@TempDir Path dir) throws Exception {
        String c = "udpin://127.0.0.1:0";
        String a = ARSENAL.toString();
        assertThat(launch("", c, a, "--klv-tags", "5,x,200").err())
                .contains("--klv-tags must be 'city', 'all' or ST 0601 tag numbers 2..142", "'x', '200'");
        assertThat(launch("", c, a, "--retention-days", "0").err())
                .contains("--retention-days (days) must be a whole number 1..366, was 0");
        assertThat(launch("", c, a, "--authorisation", "PP-1").err())
                .contains("--authorisation PP-1 needs --authorisations FILE");
        assertThat(launch("", c, a, "--operator-id", "FRAx7k2m9q4w1z8r").err())
                .contains("--operator-id needs --self-id too");
        assertThat(launch("", c, a, "--operator-id", "FRA", "--self-id", "Police municipale de Paris 4e").err())
                .contains("--self-id: ", "more than the 23");
        assertThat(launch("", c, a, "--operator-id", "FRA", "--self-id", "P", "--operator-location", "2.3").err())
                .contains("--operator-location must be LAT,LON");
        assertThat(launch("", c, a, "--hold", "A-1").err()).contains("--hold must be ALERT_ID=REASON");
        assertThat(launch("", c, a, "--hold", "a/b=court").err()).contains("--hold must be 1..40 letters");
        Run samples = launch("", c, a, "--zones", Path.of("..", "data", "ed269", "paris-arsenal-sample.json")
                .toString(), "--authorisations", Path.of("..", "data", "districts", "arsenal-authorisations.json")
                .toString(), "--authorisation", "PP-2026-0412", "--out", dir.resolve("samples").toString());
        assertThat(samples.err()).as("the sample files are read").contains("No target").doesNotContain("Refusing");
        assertThat(launch("", c, a, "--authorisations", Path.of("..", "data", "districts",
                "arsenal-authorisations.json").toString(), "--authorisation", "PP-9").err())
                .contains("--authorisation PP-9 is not in ");
        Run r = launch("", c, a, "--zones", dir.resolve("none.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Refusing to fly: --zones ", "does not exist");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, zones("LFBAD", 48.85, 2.36, 50, Instant.now(), Instant.now().plusSeconds(60))
                .replace("\"upperLimit\": 120", "\"upperLimit\": -5"));
        r = launch("", c, a, "--zones", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Refusing to fly: --zones " + bad, "LFBAD");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anExpiredAuthorisationAndAZoneOverHomeAreRefusedWithTheirReasonsAfterRetention(@TempDir Path dir)
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path auth = dir.resolve("auth.json");
        Files.writeString(auth, "{\"required\": true, \"authorisations\": ["
                + authorisation("PP-OLD", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))) + ", "
                + authorisation("PP-NOW", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))) + "]}");
        District d = CompanionMain.readDistrict(ARSENAL);
        Path zones = dir.resolve("zones.json");
        Files.writeString(zones, zones("LFHOME", d.home().latDeg(), d.home().lonDeg(), 60, now.plusSeconds(180),
                now.plus(Duration.ofHours(3))));
        Path out = dir.resolve("out");
        Path old = Files.createDirectories(out.resolve("OLD-1")).resolve("flight.klv");
        Path held = Files.createDirectories(out.resolve("HELD-1")).resolve("flight.klv");
        for (Path p : new Path[] {old, held}) {
            Files.writeString(p, "klv");
            Files.setLastModifiedTime(p, FileTime.from(now.minus(Duration.ofDays(10))));
        }
        try (Sim sim = Sim.start(false, SPEEDUP)) {
            Run r = launch("48.8556,2.3654,fight reported,auth=PP-OLD\n48.8556,2.3654\n", sim.connection(),
                    ARSENAL.toString(), "--speedup", SPEEDUP, "--out", out.toString(), "--alert-id", "LAW-1",
                    "--authorisations", auth.toString(), "--authorisation", "PP-NOW", "--zones", zones.toString(),
                    "--retention-days", "7", "--hold", "HELD-1=procédure 2026-118");
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("Retention (KLV 7 d, telemetry 7 d, tracks 7 d): 1 output(s) deleted,"
                    + " 1 kept as evidence");
            assertThat(r.err()).contains("LAW-1: REFUSED: authorisation 'PP-OLD' (Préfecture de police) expired at "
                    + now.minus(Duration.ofDays(1)), "LAW-1-2: REFUSED: ", "ED-269 zone LFHOME", "Nothing was flown");
            assertThat(sim.vehicle().armed()).isFalse();
        }
        assertThat(old).doesNotExist();
        assertThat(out.resolve("OLD-1")).doesNotExist();
        assertThat(held).exists();
        assertThat(Files.readString(out.resolve(LawfulSetup.RETENTION_LOG))).contains("\"alertId\":\"OLD-1\"",
                "\"event\":\"DELETED\"", "\"kind\":\"KLV\"");
        assertThat(Files.readString(out.resolve(LawfulSetup.DEFAULT_HOLDS))).contains("HELD-1\tprocédure 2026-118");
        assertThat(Files.readString(out.resolve("accountability.jsonl"))).contains("PP-OLD", "expired",
                "ED-269 zone LFHOME");
        assertThat(Files.readString(out.resolve("LAW-1-2").resolve("report.json"))).contains("LFHOME");
    }

    @Test
    void anAutopilotRequiringRemoteIdIsFlownOnlyWithTheOperatorsDataAroundAZoneActivatingInFlight(@TempDir Path dir)
            throws Exception {
        try (Sim sim = Sim.start(true, FLYING_SPEEDUP)) {
            Run without = launch(NEAR_TARGET + "\n", sim.connection(), ARSENAL.toString(), "--speedup",
                    FLYING_SPEEDUP,
                    "--out", dir.resolve("without").toString(), "--alert-id", "RID-0", "--on-scene", "1");
            assertThat(without.code()).as(without.err()).isEqualTo(1);
            assertThat(without.err()).contains("The autopilot refused to arm for Remote ID (OpenDroneID",
                    "--operator-id", "--self-id");
            assertThat(sim.vehicle().armed()).isFalse();

            Path zones = dir.resolve("zones.json");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Files.writeString(zones, zones("LFSCEN", 48.8525, 2.3643, 30, now.plusSeconds(60),
                    now.plus(Duration.ofHours(3))));
            Run with = launch(NEAR_TARGET + "\n", sim.connection(), ARSENAL.toString(), "--speedup",
                    FLYING_SPEEDUP,
                    "--out", dir.resolve("with").toString(), "--alert-id", "RID-1", "--on-scene", "1",
                    "--operator-id", "FRAx7k2m9q4w1z8r", "--self-id", "Police municipale Paris", "--klv-tags", "city",
                    "--zones", zones.toString());
            assertThat(with.code()).as(with.out() + with.err()).isZero();
            assertThat(with.out()).contains("Remote ID: operator FRAx7k2m9q4w1z8r, self-ID 'Police municipale Paris'",
                    "RID-1: lawful: ", "zone LFSCEN 'Cordon'", "RID-1: COMPLETED");
            byte[] klv = Files.readAllBytes(dir.resolve("with").resolve("RID-1").resolve("flight.klv"));
            assertThat(klv).isNotEmpty();
            assertThat(new String(klv, StandardCharsets.ISO_8859_1)).as("tag 3, Mission ID, is not sent")
                    .doesNotContain("RID-1");
        }
    }

    private static String authorisation(String id, Instant from, Instant until) {
        return "{\"id\": \"" + id + "\", \"district\": \"Arsenal\", \"issuer\": \"Préfecture de police\","
                + " \"purpose\": \"test\", \"validFrom\": \"" + from + "\", \"validUntil\": \"" + until + "\","
                + " \"area\": {\"type\": \"Polygon\", \"coordinates\": [[[2.3595, 48.8455], [2.3695, 48.8455],"
                + " [2.3695, 48.8570], [2.3595, 48.8570], [2.3595, 48.8455]]]}}";
    }

    private static String zones(String id, double latDeg, double lonDeg, double radiusM, Instant from,
                                Instant until) {
        return "[{\"identifier\": \"" + id + "\", \"country\": \"FRA\", \"name\": \"Cordon\","
                + " \"restriction\": \"PROHIBITED\", \"applicability\": [{\"permanent\": \"NO\", \"startDateTime\": \""
                + from + "\", \"endDateTime\": \"" + until + "\"}], \"geometry\": [{\"uomDimensions\": \"M\","
                + " \"lowerVerticalReference\": \"AGL\", \"upperLimit\": 120, \"upperVerticalReference\": \"AGL\","
                + " \"horizontalProjection\": {\"type\": \"Circle\", \"center\": [" + lonDeg + ", " + latDeg
                + "], \"radius\": " + radiusM + "}}]}]";
    }
}
