package org.vigie.geofence.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.geofence.TestDistricts.HOME;
import static org.vigie.geofence.TestDistricts.enu;
import static org.vigie.geofence.TestDistricts.ring;
import static org.vigie.geofence.TestDistricts.square;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.DistrictLimits;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.InvalidDistrictException;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * District limits: every real quartier and sector loads from a district file at the default limits (Bel-Air and
 * Picpus were refused by the former 5 km extent), and each limit refuses with its name and the value, a huge file
 * before it is read whole.
 */
class DistrictLimitsTest {

    private static final String FILE_HEAD = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"role\":\"home\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.3522,48.8566]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\",\"name\":\"";

    @Test
    void everyBundledQuartierAndSectorLoadsFromADistrictFile() throws Exception {
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        int loaded = 0;
        for (ParisQuartiers.Quartier q : qs) {
            List<District> ds = new ArrayList<>();
            ds.add(District.builder(q.name()).home(ParisQuartiers.interiorHome(q.polygon())).inclusion(q.polygon())
                    .build());
            ds.addAll(ParisQuartiers.sectors(q));
            for (District d : ds) {
                District back = GeoJsonDistricts.read(GeoJsonDistricts.write(d));
                assertThat(back.inclusion().vertexCount()).as(d.name()).isEqualTo(d.inclusion().vertexCount());
                loaded++;
            }
        }
        assertThat(loaded).isEqualTo(80 + 240);
        District belAir = GeoJsonDistricts.read(GeoJsonDistricts.write(ParisQuartiers.district(
                ParisQuartiers.byName(qs, "Bel-Air"))));
        var env = belAir.geofence().inclusionEnu().getEnvelopeInternal();
        assertThat(env.getWidth()).as("Bel-Air, refused by the former 5 km limit").isGreaterThan(5000);
    }

    @Test
    void eachBuilderLimitNamesItselfAndTheValue() {
        DistrictLimits small = new DistrictLimits(5, 8, 1, 20_000, 10, 20);
        District.Builder ok = District.builder("Test").home(HOME).inclusion(square(500)).limits(small);
        assertThat(ok.build().limits()).isEqualTo(small);
        assertThatThrownBy(() -> District.builder("A district name").home(HOME).inclusion(square(500))
                .limits(small).build()).isInstanceOf(InvalidDistrictException.class).hasMessageContaining(
                "name has 15 characters, over the limit of 10 (DistrictLimits.maxNameLength)");
        assertThatThrownBy(() -> District.builder("Test").home(HOME).inclusion(GeoPolygon.of(ring(-500, -500,
                0, -600, 500, -500, 500, 500, 0, 600, -500, 500))).limits(small).build())
                .hasMessageContaining("ring has 6 vertices, over the limit of 5 per ring"
                        + " (DistrictLimits.maxVerticesPerRing)");
        assertThatThrownBy(() -> District.builder("Test").home(HOME).inclusion(square(500))
                .exclusion(new PolygonExclusion("block", "", ring(100, 100, 200, 100, 200, 200, 100, 200)))
                .exclusion(new CircleExclusion("cordon", "", enu(-200, -200), 30)).limits(small).build())
                .hasMessageContaining("2 zones (2 exclusion, 0 privacy), over the limit of 1 (DistrictLimits.maxZones)");
        assertThatThrownBy(() -> District.builder("Test").home(HOME).inclusion(square(500))
                .exclusion(new PolygonExclusion("block", "", ring(100, 100, 200, 100, 200, 200, 100, 200, 150, 250)))
                .limits(small).build())
                .hasMessageContaining("9 vertices in all (a circle counts 16), over the limit of 8 (DistrictLimits.maxVerticesTotal)");
        assertThatThrownBy(() -> District.builder("Test").home(HOME).inclusion(square(500))
                .exclusion(new CircleExclusion("cordon", "x".repeat(21), enu(-200, -200), 30)).limits(small)
                .build()).hasMessageContaining("reason has 21 characters, over the limit of 20"
                        + " (DistrictLimits.maxTextLength)");
        assertThatThrownBy(() -> District.builder("Test").home(HOME).inclusion(square(12_000)).build())
                .hasMessageContaining("district is 24000 m x 24000 m, over the extent limit of 20000 m across"
                        + " (DistrictLimits.maxExtentM)");
    }

    @Test
    void aMillionVertexFileIsRefusedFastBeforeItIsReadWhole(@TempDir Path dir) throws Exception {
        int n = 1_000_000;
        StringBuilder sb = new StringBuilder(FILE_HEAD).append("big\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[");
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            sb.append('[').append(2.3522 + 0.01 * Math.cos(t)).append(',').append(48.8566 + 0.01 * Math.sin(t))
                    .append("],");
        }
        sb.append("[2.3622,48.8566]]]}}]}");
        Path file = dir.resolve("big.geojson");
        Files.writeString(file, sb);
        sb.setLength(0);
        long fileChars = Files.size(file);
        try (CountingReader in = new CountingReader(Files.newBufferedReader(file))) {
            assertThatThrownBy(() -> GeoJsonDistricts.read(in, DistrictLimits.DEFAULT))
                    .isInstanceOf(InvalidDistrictException.class)
                    .hasMessageContaining("more than 5,000 positions by line 1")
                    .hasMessageContaining("over the limit of 5,000 vertices in all (DistrictLimits.maxVerticesTotal)");
            assertThat(in.charsRead).as("refused after reading a small part of the file, not the whole of it")
                    .isLessThan(fileChars / 20);
        }
    }

    @Test
    void aTenMillionCharacterNameIsRefusedWhereItIsNotReadWhole() {
        String file = FILE_HEAD + "x".repeat(10_000_000) + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[2.34,48.85],[2.36,48.85],[2.36,48.86],[2.34,48.85]]]}}]}";
        CountingReader in = new CountingReader(new StringReader(file));
        assertThatThrownBy(() -> GeoJsonDistricts.read(in, DistrictLimits.DEFAULT))
                .isInstanceOf(InvalidDistrictException.class)
                .hasMessageContaining("property 'name' at line 1")
                .hasMessageContaining("over the limit of 200 characters (DistrictLimits.maxNameLength)");
        assertThat(in.charsRead).as("the name is not read whole").isLessThan(file.length() / 2);
    }

    /** Counts the characters the reader under test pulled, to show where it stopped. */
    private static final class CountingReader extends java.io.FilterReader {
        long charsRead;

        CountingReader(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int c = super.read();
            if (c >= 0) {
                charsRead++;
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                charsRead += n;
            }
            return n;
        }
    }

    @Test
    void aFileCannotRaiseItsOwnExtentPastTheReadersLimit() {
        District d = District.builder("Test").home(HOME).inclusion(square(500)).build();
        String written = GeoJsonDistricts.write(d);
        String text = written.replaceFirst("\"max_extent_m\":[0-9.eE+]+", "\"max_extent_m\":1e9");
        assertThat(text).as("the written district states its extent limit").isNotEqualTo(written);
        assertThatThrownBy(() -> GeoJsonDistricts.read(text)).hasMessageContaining(
                "max_extent_m 1000000000 is over the limit of 20000 m across (DistrictLimits.maxExtentM)");
    }
}
