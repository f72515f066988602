package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.GeoJsonDistricts;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PrivacyZone;
import org.vigie.mission.FlightReport;

/**
 * Every district file in {@code data/districts/} is accepted by every tool: the reader, the launcher's reader, a
 * complete flight against the simulator, and the flight's own {@code flight.geojson} read back as the district.
 */
class SampleDistrictsTest {

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "data", "districts"))) {
            return s.filter(p -> p.toString().endsWith(".geojson")).sorted().toList();
        }
    }

    @Test
    void theRepositoryHoldsSeveralSamples() throws IOException {
        assertThat(samples()).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleFliesAndItsFlightFileReadsBackAsTheDistrict(Path file, @TempDir Path out) throws Exception {
        District d = CompanionMain.readDistrict(file);
        assertThat(d.exclusions()).as("exclusion zones").isNotEmpty();
        assertThat(d.privacyZones()).as("privacy zones").isNotEmpty();
        PrivacyZone p = d.privacyZones().get(0);
        double lat = p.ring().stream().mapToDouble(GeoPoint::latDeg).average().orElseThrow();
        double lon = p.ring().stream().mapToDouble(GeoPoint::lonDeg).average().orElseThrow();
        FlightReport r = QuickStart.fly(out, d, GeoPoint.of(lat, lon), p.name(), "SAMPLE-1");
        assertThat(r.outcome()).as(file + ": " + r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
        District back = GeoJsonDistricts.read(Files.readString(out.resolve("flight.geojson")));
        assertThat(back.name()).isEqualTo(d.name());
        assertThat(back.exclusions()).hasSameSizeAs(d.exclusions());
        assertThat(back.privacyZones()).hasSameSizeAs(d.privacyZones());
    }

    @Test
    void districtMainMakesTheSameFileAsTheSample(@TempDir Path dir) throws Exception {
        Path made = dir.resolve("nd.geojson");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DistrictMain.run(new String[] {"Notre-Dame", "--sector", "1", "--exclusions", "3", "--privacy",
            "1", "--seed", "7", "--out", made.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(made))
                .isEqualTo(Files.readString(Path.of("..", "data", "districts", "notre-dame-1.geojson")));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).as("no temporary file left").containsExactly(made);
        }
    }

    @Test
    void districtMainNamesWhatIsWrong() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream());
        assertThat(DistrictMain.run(new String[] {"Arsenal", "--sector", "4"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sector must be a whole number 1..3, was 4");
        err.reset();
        assertThat(DistrictMain.run(new String[] {"Atlantis"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no quartier named 'Atlantis'; known: ");
        err.reset();
        assertThat(DistrictMain.run(new String[] {}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name a Paris quartier");
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertThat(DistrictMain.run(new String[] {"--help"}, new PrintStream(help, true, StandardCharsets.UTF_8),
                e)).isZero();
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("--sector", "--exclusions", "--privacy",
                "Exit status");
    }
}
