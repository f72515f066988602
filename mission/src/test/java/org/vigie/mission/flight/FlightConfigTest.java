package org.vigie.mission.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlightConfigTest {

    @Test
    void defaultsHoldTheNumbersTheFlightAlwaysUsed() {
        FlightConfig c = FlightConfig.defaults();
        assertThat(c.legs().resendAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(c.legs().maxResends()).isEqualTo(3);
        assertThat(c.legs().brakeHold()).isEqualTo(Duration.ofSeconds(4));
        assertThat(c.legs().planStartOutsideM()).isEqualTo(150.0);
        assertThat(c.steps().armRetryDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.steps().takeoffAttempts()).isEqualTo(3);
        assertThat(c.failsafes().breachCheckPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.failsafes().returnDistanceFactor()).isEqualTo(1.5);
    }

    @Test
    void copiesKeepTheGroups() {
        FlightConfig.Legs legs = new FlightConfig.Legs(Duration.ofSeconds(3), 5, 1.0, 0.5, 2.0, Duration.ofSeconds(20),
                Duration.ofSeconds(4), 1.0, 150.0);
        FlightConfig c = FlightConfig.defaults().withLegs(legs).withCruiseSpeedMps(12);
        assertThat(c.legs()).isEqualTo(legs);
        assertThat(c.cruiseSpeedMps()).isEqualTo(12);
        assertThat(c.steps()).isEqualTo(FlightConfig.Steps.defaults());
    }

    @Test
    void invalidValuesAreRejectedByName() {
        assertThatThrownBy(() -> new FlightConfig.Legs(Duration.ZERO, 3, 1.0, 0.5, 2.0, Duration.ofSeconds(20),
                Duration.ofSeconds(4), 1.0, 150.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resendAfter");
        assertThatThrownBy(() -> new FlightConfig.Legs(Duration.ofSeconds(6), -1, 1.0, 0.5, 2.0,
                Duration.ofSeconds(20), Duration.ofSeconds(4), 1.0, 150.0)).hasMessageContaining("maxResends");
        assertThatThrownBy(() -> new FlightConfig.Failsafes(Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2), 0.1, 0.9))
                .hasMessageContaining("returnDistanceFactor");
        assertThatThrownBy(() -> FlightConfig.defaults().withPreflightTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("preflightTimeout");
    }
}
