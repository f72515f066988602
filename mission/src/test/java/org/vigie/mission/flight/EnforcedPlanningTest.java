package org.vigie.mission.flight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.export.EnforcedDistrict;
import org.vigie.geofence.export.FenceCapacity;
import org.vigie.geofence.export.FenceExport;
import org.vigie.geofence.export.FenceExporter;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.plan.PlanOptions;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.geofence.zone.District;

/**
 * Planning inside the fence ArduCopter will hold (560 bytes) instead of refusing routes the simplification cuts: over
 * the 80 quartiers with four zones each and seeded targets, every route planned in the {@link EnforcedDistrict} keeps
 * half the margin inside the exported fence, and no target the true district serves is refused for the cut.
 */
class EnforcedPlanningTest {

    @Test
    void routesPlannedInsideTheExportedFenceNeverNeedRefusing() throws Exception {
        List<ParisQuartiers.Quartier> qs = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
        Random rnd = new Random(13);
        PlanOptions opts = new PlanOptions(8, 2.5, 1.5, 150);
        int planned = 0;
        int cutBefore = 0;
        int refusedNow = 0;
        for (ParisQuartiers.Quartier q : qs) {
            District d = DemoZones.withZones(ParisQuartiers.district(q), 4, q.number());
            FenceExport.Exported e = (FenceExport.Exported) new FenceExporter(FenceCapacity.arduPilotDefault(),
                    false).export(d);
            AutopilotFenceCheck check = new AutopilotFenceCheck(d.geofence().frame(), e.shapes(),
                    d.horizontalMarginM() / 2);
            DistrictPlanner truePlanner = new DistrictPlanner(d);
            DistrictPlanner enforced = new DistrictPlanner(EnforcedDistrict.of(d, e.shapes()));
            var env = d.geofence().inclusionEnu().getEnvelopeInternal();
            for (int k = 0; k < 6; k++) {
                GeoPoint t;
                do {
                    t = d.geofence().frame().toGeo(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                            env.getMinY() + rnd.nextDouble() * env.getHeight(), 0);
                } while (!d.geofence().contains(t));
                PlanResult before = truePlanner.plan(d.home(), t, opts);
                boolean servedBefore = before instanceof PlanResult.Planned;
                if (servedBefore && check.problem(((PlanResult.Planned) before).route(), "outbound") != null) {
                    cutBefore++;
                }
                PlanResult now = enforced.plan(d.home(), t, opts);
                if (now instanceof PlanResult.Planned p) {
                    planned++;
                    assertThat(check.problem(p.route(), "outbound")).as("%s to %s", d.name(), t.latLonText())
                            .isNull();
                    PlanResult back = enforced.planReturn(p.route().destination(), opts);
                    assertThat(back).isInstanceOf(PlanResult.Planned.class);
                    assertThat(check.problem(((PlanResult.Planned) back).route(), "return")).isNull();
                } else if (servedBefore) {
                    refusedNow++;
                }
            }
        }
        System.out.printf("planned %d routes inside the exported fences; %d routes planned in the true district"
                + " would have been refused for the cut; %d targets served before are refused now%n", planned,
                cutBefore, refusedNow);
        assertThat(refusedNow).isZero();
        assertThat(cutBefore).as("the simplification matters").isPositive();
    }
}
