package org.vigie.mission.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class EnergyModelTest {

    private final EnergyModel m = EnergyModel.typicalQuad();

    @Test
    void handComputedFlight() {
        // 1000 m out and back at 10 m/s, 30 m at 3 m/s up and 1.5 m/s down, 60 s on scene
        EnergyBudget b = m.flight(1000, 1000, 10, 30, 3, 1.5, 60);
        double climbW = 180 + 1.5 * 9.80665 * 3 / 0.5;
        assertThat(b.takeoffWh()).isCloseTo(climbW * 10 / 3600, within(1e-9));
        assertThat(b.outboundWh()).isCloseTo(190 * 100 / 3600.0, within(1e-9));
        assertThat(b.onSceneWh()).isCloseTo(3.0, within(1e-9));
        assertThat(b.landingWh()).isCloseTo(180 * 0.8 * 20 / 3600, within(1e-9));
        assertThat(b.reserveWh()).isCloseTo(0.2 * b.plannedWh() + 3, within(1e-9));
        assertThat(b.flightTimeS()).isCloseTo(10 + 100 + 60 + 100 + 20, within(1e-9));
        assertThat(b.requiredWh()).isLessThan(m.batteryCapacityWh());
    }

    @Property
    void moreDistanceNeverNeedsLessEnergy(@ForAll @DoubleRange(min = 0, max = 5000) double d,
                                          @ForAll @DoubleRange(min = 0, max = 1000) double extra) {
        assertThat(m.flight(d + extra, d, 8, 30, 2, 1, 30).requiredWh())
                .isGreaterThanOrEqualTo(m.flight(d, d, 8, 30, 2, 1, 30).requiredWh());
        assertThat(m.returnRequiredWh(d + extra, 8, 30, 1)).isGreaterThanOrEqualTo(m.returnRequiredWh(d, 8, 30, 1));
    }

    @Test
    void batteryReadings() {
        assertThat(m.availableWh(50).getAsDouble()).isEqualTo(37.0);
        assertThat(m.availableWh(-1)).isEmpty();
        assertThat(m.availableWh(101)).isEmpty();
        assertThat(m.usedWh(100, 75)).isCloseTo(18.5, within(1e-9));
        assertThat(m.usedWh(-1, 75)).isNaN();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> m.flight(-1, 0, 8, 30, 2, 1, 0)).hasMessageContaining("outboundM -1.0");
        assertThatThrownBy(() -> m.flight(0, 0, 0, 30, 2, 1, 0)).hasMessageContaining("cruiseSpeedMps 0.0");
        assertThatThrownBy(() -> new EnergyModel(0, 1, 1, 1, 0.5, 0.8, 0.2, 1))
                .hasMessageContaining("batteryCapacityWh");
        assertThatThrownBy(() -> new EnergyModel(10, 1, 1, 1, 0.5, 0.8, 1.5, 1)).hasMessageContaining("reserveFraction");
    }
}
