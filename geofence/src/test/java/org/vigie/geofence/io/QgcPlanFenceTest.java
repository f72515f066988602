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
import org.vigie.geofence.zone.PolygonExclusion;

class QgcPlanFenceTest {

    @Test
    void districtRoundTripsThroughAPlanFile() {
        District d = District.builder("Q").home(HOME).inclusion(square(500))
                .exclusion(new CircleExclusion("Helipad", "hospital", enu(200, 0), 40))
                .exclusion(new PolygonExclusion("School", "school", ring(-300, 100, -200, 100, -200, 200))).build();
        String plan = QgcPlanFence.write(QgcPlanFence.fromDistrict(d));
        assertThat(plan).contains("\"fileType\": \"Plan\"").contains("\"version\": 2");
        QgcPlanFence.Fence f = QgcPlanFence.read(plan);
        assertThat(f.polygons()).hasSize(2);
        assertThat(f.polygons().get(0).inclusion()).isTrue();
        assertThat(f.polygons().get(1).inclusion()).isFalse();
        assertThat(f.circles()).singleElement().satisfies(c -> assertThat(c.radiusM()).isEqualTo(40.0));
        assertThat(f.breachReturn()).isPresent();
        assertThat(f.breachReturn().get().altitudeRelM()).isEqualTo(60.0);
        District back = QgcPlanFence.toDistrict(f, "Q", null).build();
        assertThat(back.exclusions()).hasSize(2);
        assertThat(back.home().latDeg()).isCloseTo(HOME.latDeg(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void readsVersionOneAndNamesBadVertices() {
        String v1 = "{\"fileType\":\"Plan\",\"geoFence\":{\"breachReturn\":[48.85,2.35],\"polygon\":[[48.84,2.34],"
                + "[48.84,2.36],[48.86,2.36],[48.86,2.34]],\"version\":1},\"version\":1}";
        QgcPlanFence.Fence f = QgcPlanFence.read(v1);
        assertThat(f.polygons()).singleElement().satisfies(p -> assertThat(p.vertices()).hasSize(4));
        assertThat(QgcPlanFence.toDistrict(f, "v1", null).build().home().latDeg()).isEqualTo(48.85);
        String bad = "{\"geoFence\":{\"polygons\":[{\"inclusion\":true,\"polygon\":[[48.84,2.34],[2.36,248.84],"
                + "[48.86,2.36]],\"version\":1}],\"circles\":[],\"version\":2}}";
        assertThatThrownBy(() -> QgcPlanFence.read(bad)).hasMessage("geoFence.polygons[0]: vertex 1 longitude 248.84"
                + " is out of range");
        String incCircle = "{\"geoFence\":{\"polygons\":[],\"circles\":[{\"circle\":{\"center\":[48.85,2.35],"
                + "\"radius\":100},\"inclusion\":true,\"version\":1}],\"version\":2}}";
        assertThatThrownBy(() -> QgcPlanFence.toDistrict(QgcPlanFence.read(incCircle), "c", HOME))
                .hasMessageContaining("inclusion circles are not supported");
    }

    @Test
    void wktRoundTrip() {
        var p = Wkt.polygon("POLYGON ((2.35 48.85, 2.36 48.85, 2.36 48.86, 2.35 48.85), "
                + "(2.355 48.852, 2.357 48.852, 2.357 48.854, 2.355 48.852))");
        assertThat(p.shell()).hasSize(3);
        assertThat(p.holes()).hasSize(1);
        assertThat(Wkt.polygon(Wkt.write(p))).isEqualTo(p);
        assertThatThrownBy(() -> Wkt.polygon("POINT (1 2)")).hasMessageContaining("expected POLYGON");
    }
}
