package org.vigie.mission.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.dispatch.DispatchRequest;

/** The district configuration's authorisations: every reason a dispatch is refused, and bad files. */
class AuthorisationsTest {

    static final Path SAMPLE = Path.of("..", "data", "districts", "arsenal-authorisations.json");
    static Authorisations sample;

    @BeforeAll
    static void load() throws Exception {
        sample = Authorisations.read(SAMPLE);
    }

    static DispatchRequest.Builder request(double lat, double lon) {
        return DispatchRequest.builder("A-12", lat, lon).reason("appel 17").requester("op-2", "centre 4");
    }

    static String denied(AuthorisationDecision d) {
        assertThat(d).isInstanceOf(AuthorisationDecision.Denied.class);
        return ((AuthorisationDecision.Denied) d).reason();
    }

    final Instant may = Instant.parse("2026-05-03T14:00:00Z");

    @Test
    void aValidAuthorisationIsGrantedForTheWholeWindow() {
        AuthorisationDecision d = sample.check(request(48.8516, 2.3648).authorisation("PP-2026-0412").build(),
                "Arsenal", may, may.plusSeconds(900));
        assertThat(d).isInstanceOfSatisfying(AuthorisationDecision.Granted.class, g -> {
            assertThat(g.authorisation().issuer()).isEqualTo("Préfecture de police");
            assertThat(g.authorisation().zoneIds()).containsExactly("LFP4AR");
        });
    }

    @Test
    void anExpiredAuthorisationIsRefusedWithTheReason() {
        assertThat(denied(sample.check(request(48.8516, 2.3648).authorisation("PP-2025-1187").build(), "Arsenal",
                may, may.plusSeconds(900)))).isEqualTo("authorisation 'PP-2025-1187' (Préfecture de police) expired"
                + " at 2025-12-31T23:00:00Z");
        Instant lastMinutes = Instant.parse("2026-06-30T21:50:00Z");
        assertThat(denied(sample.check(request(48.8516, 2.3648).authorisation("PP-2026-0412").build(), "Arsenal",
                lastMinutes, lastMinutes.plusSeconds(1200)))).contains("expires at 2026-06-30T22:00:00Z",
                "10 min before the flight's latest expected landing");
        assertThat(denied(sample.check(request(48.8516, 2.3648).authorisation("PP-2026-0412").build(), "Arsenal",
                Instant.parse("2025-12-31T22:00:00Z"), Instant.parse("2025-12-31T22:10:00Z"))))
                .contains("is not valid before 2025-12-31T23:00:00Z");
    }

    @Test
    void unknownOtherDistrictOutsideTheAreaOrNoneNamedAreRefused() {
        assertThat(denied(sample.check(request(48.8516, 2.3648).authorisation("PP-9").build(), "Arsenal", may,
                may.plusSeconds(60)))).isEqualTo("authorisation 'PP-9' is unknown to district 'Arsenal'");
        assertThat(denied(sample.check(request(48.8516, 2.3648).authorisation("PP-2026-0412").build(), "Marais",
                may, may.plusSeconds(60)))).isEqualTo("authorisation 'PP-2026-0412' covers district 'Arsenal', not"
                + " 'Marais'");
        assertThat(denied(sample.check(request(48.8606, 2.3376).authorisation("PP-2026-0412").build(), "Arsenal",
                may, may.plusSeconds(60)))).isEqualTo("target 48.8606,2.3376 lies outside the area of authorisation"
                + " 'PP-2026-0412'");
        assertThat(denied(sample.check(request(48.8516, 2.3648).build(), "Arsenal", may, may.plusSeconds(60))))
                .isEqualTo("dispatch A-12 names no authorisation; district 'Arsenal' flies only under one");
        assertThat(Authorisations.notRequired().check(request(48.8516, 2.3648).build(), "Arsenal", may,
                may.plusSeconds(60))).isInstanceOf(AuthorisationDecision.NotRequired.class);
    }

    @Test
    void badFilesFailNamingTheAuthorisationAndFieldAndLoadNothing() {
        String ok = "{\"id\": \"A1\", \"district\": \"Arsenal\", \"issuer\": \"PP\", \"purpose\": \"p\","
                + " \"validFrom\": \"2026-01-01T00:00:00Z\", \"validUntil\": \"2026-02-01T00:00:00Z\", \"area\":"
                + " {\"type\": \"Polygon\", \"coordinates\": [[[2.35, 48.84], [2.37, 48.84], [2.37, 48.86], [2.35, 48.84]]]}}";
        assertThat(Authorisations.parse("{\"authorisations\": [" + ok + "]}").find("A1")).isPresent();
        bad("{\"authorisations\": [" + ok + ", " + ok.replace("\"issuer\": \"PP\", ", "") + "]}",
                "authorisation #1 'A1', issuer: missing or empty");
        bad("{\"authorisations\": [" + ok + ", " + ok + "]}", "authorisation #1 'A1', id: duplicate id");
        bad("{\"authorisations\": [" + ok.replace("2026-02-01T00:00:00Z", "2026-02-01T00:00:00[Europe/Lutece]")
                + "]}", "authorisation #0 'A1', validUntil: unknown time zone 'Europe/Lutece'");
        bad("{\"authorisations\": [" + ok.replace("2026-02-01T00:00:00Z", "2026-02-01T00:00:00") + "]}",
                "authorisation #0 'A1', validUntil: '2026-02-01T00:00:00' is not an ISO 8601 date-time with an offset");
        bad("{\"authorisations\": [" + ok.replace("2026-02-01T00:00:00Z", "2025-02-01T00:00:00Z") + "]}",
                "authorisation #0 'A1', validUntil: 2025-02-01T00:00:00Z is not after validFrom");
        bad("{\"authorisations\": [" + ok.replace("\"Polygon\"", "\"Point\"") + "]}", "authorisation #0 'A1', area");
        bad("{\"authorisations\": [" + ok + "], \"required\": \"yes\"}", "authorisations, required: expected true or"
                + " false");
    }

    private static void bad(String json, String message) {
        assertThatThrownBy(() -> Authorisations.parse(json)).isInstanceOf(AuthorisationConfigException.class)
                .hasMessageContaining(message);
    }
}
