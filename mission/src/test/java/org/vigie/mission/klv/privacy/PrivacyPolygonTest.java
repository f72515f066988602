package org.vigie.mission.klv.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.PrivacyZone;

class PrivacyPolygonTest {

    @Test
    void districtPrivacyZonesBecomeLonLatPolygons() {
        District d = District.builder("Marais").home(GeoPoint.of(48.8566, 2.3522))
                .inclusion(GeoPolygon.of(List.of(GeoPoint.of(48.852, 2.347), GeoPoint.of(48.852, 2.357),
                        GeoPoint.of(48.861, 2.357), GeoPoint.of(48.861, 2.347))))
                .privacyZone(new PrivacyZone("école", List.of(GeoPoint.of(48.8570, 2.3530),
                        GeoPoint.of(48.8570, 2.3540), GeoPoint.of(48.8580, 2.3540), GeoPoint.of(48.8580, 2.3530))))
                .build();
        List<PrivacyPolygon> zones = PrivacyPolygon.of(d);
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).name()).isEqualTo("école");
        GeometryFactory gf = new GeometryFactory();
        assertThat(zones.get(0).lonLat().contains(gf.createPoint(new Coordinate(2.3535, 48.8575)))).isTrue();
        assertThat(zones.get(0).lonLat().contains(gf.createPoint(new Coordinate(48.8575, 2.3535)))).isFalse();
    }

    @Test
    void rejectsDegenerateZones() {
        assertThatThrownBy(() -> PrivacyPolygon.ofLatLon("x", List.of(new double[] {1, 1}, new double[] {2, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> PrivacyPolygon.ofLatLon("bow", List.of(new double[] {0, 0}, new double[] {1, 1},
                new double[] {0, 1}, new double[] {1, 0}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid");
        assertThatThrownBy(() -> new PrivacyMonitor(List.of(PrivacyFlagPropertyTest.square("a", 0, 0, 5),
                PrivacyFlagPropertyTest.square("a", 50, 0, 5)), PrivacyPolicy.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' is used twice");
    }

    @Test
    void localMetrePolygonsAreConvertedThroughTheFrame() {
        LocalFrame home = new LocalFrame(GeoPoint.of(48.8566, 2.3522));
        GeometryFactory gf = new GeometryFactory();
        var local = gf.createPolygon(new Coordinate[] {new Coordinate(100, 50), new Coordinate(140, 50),
            new Coordinate(140, 90), new Coordinate(100, 90), new Coordinate(100, 50)});
        PrivacyPolygon z = PrivacyPolygon.ofLocal("jardin", local, home);
        Coordinate c = z.lonLat().getCentroid().getCoordinate();
        EnuPoint back = home.toLocal(GeoPoint.of(c.y, c.x));
        assertThat(back.eastM()).isCloseTo(120, org.assertj.core.data.Offset.offset(0.01));
        assertThat(back.northM()).isCloseTo(70, org.assertj.core.data.Offset.offset(0.01));
    }
}
