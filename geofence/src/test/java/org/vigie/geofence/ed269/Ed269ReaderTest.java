package org.vigie.geofence.ed269;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ED-269 reader: the repository's sample with every geometry and applicability form, and every kind of bad file. */
class Ed269ReaderTest {

    static final Path SAMPLE = Path.of("..", "data", "ed269", "paris-arsenal-sample.json");

    static List<UasZone> sample() throws Exception {
        return Ed269Reader.read(SAMPLE);
    }

    @Test
    void readsTheSampleWithEveryGeometryAndLimitForm() throws Exception {
        List<UasZone> zones = sample();
        assertThat(zones).extracting(UasZone::identifier)
                .containsExactly("LFP4BS", "LFP4AR", "LFP4HV", "LFP4SN", "LFP4IN");
        assertThat(zones).extracting(UasZone::restriction).containsExactly(Restriction.PROHIBITED,
                Restriction.REQ_AUTHORISATION, Restriction.PROHIBITED, Restriction.CONDITIONAL,
                Restriction.NO_RESTRICTION);

        AirspaceVolume circle = zones.get(0).volumes().get(0);
        assertThat(circle.projection()).isInstanceOfSatisfying(HorizontalProjection.Circle.class, c -> {
            assertThat(c.centre().latDeg()).isEqualTo(48.85321);
            assertThat(c.centre().lonDeg()).isEqualTo(2.36914);
            assertThat(c.radiusM()).isEqualTo(150.0);
        });
        assertThat(zones.get(1).volumes().get(0).projection()).isInstanceOfSatisfying(
                HorizontalProjection.Polygon.class, p -> assertThat(p.ring()).hasSize(4));

        AirspaceVolume feet = zones.get(2).volumes().get(0);
        assertThat(feet.lowerLimitM()).isCloseTo(80.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(feet.upperReference()).isEqualTo(VerticalReference.AMSL);
        assertThat(feet.upperRelM(35.0)).isCloseTo(304.8 - 35.0, org.assertj.core.data.Offset.offset(1e-9));

        AirspaceVolume fromSurface = zones.get(3).volumes().get(0);
        assertThat(fromSurface.lowerLimitM()).isZero();
        assertThat(zones.get(3).conditions()).containsExactly("Feux anticollision allumés",
                "Avis à la brigade fluviale");
        assertThat(zones.get(4).volumes().get(0).upperLimitM()).isInfinite();
        assertThat(zones.get(4).applicability()).isEqualTo(Applicability.ALWAYS);
    }

    @Test
    void everyApplicabilityFormSaysWhenTheZoneApplies() throws Exception {
        List<UasZone> zones = sample();
        Applicability dated = zones.get(0).applicability();
        assertThat(dated.activeAt(Instant.parse("2026-07-14T05:59:59Z"))).isFalse();
        assertThat(dated.activeAt(Instant.parse("2026-07-14T06:00:00Z"))).isTrue();
        assertThat(dated.activeAt(Instant.parse("2026-07-14T18:00:00Z"))).isFalse();
        assertThat(dated.activeDuring(Instant.parse("2026-07-14T05:50:00Z"), Instant.parse("2026-07-14T06:10:00Z")))
                .as("a zone starting during the flight window counts").isTrue();

        assertThat(zones.get(1).applicability().activeAt(Instant.parse("2031-03-01T12:00:00Z"))).isTrue();

        Applicability weekdayMornings = zones.get(2).applicability();
        DailyPeriod daily = weekdayMornings.periods().get(0).schedule().get(0);
        assertThat(daily.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(daily.days()).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).hasSize(5);
        // Tuesday 3 March 2026 (winter, UTC+1) and Tuesday 7 July 2026 (summer, UTC+2): 07:00 Paris time both
        assertThat(weekdayMornings.activeAt(Instant.parse("2026-03-03T06:00:00Z"))).isTrue();
        assertThat(weekdayMornings.activeAt(Instant.parse("2026-03-03T05:59:00Z"))).isFalse();
        assertThat(weekdayMornings.activeAt(Instant.parse("2026-07-07T05:00:00Z"))).isTrue();
        assertThat(weekdayMornings.activeAt(Instant.parse("2026-07-07T07:30:00Z"))).isFalse();
        assertThat(weekdayMornings.activeAt(Instant.parse("2026-03-07T07:00:00Z"))).as("Saturday").isFalse();
        assertThat(weekdayMornings.activeAt(Instant.parse("2027-01-04T07:00:00Z"))).as("after its end").isFalse();

        Applicability nights = zones.get(3).applicability();
        assertThat(nights.activeAt(Instant.parse("2026-05-01T23:30:00Z"))).isTrue();
        assertThat(nights.activeAt(Instant.parse("2026-05-02T05:59:00Z"))).as("past midnight").isTrue();
        assertThat(nights.activeAt(Instant.parse("2026-05-02T06:00:00Z"))).isFalse();
        assertThat(nights.activeAt(Instant.parse("2026-05-02T12:00:00Z"))).isFalse();
    }

    @Test
    void acceptsTheBareArrayAndTimesWithOffsets() {
        List<UasZone> zones = Ed269Reader.parse("[" + zone("Z1", "\"applicability\": [{\"permanent\": \"YES\","
                + " \"schedule\": [{\"day\": [\"SUN\"], \"startTime\": \"10:00+0200\", \"endTime\": \"11:00+02:00\"}]}]")
                + "]");
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).applicability().activeAt(Instant.parse("2026-05-03T08:30:00Z"))).isTrue();
    }

    @Test
    void malformedFilesFailNamingZoneAndFieldAndLoadNothing() {
        bad("{\"features\": [" + zone("OK1", "") + ",", "ED-269 file: JSON syntax error at line 1");
        bad("{\"zones\": []}", "ED-269 file, features: expected an array");
        bad(features(zone("OK1", ""), zone("", "")), "zone #1, identifier: is empty");
        bad(features(zone("OK1", ""), zone("TOOLONG12", "")), "zone #1, identifier: 'TOOLONG12' is 9 characters,"
                + " more than 7");
        bad(features(zone("OK1", ""), zone("OK1", "")), "zone #1 'OK1', identifier: duplicate identifier");
        bad(features(zone("Z2", "").replace("\"FRA\"", "\"France\"")), "zone #0 'Z2', country:");
        bad(features(zone("Z2", "").replace("PROHIBITED", "FORBIDDEN")),
                "zone #0 'Z2', restriction: 'FORBIDDEN' is not one of");
        bad(features(zone("Z2", "").replace("\"M\"", "\"KM\"")), "zone #0 'Z2', geometry[0].uomDimensions: 'KM'");
        bad(features(zone("Z2", "").replace("[2.37, 48.86]", "[2.37, 148.86]")),
                "zone #0 'Z2', geometry[0].horizontalProjection.coordinates[0][2]: latitude 148.86 is outside");
        bad(features(zone("Z2", "").replace("[[[2.36, 48.85], [2.37, 48.85], [2.37, 48.86], [2.36, 48.86]]]",
                        "[[[2.36, 48.85], [2.37, 48.86], [2.37, 48.85], [2.36, 48.86]]]")),
                "zone #0 'Z2', geometry[0].horizontalProjection.coordinates[0]: the ring crosses itself");
        bad(features(zone("Z2", "").replace("{\"type\": \"Polygon\", \"coordinates\": [[[2.36, 48.85], [2.37, 48.85],"
                        + " [2.37, 48.86], [2.36, 48.86]]]}", "{\"type\": \"Circle\", \"center\": [2.36, 48.85],"
                        + " \"radius\": -5}")),
                "zone #0 'Z2', geometry[0].horizontalProjection.radius: expected a number > 0");
        bad(features(zone("Z2", "\"reason\": [\"BECAUSE\"]")), "zone #0 'Z2', reason[0]: 'BECAUSE' is not one of");
    }

    @Test
    void impossibleLimitsFailNamingZoneAndField() {
        bad(features(zone("Z3", "").replace("\"upperLimit\": 120", "\"upperLimit\": 30").replace(
                "\"lowerLimit\": 0", "\"lowerLimit\": 50")), "zone #0 'Z3', geometry[0].upperLimit: 30.0 m AGL is not"
                + " above the lower limit 50.0 m AGL");
        bad(features(zone("Z3", "").replace("\"lowerLimit\": 0", "\"lowerLimit\": -10")),
                "zone #0 'Z3', geometry[0].lowerLimit: -10.0 m below ground level");
        bad(features(zone("Z3", "").replace("\"upperLimit\": 120", "\"upperLimit\": 0")),
                "zone #0 'Z3', geometry[0].upperLimit: 0.0 m AGL: a zone must reach above the ground");
        bad(features(zone("Z3", "").replace("\"upperLimit\": 120", "\"upperLimit\": 90000")),
                "zone #0 'Z3', geometry[0].upperLimit: 90000 m is beyond the 20000 m sanity limit");
        bad(features(zone("Z3", "").replace("\"upperLimit\": 120", "\"upperLimit\": \"high\"")),
                "zone #0 'Z3', geometry[0].upperLimit: expected a number, got high");
    }

    @Test
    void unknownTimeZonesAndBadTimesFailNamingZoneAndField() {
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"YES\", \"schedule\": [{\"day\": [\"MON\"],"
                + " \"startTime\": \"08:00[Europe/Pariss]\", \"endTime\": \"09:00[Europe/Pariss]\"}]}]")),
                "zone #0 'T1', applicability[0].schedule[0].startTime: unknown time zone 'Europe/Pariss'");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"NO\", \"startDateTime\":"
                + " \"2026-07-14T08:00:00[Mars/Olympus]\", \"endDateTime\": \"2026-07-15T08:00:00Z\"}]")),
                "zone #0 'T1', applicability[0].startDateTime: unknown time zone 'Mars/Olympus'");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"NO\", \"startDateTime\":"
                + " \"2026-07-14T08:00:00\", \"endDateTime\": \"2026-07-15T08:00:00Z\"}]")),
                "zone #0 'T1', applicability[0].startDateTime: '2026-07-14T08:00:00' has no time zone");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"YES\", \"schedule\": [{\"day\": [\"MON\"],"
                + " \"startTime\": \"08:00\", \"endTime\": \"09:00Z\"}]}]")),
                "zone #0 'T1', applicability[0].schedule[0].startTime: '08:00' has no time zone");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"YES\", \"schedule\": [{\"day\": [\"MON\"],"
                + " \"startTime\": \"08:00Z\", \"endTime\": \"09:00+01:00\"}]}]")),
                "zone #0 'T1', applicability[0].schedule[0].endTime: time zone +01:00 differs from the start's Z");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"YES\", \"schedule\": [{\"day\": [\"MONDAY\"],"
                + " \"startTime\": \"08:00Z\", \"endTime\": \"09:00Z\"}]}]")),
                "zone #0 'T1', applicability[0].schedule[0].day[0]: 'MONDAY' is not MON");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"NO\", \"startDateTime\":"
                + " \"2026-07-14T08:00:00Z\"}]")), "zone #0 'T1', applicability[0].endDateTime: missing");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"NO\", \"startDateTime\":"
                + " \"2026-07-14T08:00:00Z\", \"endDateTime\": \"2026-07-14T07:00:00Z\"}]")),
                "zone #0 'T1', applicability[0].endDateTime: 2026-07-14T07:00:00Z is not after the start");
        bad(features(zone("T1", "\"applicability\": [{\"permanent\": \"MAYBE\"}]")),
                "zone #0 'T1', applicability[0].permanent: 'MAYBE' is not YES or NO");
    }

    private static void bad(String json, String message) {
        assertThatThrownBy(() -> Ed269Reader.parse(json)).isInstanceOf(Ed269Exception.class)
                .hasMessageContaining(message);
    }

    static String features(String... zones) {
        return "{\"features\": [" + String.join(",", zones) + "]}";
    }

    /** A prohibited square zone, 0 to 120 m AGL, with extra fields (a leading comma is added when not empty). */
    static String zone(String id, String extra) {
        return "{\"identifier\": \"" + id + "\", \"country\": \"FRA\", \"name\": \"zone " + id + "\","
                + " \"type\": \"COMMON\", \"restriction\": \"PROHIBITED\", \"geometry\": [{\"uomDimensions\": \"M\","
                + " \"lowerLimit\": 0, \"lowerVerticalReference\": \"AGL\", \"upperLimit\": 120,"
                + " \"upperVerticalReference\": \"AGL\", \"horizontalProjection\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[2.36, 48.85], [2.37, 48.85], [2.37, 48.86], [2.36, 48.86]]]}}]"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }
}
