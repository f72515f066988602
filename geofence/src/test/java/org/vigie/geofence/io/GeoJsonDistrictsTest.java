package org.vigie.geofence.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.geofence.TestDistricts.HOME;
import static org.vigie.geofence.TestDistricts.enu;
import static org.vigie.geofence.TestDistricts.ring;
import static org.vigie.geofence.TestDistricts.square;

import org.junit.jupiter.api.Test;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.InvalidDistrictException;
import org.vigie.geofence.zone.PolygonExclusion;
import org.vigie.geofence.zone.PrivacyZone;

class GeoJsonDistrictsTest {

    private static District sample() {
        return District.builder("Île \"Test\"").home(HOME).inclusion(square(500)).horizontalMarginM(12)
                .transitAltitudeRelM(70).onSceneAltitudeRelM(35)
                .exclusion(new CircleExclusion("Helipad", "hospital helipad", enu(200, 0), 40))
                .exclusion(new PolygonExclusion("School", "school", ring(-300, 100, -200, 100, -200, 200)))
                .privacyZone(new PrivacyZone("Courtyard", ring(0, -300, 100, -300, 100, -200)))
                .build();
    }

    @Test
    void roundTrip() {
        District d = sample();
        District back = GeoJsonDistricts.read(GeoJsonDistricts.write(d));
        assertThat(back.name()).isEqualTo(d.name());
        assertThat(back.horizontalMarginM()).isEqualTo(12.0);
        assertThat(back.transitAltitudeRelM()).isEqualTo(70.0);
        assertThat(back.exclusions()).hasSize(2);
        assertThat(back.exclusions().get(0)).isInstanceOf(CircleExclusion.class);
        assertThat(((CircleExclusion) back.exclusions().get(0)).radiusM()).isEqualTo(40.0);
        assertThat(back.privacyZones()).extracting(PrivacyZone::name).containsExactly("Courtyard");
        assertThat(back.home().latDeg()).isCloseTo(HOME.latDeg(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(back.inclusion().shell()).hasSize(4);
    }

    private static final String HEAD = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"role\":\"home\"},\"geometry\":{\"type\":\"Point\","
            + "\"coordinates\":[2.3522,48.8566]}},";

    @Test
    void targetPointsInADistrictFileAreIgnoredButAFeatureWithoutRoleIsRefused() {
        String withTarget = GeoJsonDistricts.write(sample()).replaceFirst("\\{\"type\":\"Feature\"",
                "{\"type\":\"Feature\",\"properties\":{\"role\":\"target\",\"name\":\"T1\"},\"geometry\":"
                        + "{\"type\":\"Point\",\"coordinates\":[2.3522,48.8566]}},{\"type\":\"Feature\"");
        assertThat(withTarget).contains("\"role\":\"target\"");
        District d = GeoJsonDistricts.read(withTarget);
        assertThat(d.exclusions()).hasSize(2);
        assertThat(d.privacyZones()).hasSize(1);
        String noRole = HEAD + "{\"type\":\"Feature\",\"properties\":{\"kind\":\"inclusion\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.35,48.85]}}]}";
        assertThatThrownBy(() -> GeoJsonDistricts.read(noRole)).isInstanceOf(InvalidDistrictException.class)
                .hasMessageContaining("no \"role\" property: every feature of a district file needs a role: inclusion");
    }

    @Test
    void unclosedRingNamesFeatureAndVertex() {
        String json = HEAD + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\",\"name\":\"Marais\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.35,48.85],[2.36,48.85],[2.36,48.86],"
                + "[2.35,48.86]]]}}]}";
        assertThatThrownBy(() -> GeoJsonDistricts.read(json)).isInstanceOf(InvalidDistrictException.class)
                .hasMessage("feature #1 'Marais' (inclusion): outer ring is not closed: last vertex 3 differs from"
                        + " the first");
    }

    @Test
    void swappedCoordinatesAreNamed() {
        String json = HEAD + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\",\"name\":\"Marais\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.35,48.85],[2.36,48.85],[48.86,2.36],"
                + "[2.35,48.86],[2.35,48.85]]]}}]}";
        assertThatThrownBy(() -> GeoJsonDistricts.read(json)).isInstanceOf(InvalidDistrictException.class)
                .hasMessageContaining("feature #1 'Marais' (inclusion)").hasMessageContaining("vertex 2")
                .hasMessageContaining("swapped");
        String lat = HEAD + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.35,48.85],[2.36,98.85],[2.36,48.86],"
                + "[2.35,48.85]]]}}]}";
        assertThatThrownBy(() -> GeoJsonDistricts.read(lat)).hasMessageContaining("outer ring vertex 1 latitude 98.85"
                + " is out of range");
    }

    @Test
    void tooFewVerticesSelfIntersectionAndHomeCoverage() {
        String few = HEAD + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.35,48.85],[2.36,48.85],[2.35,48.85]]]}}]}";
        assertThatThrownBy(() -> GeoJsonDistricts.read(few)).hasMessageContaining("needs at least 4");
        String bow = HEAD + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.34,48.85],[2.36,48.86],[2.36,48.85],"
                + "[2.34,48.86],[2.34,48.85]]]}}]}";
        assertThatThrownBy(() -> GeoJsonDistricts.read(bow)).hasMessageContaining("self-intersects near vertex");
        String cover = HEAD + "{\"type\":\"Feature\",\"properties\":{\"role\":\"inclusion\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.34,48.85],[2.36,48.85],[2.36,48.86],"
                + "[2.34,48.86],[2.34,48.85]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"role\":\"exclusion\",\"name\":\"Helipad\",\"radius_m\":50},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.3523,48.8566]}}]}";
        assertThatThrownBy(() -> GeoJsonDistricts.read(cover)).hasMessageContaining("feature #2 'Helipad' (exclusion): covers"
                + " home");
    }

    @Test
    void strictJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("line 1, column 8");
        assertThatThrownBy(() -> Json.parse("{\"a\":NaN}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> Json.parse("[01]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
        assertThat(Json.parse("{\"s\":\"\\u00e9\\n\",\"n\":-1.5e2,\"b\":[true,false,null]}").toString())
                .isEqualTo("{s=é\n, n=-150.0, b=[true, false, null]}");
    }
}
