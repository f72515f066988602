package org.vigie.geofence.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Vigie reads JSON: document size, string, name and number lengths, each at the limit and just over. */
class JsonLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentOfTheLimitIsReadAndOneCharacterMoreIsRefusedNamingTheLimit() {
        String at = "\"" + "a".repeat(Json.MAX_STRING_CHARS) + "\"" + " ".repeat(Json.MAX_DOCUMENT_CHARS
                - Json.MAX_STRING_CHARS - 2);
        assertThat(at).hasSize(Json.MAX_DOCUMENT_CHARS);
        assertThat((String) Json.parse(at)).hasSize(Json.MAX_STRING_CHARS);
        assertThatThrownBy(() -> Json.parse(at + " ")).isInstanceOf(JsonException.class)
                .hasMessageContaining(Json.MAX_DOCUMENT_CHARS + 1 + " characters")
                .hasMessageContaining("limit of " + Json.MAX_DOCUMENT_CHARS);
    }

    @Test
    void stringsNamesAndNumbersHaveTheirLimits() {
        assertThatThrownBy(() -> Json.parse("\"" + "a".repeat(Json.MAX_STRING_CHARS + 1) + "\""))
                .isInstanceOf(JsonException.class).hasMessageContaining("String value length")
                .hasMessageContaining(String.valueOf(Json.MAX_STRING_CHARS));
        String name = "n".repeat(Json.MAX_NAME_CHARS);
        assertThat(Json.parse("{\"" + name + "\":1}")).isEqualTo(Map.of(name, 1.0));
        assertThatThrownBy(() -> Json.parse("{\"" + name + "n\":1}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("Name length").hasMessageContaining(String.valueOf(Json.MAX_NAME_CHARS));
        String digits = "1".repeat(Json.MAX_NUMBER_CHARS);
        assertThat(Json.parse("[" + digits + "]")).isEqualTo(List.of(Double.valueOf(digits)));
        assertThatThrownBy(() -> Json.parse("[" + digits + "1]")).isInstanceOf(JsonException.class)
                .hasMessageContaining("Number value length")
                .hasMessageContaining(String.valueOf(Json.MAX_NUMBER_CHARS));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"a\":[1,2]}");
        assertThat(Json.parse(Json.readFile(ok))).isEqualTo(Map.of("a", List.of(1.0, 2.0)));
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Json.MAX_DOCUMENT_CHARS + 1L);
        }
        assertThatThrownBy(() -> Json.readFile(big)).isInstanceOf(JsonException.class)
                .hasMessageContaining(Json.MAX_DOCUMENT_CHARS + 1 + " bytes")
                .hasMessageContaining("limit of " + Json.MAX_DOCUMENT_CHARS);
        assertThatThrownBy(() -> ParisQuartiers.load(big)).isInstanceOf(JsonException.class)
                .hasMessageContaining("limit of");
    }
}
