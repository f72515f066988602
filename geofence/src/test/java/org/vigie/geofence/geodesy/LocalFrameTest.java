package org.vigie.geofence.geodesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalFrameTest {

    private final LocalFrame frame = new LocalFrame(GeoPoint.of(48.8566, 2.3522));

    @Test
    void roundTripIsBelowAMillimetre() {
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            double e = (r.nextDouble() - 0.5) * 10000;
            double n = (r.nextDouble() - 0.5) * 10000;
            double u = r.nextDouble() * 150;
            GeoPoint g = frame.toGeo(e, n, u);
            EnuPoint back = frame.toLocal(g);
            assertThat(back.eastM()).isCloseTo(e, within(1e-6));
            assertThat(back.northM()).isCloseTo(n, within(1e-6));
            assertThat(back.upM()).isCloseTo(u, within(1e-6));
        }
    }

    @Test
    void horizontalDistancesAgreeWithTheGeodesic() {
        GeoPoint a = GeoPoint.of(48.8600, 2.3400);
        GeoPoint b = GeoPoint.of(48.8450, 2.3650);
        double enu = frame.toLocal(a).horizontalDistanceM(frame.toLocal(b));
        assertThat(enu).isCloseTo(Geodesy.distanceM(a, b), within(0.05));
    }

    @Test
    void northIsNorthAndEastIsEast() {
        EnuPoint p = frame.toLocal(GeoPoint.of(48.8666, 2.3522));
        assertThat(p.northM()).isCloseTo(1112.0, within(2.0));
        assertThat(p.eastM()).isCloseTo(0.0, within(0.01));
        assertThat(frame.toLocal(GeoPoint.of(48.8566, 2.3622)).eastM()).isCloseTo(733.0, within(2.0));
        assertThat(frame.toLocal(frame.origin()).upM()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void compassPoints() {
        assertThat(Geodesy.compassPoint(0)).isEqualTo("north");
        assertThat(Geodesy.compassPoint(44)).isEqualTo("north-east");
        assertThat(Geodesy.compassPoint(350)).isEqualTo("north");
        assertThat(Geodesy.compassPoint(-90)).isEqualTo("west");
        assertThat(Geodesy.compassPoint(200)).isEqualTo("south");
        assertThat(Geodesy.bearingDeg(GeoPoint.of(48.85, 2.35), GeoPoint.of(48.86, 2.36))).isBetween(30.0, 40.0);
    }

    @Test
    void geoPointRejectsBadValues() {
        assertThatThrownBy(() -> GeoPoint.of(91, 2)).hasMessageContaining("latitude 91.0");
        assertThatThrownBy(() -> GeoPoint.of(48, 181)).hasMessageContaining("longitude 181.0");
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(48, 2, Double.POSITIVE_INFINITY))
                .hasMessageContaining("altitudeRelM");
        assertThat(GeoPoint.of(48.87, 2.36).latLonText()).isEqualTo("48.8700,2.3600");
    }
}
