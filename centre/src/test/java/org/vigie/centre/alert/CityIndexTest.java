package org.vigie.centre.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;

/** The whole city: 240 districts in the STRtree, 20,000 seeded buttons each found in the district it was placed in. */
class CityIndexTest {

    @Test
    void everyOneOfTwentyThousandSeededButtonsIsFoundInItsOwnDistrictAndPointsOutsideParisInNone() throws Exception {
        List<ParisQuartiers.Quartier> qs = new ArrayList<>(ParisQuartiers.load(Path.of("..", "data",
                "paris-quartiers.geojson")));
        qs.sort(ParisQuartiers.BY_NUMBER);
        List<District> districts = new ArrayList<>();
        for (ParisQuartiers.Quartier q : qs) {
            districts.addAll(ParisQuartiers.sectors(q));
        }
        assertThat(districts).hasSize(240);
        DistrictIndex index = new DistrictIndex(districts);
        ButtonRegistry buttons = ButtonRegistry.seeded(index, 20_000, 0.2, 15, 1);
        assertThat(buttons.size()).isEqualTo(20_000);
        int i = 0;
        long personal = 0;
        for (Button b : buttons.all()) {
            District placed = districts.get(i++ % districts.size());
            assertThat(index.locate(b.position())).as(b.id()).contains(placed);
            assertThat(placed.geofence().signedDistanceM(b.position())).isGreaterThanOrEqualTo(15);
            personal += b.kind() == ButtonKind.PERSONAL_DEVICE ? 1 : 0;
        }
        assertThat(personal).isBetween(3_600L, 4_400L);
        assertThat(ButtonRegistry.seeded(index, 20_000, 0.2, 15, 1).find("B12345").map(Button::position))
                .isEqualTo(buttons.find("B12345").map(Button::position));
        assertThat(index.locate(48.80, 2.20)).isEmpty();
        assertThat(index.locate(51.5, -0.12)).isEmpty();
        assertThat(buttons.find("B20001")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> new DistrictIndex(List.of(districts.get(0), districts.get(0))))
                .hasMessageContaining("appears twice");
    }
}
