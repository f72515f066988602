package org.vigie.geofence.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.geofence.TestDistricts.HOME;
import static org.vigie.geofence.TestDistricts.square;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.zone.District;

/** Malformed files name the line and column of the fault; well-formed ones read back exactly. */
class JsonTest {

    private static final String DISTRICT = String.join("\n",
            "{\"type\": \"FeatureCollection\", \"features\": [",
            "  {\"type\": \"Feature\", \"properties\": {\"role\": \"home\"},",
            "   \"geometry\": {\"type\": \"Point\", \"coordinates\": [2.35, 48.85]}},",
            "  {\"type\": \"Feature\", \"properties\": {\"role\": \"inclusion\"},",
            "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[2.34, 48.84], [2.36, 48.84], [2.36, 48.86],",
            "      [2.34, 48.86], [2.34, 48.84]]]}}",
            "]}");

    @Test
    void aWellFormedDistrictFileReads() {
        assertThat(GeoJsonDistricts.read(DISTRICT).inclusion().shell()).hasSize(4);
    }

    @Test
    void aTrailingCommaInAFileNamesItsLineAndColumn() {
        String bad = DISTRICT.replace("[2.34, 48.84]]]}}", "[2.34, 48.84],]]}}");
        int column = line(bad, 6).indexOf(",]") + 2;
        assertThatThrownBy(() -> GeoJsonDistricts.read(bad)).isInstanceOf(JsonException.class)
                .hasMessageStartingWith("JSON syntax error at line 6, column " + column + ": ")
                .hasMessageContaining("']'");
    }

    @Test
    void aMissingColonNamesItsLineAndColumn() {
        String bad = DISTRICT.replace("\"role\": \"inclusion\"", "\"role\" \"inclusion\"");
        int column = line(bad, 4).indexOf("\"inclusion\"") + 1;
        assertThatThrownBy(() -> GeoJsonDistricts.read(bad))
                .hasMessageStartingWith("JSON syntax error at line 4, column " + column + ": ")
                .hasMessageContaining("colon");
    }

    @Test
    void aTruncatedFileNamesWhereItEnds() {
        String bad = DISTRICT.substring(0, DISTRICT.indexOf("[2.36, 48.86],"));
        int column = line(bad, 5).length() + 1;
        assertThatThrownBy(() -> GeoJsonDistricts.read(bad)).isInstanceOf(JsonException.class)
                .hasMessageStartingWith("JSON syntax error at line 5, column " + column + ": ")
                .hasMessageContaining("end-of-input");
    }

    @Test
    void aDuplicateKeyNamesTheSecondKey() {
        String bad = DISTRICT.replace("{\"role\": \"home\"}", "{\"role\": \"home\",\n \"role\": \"home\"}");
        assertThatThrownBy(() -> GeoJsonDistricts.read(bad))
                .hasMessage("JSON syntax error at line 3, column 2: duplicate key \"role\"");
    }

    @Test
    void aControlCharacterInAStringIsRejectedWhereItIs() {
        assertThatThrownBy(() -> Json.parse("{\n\"name\": \"a\tb\"}"))
                .hasMessageStartingWith("JSON syntax error at line 2, column 11: ").hasMessageContaining("code 9");
    }

    @Test
    void trailingGarbageAndEmptyInputAreLocated() {
        assertThatThrownBy(() -> Json.parse("[1]\n  x")).hasMessage(
                "JSON syntax error at line 2, column 3: unexpected trailing characters");
        assertThatThrownBy(() -> Json.parse("{} {}")).hasMessage(
                "JSON syntax error at line 1, column 4: unexpected trailing characters");
        assertThatThrownBy(() -> Json.parse("  ")).hasMessage(
                "JSON syntax error at line 1, column 3: unexpected end of input");
    }

    @Test
    void aPlanFileWithABadValueNamesItsLine() {
        String plan = QgcPlanFence.write(QgcPlanFence.fromDistrict(District.builder("Q").home(HOME)
                .inclusion(square(500)).build()));
        String bad = plan.replace("\"groundStation\": \"QGroundControl\"", "\"groundStation\": QGroundControl");
        int line = (int) plan.substring(0, plan.indexOf("\"groundStation\"")).chars().filter(c -> c == '\n').count()
                + 1;
        assertThatThrownBy(() -> QgcPlanFence.read(bad)).isInstanceOf(JsonException.class)
                .hasMessageStartingWith("JSON syntax error at line " + line + ", column ");
    }

    @Test
    void nestingIsBoundedAt256() {
        String deep = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(deep)).isInstanceOf(List.class);
        String deeper = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deeper)).isInstanceOf(JsonException.class)
                .hasMessageStartingWith("JSON syntax error at line 1, column ").hasMessageContaining("257");
    }

    @Test
    void numbersReadAsTheirDecimalText() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\":-0,\"i\":12345678901234567890,\"f\":0.1,\"e\":1E-7}");
        assertThat((Double) m.get("z")).isEqualTo(-0.0).matches(d -> 1 / d < 0);
        assertThat(m.get("i")).isEqualTo(1.2345678901234567e19);
        assertThat(m.get("f")).isEqualTo(0.1);
        assertThat(m.get("e")).isEqualTo(1e-7);
    }

    @Test
    void aWrittenDistrictHasOneFeaturePerLine() {
        District d = District.builder("Q").home(HOME).inclusion(square(500)).build();
        String text = GeoJsonDistricts.write(d);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[");
        assertThat(lines.get(1)).startsWith("{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\",\"name\":\"Q\",")
                .endsWith("]]}},");
        assertThat(lines.get(2)).startsWith("{\"type\":\"Feature\",\"properties\":{\"role\":\"home\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[").endsWith("]}}");
        assertThat(lines.get(3)).isEqualTo("]}");
        assertThat(text).endsWith("]}\n");
    }

    /** The text of a 1-based line. */
    private static String line(String text, int line) {
        return text.lines().skip(line - 1).findFirst().orElseThrow();
    }
}
