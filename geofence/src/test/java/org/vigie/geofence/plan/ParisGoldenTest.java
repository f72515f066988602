package org.vigie.geofence.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;

/**
 * Golden plans on real quartiers, each with 10 deterministic demo exclusion zones (seed = quartier number), from the
 * inscribed-centre home to landmarks on their streets. Lengths were recorded from the planner and checked against the
 * straight line; a change beyond 0.5 m means the planner or the data changed.
 */
class ParisGoldenTest {

    private static List<ParisQuartiers.Quartier> quartiers;

    @BeforeAll
    static void load() throws Exception {
        quartiers = ParisQuartiers.load(Path.of("..", "data", "paris-quartiers.geojson"));
    }

    @ParameterizedTest(name = "{0} -> {1},{2} ({3})")
    @CsvSource(delimiter = ';', value = {
        // quartier; lat; lon; landmark; outcome; horizontal length m or message fragment; waypoints
        "Notre-Dame; 48.8530; 2.3499; Notre-Dame cathedral parvis; PLANNED; 105.9; 4",
        "Notre-Dame; 48.8516; 2.3570; rue Saint-Louis-en-l'Île; PLANNED; 604.2; 9",
        "Notre-Dame; 48.8584; 2.2945; Eiffel Tower; TARGET_OUTSIDE_DISTRICT; lies 3708 m west of district 'Notre-Dame'; 0",
        "Arsenal; 48.8517; 2.3633; Bibliothèque de l'Arsenal; PLANNED; 78.5; 4",
        "Arsenal; 48.8498; 2.3622; square Henri-Galli; PLANNED; 248.7; 4",
        "Arsenal; 48.8532; 2.3691; place de la Bastille (on the boundary); PLANNED; 388.9; 5",
        "Arsenal; 48.8468; 2.3675; gare d'Austerlitz side; TARGET_OUTSIDE_DISTRICT; lies 97 m south-east of district 'Arsenal'; 0",
        "Saint-Germain-des-Prés; 48.8539; 2.3338; église Saint-Germain-des-Prés; PLANNED; 94.5; 4",
        "Saint-Germain-des-Prés; 48.8541; 2.3325; café de Flore (inside demo zone 9); PLANNED; 108.6; 4",
        "Saint-Germain-des-Prés; 48.8575; 2.3330; quai Malaquais; PLANNED; 312.0; 4",
        "Saint-Germain-des-Prés; 48.8510; 2.3280; rue de Sèvres; TARGET_OUTSIDE_DISTRICT; lies 97 m south of district 'Saint-Germain-des-Prés'; 0",
        "Odéon; 48.8497; 2.3387; théâtre de l'Odéon; PLANNED; 159.1; 4",
        "Odéon; 48.8462; 2.3372; jardin du Luxembourg; PLANNED; 336.8; 4",
        "Odéon; 48.8525; 2.3410; place Saint-Michel; TARGET_OUTSIDE_DISTRICT; lies 111 m north-east of district 'Odéon'; 0",
        "Saint-Gervais; 48.8572; 2.3590; rue des Francs-Bourgeois; PLANNED; 188.5; 4",
    })
    void golden(String quartier, double lat, double lon, String landmark, String outcome, String expected,
            int waypoints) {
        ParisQuartiers.Quartier q = ParisQuartiers.byName(quartiers, quartier);
        District d = DemoZones.withZones(ParisQuartiers.district(q), 10, q.number());
        DistrictPlanner planner = new DistrictPlanner(d);
        GeoPoint target = GeoPoint.of(lat, lon);
        PlanResult r = planner.plan(d.home(), target);
        if (outcome.equals("PLANNED")) {
            assertThat(r).as(landmark).isInstanceOf(PlanResult.Planned.class);
            Route route = ((PlanResult.Planned) r).route();
            assertThat(route.horizontalLengthM()).as(landmark).isCloseTo(Double.parseDouble(expected), within(0.5));
            assertThat(route.waypoints()).hasSize(waypoints);
            assertThat(route.horizontalLengthM())
                    .isGreaterThanOrEqualTo(Geodesy.distanceM(d.home(), route.destination()) - 0.01);
            for (Waypoint w : route.waypoints()) {
                assertThat(d.geofence().contains(w.position())).as("waypoint %s inside the fence", w).isTrue();
                assertThat(d.geofence().signedDistanceM(w.position())).isGreaterThan(9.9);
            }
        } else {
            assertThat(r).as(landmark).isInstanceOf(PlanResult.Refused.class);
            PlanFailure f = ((PlanResult.Refused) r).failure();
            assertThat(f.reason()).isEqualTo(PlanFailureReason.valueOf(outcome));
            assertThat(f.message()).isEqualTo("target " + target.latLonText() + " " + expected);
        }
    }
}
