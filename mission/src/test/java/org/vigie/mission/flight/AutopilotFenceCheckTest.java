package org.vigie.mission.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceExporter;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.export.FenceShape;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.plan.Route;
import org.vigie.geofence.plan.Waypoint;
import org.vigie.geofence.plan.WaypointKind;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;

class AutopilotFenceCheckTest {

    private final District d = BreachPredictorTest.square();
    private final LocalFrame f = d.geofence().frame();

    private FenceShape.LatLonE7 vertex(double e, double nn) {
        GeoPoint p = f.toGeo(e, nn, 0);
        return new FenceShape.LatLonE7((int) Math.round(p.latDeg() * 1e7), (int) Math.round(p.lonDeg() * 1e7));
    }

    /** The square's fence as an autopilot would get it after a simplification that cut its north-east corner. */
    private List<FenceShape> cutCorner() {
        return List.of(new FenceShape.Polygon(FenceShape.Role.INCLUSION, List.of(vertex(-200, -200),
                vertex(200, -200), vertex(200, 100), vertex(-200, 200))));
    }

    private Route route(double... en) {
        List<Waypoint> w = new ArrayList<>();
        for (int i = 0; i < en.length; i += 2) {
            w.add(new Waypoint(f.toGeo(en[i], en[i + 1], 0), i == 0 ? WaypointKind.START : WaypointKind.ARRIVAL));
        }
        return new Route(w, w.get(w.size() - 1).position(), w.get(w.size() - 1).position(), 0, 0, 0);
    }

    @Test
    void aRouteIntoTheCutCornerIsReportedAndOneAwayFromItIsNot() {
        AutopilotFenceCheck c = new AutopilotFenceCheck(f, cutCorner(), 5);
        assertThat(c.problem(route(0, 0, -150, -150), "outbound")).isNull();
        // (150, 150) is 40 m inside the true square but outside the cut fence (its edge runs from (200,100) to (-200,200))
        String p = c.problem(route(0, 0, 150, 150), "outbound");
        assertThat(p).startsWith("the outbound route passes within 5 m of the autopilot's fence (the district "
                + "simplified to 4 fence items) near ").contains(" over ");
        // 3 m inside the cut edge: inside the autopilot's fence, but not by the 5 m clearance
        assertThat(c.problem(route(0, 0, 197, -150), "return")).startsWith("the return route");
        assertThat(c.problem(route(0, 0, 194, -150), "return")).isNull();
    }

    @Test
    void exclusionsAndCirclesAreKeptClearOf() {
        District withCircle = District.builder("square+circle").home(d.home()).inclusion(d.inclusion())
                .exclusion(new CircleExclusion("mast", "radio mast", f.toGeo(100, 0, 0), 30)).build();
        FenceExport e = new FenceExporter(FenceCapacity.arduPilotDefault(), false).export(withCircle);
        List<FenceShape> items = ((FenceExport.Exported) e).shapes();
        AutopilotFenceCheck c = new AutopilotFenceCheck(f, items, 5);
        assertThat(c.problem(route(0, 0, 180, 0), "outbound")).contains("near 48.85");
        assertThat(c.problem(route(0, 0, 100, 50), "outbound")).isNull(); // 50 m from the centre: 20 m clear
        assertThat(c.problem(route(0, 0, 0, -150, 180, -150), "outbound")).isNull();
    }

    @Test
    void itemsWithoutAnInclusionOrANegativeClearanceAreRejected() {
        assertThatThrownBy(() -> new AutopilotFenceCheck(f, List.of(), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no inclusion polygon");
        assertThatThrownBy(() -> new AutopilotFenceCheck(f, cutCorner(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clearanceM -1.0");
    }
}
