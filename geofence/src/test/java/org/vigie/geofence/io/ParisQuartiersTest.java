package org.vigie.geofence.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.plan.DistrictPlanner;
import org.vigie.geofence.plan.PlanResult;
import org.vigie.geofence.zone.District;

class ParisQuartiersTest {

    private static List<ParisQuartiers.Quartier> quartiers;

    @BeforeAll
    static void load() throws Exception {
        quartiers = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
    }

    @Test
    void eightyQuartiersWith8366Vertices() {
        assertThat(quartiers).hasSize(80);
        int closedVertices = quartiers.stream().mapToInt(q -> q.polygon().vertexCount() + 1).sum();
        assertThat(closedVertices).isEqualTo(8366);
        assertThat(ParisQuartiers.byName(quartiers, "hopital-saint-louis").name()).isEqualTo("Hôpital-Saint-Louis");
        assertThatThrownBy(() -> ParisQuartiers.byName(quartiers, "Marais")).hasMessageContaining("no quartier named"
                + " 'Marais'");
    }

    @Test
    void everyQuartierIsAValidDistrictWithHomeWellInside() {
        for (ParisQuartiers.Quartier q : quartiers) {
            District d = ParisQuartiers.district(q);
            assertThat(d.geofence().signedDistanceM(d.home())).as(q.name()).isGreaterThan(50.0);
            double area = d.geofence().inclusionEnu().getArea();
            assertThat(area / q.surfaceM2()).as(q.name()).isBetween(0.99, 1.01);
        }
    }

    @Test
    void twoHundredFortySectorsEachPlannable() {
        int n = 0;
        for (ParisQuartiers.Quartier q : quartiers) {
            List<District> sectors = ParisQuartiers.sectors(q);
            assertThat(sectors).hasSize(3);
            for (District s : sectors) {
                assertThat(s.geofence().contains(s.home())).isTrue();
                n++;
            }
        }
        assertThat(n).isEqualTo(240);
        District s = ParisQuartiers.sectors(ParisQuartiers.byName(quartiers, "Arsenal")).get(1);
        PlanResult r = new DistrictPlanner(s).planReturn(s.home().withAltitudeRelM(40), 
                org.vigie.geofence.plan.PlanOptions.DEFAULT);
        assertThat(r).isInstanceOf(PlanResult.Planned.class);
    }

    @Test
    void unionIsOneDistrict() {
        District paris = ParisQuartiers.unionDistrict(quartiers, 20000);
        assertThat(paris.inclusion().vertexCount()).isGreaterThan(1000);
        double total = quartiers.stream().mapToDouble(ParisQuartiers.Quartier::surfaceM2).sum();
        assertThat(paris.geofence().inclusionEnu().getArea() / total).isBetween(0.98, 1.02);
    }
}
