package org.vigie.geofence.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigie.geofence.TestDistricts.FRAME;
import static org.vigie.geofence.TestDistricts.HOME;
import static org.vigie.geofence.TestDistricts.enu;
import static org.vigie.geofence.TestDistricts.ring;
import static org.vigie.geofence.TestDistricts.square;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.PolygonExclusion;

class DistrictPlannerTest {

    private static District district() {
        return District.builder("Carré").home(HOME).inclusion(square(500)).horizontalMarginM(10)
                .exclusion(new CircleExclusion("Helipad", "hospital helipad", enu(0, 200), 50))
                .exclusion(new PolygonExclusion("Wall", "ministry", ring(-400, -100, 300, -100, 300, -80, -400, -80)))
                .build();
    }

    private final DistrictPlanner planner = new DistrictPlanner(district());

    private static Route planned(PlanResult r) {
        assertThat(r).isInstanceOf(PlanResult.Planned.class);
        return ((PlanResult.Planned) r).route();
    }

    private static PlanFailure refused(PlanResult r) {
        assertThat(r).isInstanceOf(PlanResult.Refused.class);
        return ((PlanResult.Refused) r).failure();
    }

    @Test
    void straightLineWhenNothingIsInTheWay() {
        Route r = planned(planner.plan(HOME, enu(300, 0)));
        assertThat(r.horizontalLengthM()).isCloseTo(300.0, within(0.01));
        assertThat(r.waypoints()).extracting(Waypoint::kind).containsExactly(WaypointKind.START,
                WaypointKind.TO_TRANSIT_ALTITUDE, WaypointKind.ARRIVAL, WaypointKind.ON_SCENE);
        assertThat(r.waypoints().get(1).position().altitudeRelM()).isEqualTo(60.0);
        assertThat(r.waypoints().get(3).position().altitudeRelM()).isEqualTo(40.0);
        assertThat(r.verticalLengthM()).isCloseTo(80.0, within(1e-9));
        assertThat(r.expectedDurationS()).isCloseTo(30.0 + 60 / 2.5 + 20 / 1.5, within(0.01));
    }

    @Test
    void goesAroundTheCircleWithTheMargin() {
        Route r = planned(planner.plan(HOME, enu(0, 400)));
        // around a disc of radius 60 (50 + margin) centred 200 m ahead: tangent-arc-tangent is the lower bound
        double d = 200;
        double rr = 60;
        double tangent = Math.sqrt(d * d - rr * rr);
        double arc = rr * (Math.PI - 2 * Math.acos(rr / d));
        assertThat(r.horizontalLengthM()).isBetween(2 * tangent + arc, 2 * tangent + arc + 2.0);
        for (Waypoint w : r.waypoints()) {
            EnuPoint p = FRAME.toLocal(w.position().withAltitudeRelM(0));
            assertThat(Math.hypot(p.eastM(), p.northM() - 200)).isGreaterThanOrEqualTo(60.0 - 1e-6);
        }
    }

    @Test
    void goesAroundTheWall() {
        Route r = planned(planner.plan(HOME, enu(0, -300)));
        // must pass the wall's east end (300, -100..-80) grown by 10 m
        assertThat(r.horizontalLengthM()).isGreaterThan(2 * Math.hypot(310, 100) - 30);
        assertThat(r.horizontalPath().size()).isGreaterThan(2);
    }

    @Test
    void targetInsideExclusionStopsOutsideItAndSaysSo() {
        PlanResult res = planner.plan(HOME, enu(0, 200));
        Route r = planned(res);
        EnuPoint dest = FRAME.toLocal(r.destination());
        assertThat(Math.hypot(dest.eastM(), dest.northM() - 200)).isBetween(60.0, 61.5);
        assertThat(((PlanResult.Planned) res).notes()).singleElement().asString()
                .contains("inside exclusion zone 'Helipad' (hospital helipad)").contains("camera can look in");
    }

    @Test
    void targetOutsideTheDistrictIsRefusedWithDistanceAndDirection() {
        GeoPoint t = enu(840, 840);
        PlanFailure f = refused(planner.plan(HOME, t));
        assertThat(f.reason()).isEqualTo(PlanFailureReason.TARGET_OUTSIDE_DISTRICT);
        assertThat(f.message()).isEqualTo("target " + t.latLonText() + " lies 481 m north-east of district 'Carré'");
    }

    @Test
    void startOutsideIsRoutedBackFirst() {
        PlanResult res = planner.plan(enu(0, 530).withAltitudeRelM(30), enu(0, 400));
        Route r = planned(res);
        assertThat(r.waypoints()).extracting(Waypoint::kind).contains(WaypointKind.REENTRY);
        assertThat(((PlanResult.Planned) res).notes().get(0)).contains("30 m outside district 'Carré'");
        PlanFailure far = refused(planner.plan(enu(0, 900), enu(0, 400)));
        assertThat(far.reason()).isEqualTo(PlanFailureReason.START_OUTSIDE);
        assertThat(far.message()).contains("400 m north of district 'Carré'");
    }

    @Test
    void disconnectedPartsGiveNoPath() {
        District cut = District.builder("Cut").home(HOME).inclusion(square(500))
                .exclusion(new PolygonExclusion("River", "river", ring(-600, 100, 600, 100, 600, 150, -600, 150)))
                .maxExtentM(5000).build();
        PlanFailure f = refused(new DistrictPlanner(cut).plan(HOME, enu(0, 300)));
        assertThat(f.reason()).isEqualTo(PlanFailureReason.NO_PATH);
        assertThat(f.message()).contains("'River'").contains("2 parts");
    }

    @Test
    void returnEndsAboveHomeAtTransitAltitude() {
        Route r = planned(planner.planReturn(enu(0, 400).withAltitudeRelM(40), PlanOptions.DEFAULT));
        Waypoint last = r.waypoints().get(r.waypoints().size() - 1);
        assertThat(last.kind()).isEqualTo(WaypointKind.ARRIVAL);
        assertThat(last.position()).isEqualTo(HOME.withAltitudeRelM(60));
        assertThat(r.horizontalLengthM()).isGreaterThan(400);
    }

    @Test
    void concurrentPlansAgreeWithSequentialOnes() throws Exception {
        java.util.Random r = new java.util.Random(11);
        List<GeoPoint> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            targets.add(enu(-480 + 960 * r.nextDouble(), -480 + 960 * r.nextDouble()));
        }
        List<PlanResult> sequential = targets.stream().map(t -> planner.plan(HOME, t)).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<PlanResult>> fs = new java.util.ArrayList<>();
            for (GeoPoint t : targets) {
                fs.add(pool.submit(() -> planner.plan(HOME, t)));
            }
            for (int i = 0; i < targets.size(); i++) {
                assertThat(fs.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void planningIsDeterministicAndGraphIsReused() {
        PlanResult a = planner.plan(HOME, enu(-350, -350));
        PlanResult b = planner.plan(HOME, enu(-350, -350));
        assertThat(a).isEqualTo(b);
        assertThat(planner.nodeCount()).isGreaterThan(0);
        assertThat(planner.edgeCount()).isGreaterThan(0);
        List<GeoPoint> path = planned(a).horizontalPath();
        assertThat(path.get(0)).isEqualTo(HOME);
    }
}
