package org.vigie.geofence.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vigie.geofence.TestDistricts.HOME;
import static org.vigie.geofence.TestDistricts.enu;
import static org.vigie.geofence.TestDistricts.ring;
import static org.vigie.geofence.TestDistricts.square;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;

class DistrictTest {

    private District.Builder base() {
        return District.builder("Test").home(HOME).inclusion(square(500));
    }

    @Test
    void selfIntersectionNamesTheVertex() {
        GeoPolygon bow = GeoPolygon.of(ring(-500, -500, 500, 500, 500, -500, -500, 500));
        assertThatThrownBy(() -> District.builder("Bow").home(enu(400, 0)).inclusion(bow).build())
                .isInstanceOf(InvalidDistrictException.class)
                .hasMessageContaining("inclusion")
                .hasMessageContaining("self-intersects near vertex");
    }

    @Test
    void exclusionCoveringHomeIsRejected() {
        assertThatThrownBy(() -> base().exclusion(new CircleExclusion("Helipad", "hospital", enu(10, 0), 30)).build())
                .isInstanceOf(InvalidDistrictException.class)
                .hasMessageContaining("exclusion #0 'Helipad'")
                .hasMessageContaining("covers home");
        assertThatThrownBy(() -> base().exclusion(new PolygonExclusion("School", "school",
                ring(-50, -50, 50, -50, 50, 50, -50, 50))).build())
                .hasMessageContaining("exclusion #0 'School': covers home");
    }

    @Test
    void swappedLatitudeAndLongitudeAreNamed() {
        List<GeoPoint> r = new ArrayList<>(square(500).shell());
        GeoPoint v = r.get(2);
        r.set(2, GeoPoint.of(v.lonDeg(), v.latDeg()));
        assertThatThrownBy(() -> District.builder("Swap").home(HOME).inclusion(GeoPolygon.of(r)).build())
                .isInstanceOf(InvalidDistrictException.class)
                .hasMessageContaining("vertex 2")
                .hasMessageContaining("swapped");
        assertThat(((InvalidDistrictException) catchIt(() -> District.builder("Swap").home(HOME)
                .inclusion(GeoPolygon.of(r)).build())).vertexIndex()).isEqualTo(2);
    }

    private static Throwable catchIt(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }

    @Test
    void districtLargerThanItsExtentLimitIsRejectedNamingTheLimit() {
        assertThat(District.builder("Big").home(HOME).inclusion(square(3000)).build().name()).isEqualTo("Big");
        assertThatThrownBy(() -> District.builder("Big").home(HOME).inclusion(square(3000)).maxExtentM(5000)
                .build()).hasMessageContaining("district is 6000 m x 6000 m, over the extent limit of 5000 m across"
                        + " (DistrictLimits.maxExtentM)");
    }

    @Test
    void altitudesAreChecked() {
        assertThatThrownBy(() -> base().ceilingRelM(150).build()).hasMessageContaining("exceeds the 120.0 m limit");
        assertThatThrownBy(() -> base().transitAltitudeRelM(118).build()).hasMessageContaining("transit altitude");
        assertThatThrownBy(() -> base().horizontalMarginM(Double.NaN).build()).hasMessageContaining("finite");
        assertThatThrownBy(() -> base().home(enu(600, 0)).build()).hasMessageContaining("outside the inclusion");
        assertThatThrownBy(() -> base().exclusion(new CircleExclusion("A", "", enu(200, 0), 10))
                .exclusion(new CircleExclusion("A", "", enu(-200, 0), 10)).build())
                .hasMessageContaining("duplicate zone name");
    }

    @Test
    void tooFewVerticesAndClosedRings() {
        assertThatThrownBy(() -> GeoPolygon.of(ring(0, 0, 10, 0, 0, 0))).hasMessageContaining("at least 3");
        GeoPolygon closed = GeoPolygon.of(ring(-500, -500, 500, -500, 500, 500, -500, -500));
        assertThat(closed.shell()).hasSize(3);
    }

    @Test
    void geofenceContainmentDistanceAndBreach() {
        District d = base().exclusion(new CircleExclusion("Helipad", "hospital", enu(200, 0), 50))
                .exclusion(new PolygonExclusion("School", "school", ring(-300, 100, -200, 100, -200, 200, -300, 200)))
                .privacyZone(new PrivacyZone("Courtyard", ring(0, -300, 100, -300, 100, -200, 0, -200)))
                .build();
        Geofence f = d.geofence();
        assertThat(f.contains(HOME)).isTrue();
        assertThat(f.contains(enu(200, 0))).isFalse();
        assertThat(f.contains(enu(200, 49))).isFalse();
        assertThat(f.contains(enu(200, 51))).isTrue();
        assertThat(f.contains(enu(-250, 150))).isFalse();
        assertThat(f.contains(enu(501, 0))).isFalse();
        assertThat(f.exclusionAt(enu(-250, 150)).map(ExclusionZone::name)).contains("School");
        assertThat(f.contains3d(HOME.withAltitudeRelM(60))).isTrue();
        assertThat(f.contains3d(HOME.withAltitudeRelM(121))).isFalse();
        assertThat(f.signedDistanceM(HOME)).isCloseTo(150.0, within(0.01));
        assertThat(f.signedDistanceM(enu(0, 450))).isCloseTo(50.0, within(0.01));
        assertThat(f.signedDistanceM(enu(0, 520))).isCloseTo(-20.0, within(0.01));
        assertThat(f.signedDistanceM(enu(200, 20))).isCloseTo(-30.0, within(0.01));
        assertThat(f.signedDistance3dM(enu(0, 450).withAltitudeRelM(110))).isCloseTo(10.0, within(0.01));
        // 10 m/s east from home hits the helipad circle at 150 m
        assertThat(f.timeToBreachS(HOME.withAltitudeRelM(60), 10, 0, 0)).isCloseTo(15.0, within(0.01));
        // 10 m/s north from home leaves the square at 500 m
        assertThat(f.timeToBreachS(HOME.withAltitudeRelM(60), 0, 10, 0)).isCloseTo(50.0, within(0.01));
        // climbing 5 m/s from 100 m reaches the 120 m ceiling in 4 s
        assertThat(f.timeToBreachS(enu(0, -100).withAltitudeRelM(100), 0, 1, 5)).isCloseTo(4.0, within(0.01));
        assertThat(f.timeToBreachS(HOME.withAltitudeRelM(60), 0, 0, 0)).isInfinite();
        assertThat(f.timeToBreachS(enu(200, 0).withAltitudeRelM(60), 1, 0, 0)).isZero();
        assertThat(f.privacyZonesIntersecting(ring(50, -250, 150, -250, 150, -150)))
                .extracting(PrivacyZone::name).containsExactly("Courtyard");
        assertThat(f.privacyZonesIntersecting(ring(300, 300, 350, 300, 350, 350))).isEmpty();
    }
}
