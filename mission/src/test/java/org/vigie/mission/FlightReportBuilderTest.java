package org.vigie.mission;

import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlightReportBuilderTest {

    private static final DispatchRequest REQ = DispatchRequest.builder("A-9", 48.85, 2.35).reason("panic button")
            .requester("op-7", "centre 4").build();

    @Test
    void takesTheDispatchFromTheRequestAndDefaultsTheRest() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        FlightReport r = FlightReport.builder(REQ).outcome(FlightOutcome.COMPLETED, FlightPhase.DONE, "landed")
                .times(t0, t0.plusSeconds(90)).failsafes(List.of(FailsafeKind.PREDICTED_BREACH), 2).build();
        assertThat(r.alertId()).isEqualTo("A-9");
        assertThat(r.requesterId()).isEqualTo("op-7");
        assertThat(r.requesterOrigin()).isEqualTo("centre 4");
        assertThat(r.reason()).isEqualTo("panic button");
        assertThat(r.targetLatDeg()).isEqualTo(48.85);
        assertThat(r.totalTime().toSeconds()).isEqualTo(90);
        assertThat(r.failsafes()).containsExactly(FailsafeKind.PREDICTED_BREACH);
        assertThat(r.retasks()).isEqualTo(2);
        assertThat(r.plannedRoutes()).isEmpty();
        assertThat(r.energyUsedWh()).isNaN();
    }

    @Test
    void refusesANonTerminalPhaseOrMissingTimes() {
        Instant t0 = Instant.EPOCH;
        assertThatThrownBy(() -> FlightReport.builder(REQ).outcome(FlightOutcome.FAILED, FlightPhase.LAND, "x")
                .times(t0, t0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlightReport.builder(REQ).outcome(FlightOutcome.FAILED, FlightPhase.FAILED, "x")
                .build()).isInstanceOf(NullPointerException.class);
    }
}
