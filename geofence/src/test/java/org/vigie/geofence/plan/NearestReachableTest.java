package org.vigie.geofence.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.geofence.TestDistricts.HOME;
import static org.vigie.geofence.TestDistricts.enu;
import static org.vigie.geofence.TestDistricts.ring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.GeoPolygon;
import org.vigie.geofence.zone.PolygonExclusion;

/**
 * The nearest reachable point of a target the drone may not fly to: found along the free space's boundary, not only
 * at the single nearest point (which may sit in a corner of the margins, where no point next to it is free).
 */
class NearestReachableTest {

    /**
     * A police cordon with roadworks beside it, slanted so that the two margins leave a thin wedge of free space whose
     * tip is the nearest free point of targets inside the cordon: the former search nudged that tip towards the
     * target's direction, found no free point there and refused with "no point outside it can be reached".
     */
    static District corner() {
        return District.builder("Corner").home(HOME).inclusion(GeoPolygon.of(ring(-300, -300, 400, -300, 400, 300,
                -300, 300)))
                .exclusion(new PolygonExclusion("police cordon", "incident", ring(100, -50, 200, -50, 200, 50, 100,
                        50)))
                .exclusion(new PolygonExclusion("roadworks", "works", ring(210, -20, 300, -20, 300, 120, 280, 120)))
                .build();
    }

    @Test
    void aTargetInACornerOfTheMarginsIsServedFromTheNearestReachablePoint() {
        District d = corner();
        DistrictPlanner planner = new DistrictPlanner(d);
        var free = planner.freeSpaceEnu();
        GeometryFactory gf = new GeometryFactory();
        for (double[] t : new double[][] {{195, 0}, {195, 1}, {190, 0}, {199, -1}}) {
            GeoPoint target = enu(t[0], t[1]);
            PlanResult r = planner.plan(HOME, target);
            assertThat(r).as("target at %s", List.of(t[0], t[1])).isInstanceOf(PlanResult.Planned.class);
            PlanResult.Planned p = (PlanResult.Planned) r;
            StandOff s = p.standOff();
            assertThat(s).isNotNull();
            assertThat(s.zoneName()).isEqualTo("police cordon");
            double toFree = free.distance(gf.createPoint(new Coordinate(t[0], t[1])));
            assertThat(s.distanceM()).as("within 3 m of the distance to the free space")
                    .isBetween(toFree - 0.1, toFree + 3.0);
            assertThat(s.sentence()).isEqualTo(String.format(java.util.Locale.ROOT, "target lies in exclusion"
                    + " 'police cordon'; on scene at the nearest reachable point, %.0f m away", s.distanceM()));
            EnuPoint end = d.geofence().frame().toLocal(p.route().destination());
            assertThat(free.distance(gf.createPoint(new Coordinate(end.eastM(), end.northM())))).isLessThan(1e-6);
            assertThat(planner.plan(HOME, target)).as("deterministic").isEqualTo(r);
        }
    }

    @Test
    void everyTargetInTheMarginOfTheBundledSectorsIsServed() throws Exception {
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        Random rnd = new Random(5);
        int inMargin = 0;
        for (int i = 0; i < qs.size(); i += 8) {
            for (District sector : ParisQuartiers.sectors(qs.get(i))) {
                District d = zoned(sector, i);
                DistrictPlanner planner = new DistrictPlanner(d);
                var env = d.geofence().inclusionEnu().getEnvelopeInternal();
                List<GeoPoint> targets = new ArrayList<>();
                while (targets.size() < 20) {
                    GeoPoint t = d.geofence().frame().toGeo(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                            env.getMinY() + rnd.nextDouble() * env.getHeight(), 0);
                    if (d.geofence().contains(t) && d.geofence().signedDistanceM(t) < d.horizontalMarginM()) {
                        targets.add(t);
                    }
                }
                for (GeoPoint t : targets) {
                    inMargin++;
                    PlanResult r = planner.plan(d.home(), t);
                    assertThat(r).as("%s to %s: %s", d.name(), t.latLonText(), r)
                            .isInstanceOf(PlanResult.Planned.class);
                }
            }
        }
        assertThat(inMargin).isEqualTo(10 * 3 * 20);
    }

    private static District zoned(District sector, long seed) {
        try {
            return DemoZones.withZones(sector, 2, seed);
        } catch (IllegalArgumentException tooSmall) {
            return sector;
        }
    }
}
