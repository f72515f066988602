package org.vigie.mission.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.GeoPolygon;

class BreachPredictorTest {

    /** A 400 m x 400 m square district centred on its home. */
    static District square() {
        GeoPoint home = new GeoPoint(48.85, 2.35, 0);
        LocalFrame f = new LocalFrame(home);
        List<GeoPoint> ring = List.of(f.toGeo(-200, -200, 0), f.toGeo(200, -200, 0), f.toGeo(200, 200, 0),
                f.toGeo(-200, 200, 0));
        return District.builder("square").home(home).inclusion(GeoPolygon.of(ring)).build();
    }

    private final District d = square();
    private final LocalFrame f = d.geofence().frame();
    private final BreachPredictor p = new BreachPredictor(2.5, 1.0);

    @Test
    void headingAtTheEdgeFastTriggers() {
        GeoPoint at = f.toGeo(170, 0, 60);
        double t = p.check(d.geofence(), at, 8, 0, 0, Double.POSITIVE_INFINITY);
        assertThat(t).isCloseTo(30 / 8.0, within(0.3));
    }

    @Test
    void farFromTheEdgeOrSlowOrAwayDoesNot() {
        assertThat(p.check(d.geofence(), f.toGeo(0, 0, 60), 8, 0, 0, Double.POSITIVE_INFINITY)).isNaN();
        assertThat(p.check(d.geofence(), f.toGeo(190, 0, 60), 0.1, 0, 0, Double.POSITIVE_INFINITY)).isNaN();
        assertThat(p.check(d.geofence(), f.toGeo(170, 0, 60), -8, 0, 0, Double.POSITIVE_INFINITY)).isNaN();
    }

    @Test
    void aBreachBeyondTheLegEndIsTheRouteTurningNotADanger() {
        GeoPoint at = f.toGeo(170, 0, 60);
        assertThat(p.check(d.geofence(), at, 8, 0, 0, 2.0)).isNaN();
        assertThat(p.check(d.geofence(), at, 8, 0, 0, 10.0)).isNotNaN();
    }

    @Test
    void stoppingTimeAndValidation() {
        assertThat(p.stoppingTimeS(10)).isCloseTo(5.0, within(1e-9));
        assertThatThrownBy(() -> new BreachPredictor(0, 1)).hasMessageContaining("decelerationMps2");
        assertThatThrownBy(() -> new BreachPredictor(1, -1)).hasMessageContaining("reactionS");
    }
}
