package org.vigie.mission;

import org.vigie.dispatch.FlightPhase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlightPhaseTest {

    @Test
    void nominalPathIsAllowedStepByStep() {
        List<FlightPhase> path = List.of(FlightPhase.PREFLIGHT, FlightPhase.UPLOAD, FlightPhase.ARM,
                FlightPhase.TAKEOFF, FlightPhase.TRANSIT, FlightPhase.ON_SCENE, FlightPhase.RETURN, FlightPhase.LAND,
                FlightPhase.DONE);
        for (int i = 0; i + 1 < path.size(); i++) {
            assertThat(path.get(i).canTransitionTo(path.get(i + 1))).as(path.get(i) + "->" + path.get(i + 1)).isTrue();
        }
    }

    @Test
    void terminalPhasesHaveNoSuccessor() {
        for (FlightPhase p : EnumSet.of(FlightPhase.DONE, FlightPhase.ABORTED, FlightPhase.FAILED)) {
            assertThat(p.isTerminal()).isTrue();
            assertThat(p.next()).isEmpty();
            for (FlightPhase q : FlightPhase.values()) {
                assertThat(p.canTransitionTo(q)).isFalse();
            }
        }
    }

    @Test
    void everyNonTerminalPhaseCanAbortOrFailButNeverStayOrSkip() {
        for (FlightPhase p : FlightPhase.values()) {
            assertThat(p.canTransitionTo(p)).as("self " + p).isFalse();
            if (!p.isTerminal()) {
                assertThat(p.next()).contains(FlightPhase.ABORTED, FlightPhase.FAILED);
            }
        }
        assertThat(FlightPhase.PREFLIGHT.canTransitionTo(FlightPhase.TAKEOFF)).isFalse();
        assertThat(FlightPhase.UPLOAD.canTransitionTo(FlightPhase.TRANSIT)).isFalse();
        assertThat(FlightPhase.TRANSIT.canTransitionTo(FlightPhase.DONE)).isFalse();
        assertThat(FlightPhase.ARM.canTransitionTo(FlightPhase.RETURN)).isFalse();
    }

    @Test
    void doneOnlyAfterLandingAndRetaskOnlyFromAirborne() {
        for (FlightPhase p : FlightPhase.values()) {
            assertThat(p.canTransitionTo(FlightPhase.DONE)).isEqualTo(p == FlightPhase.LAND);
            assertThat(p.canTransitionTo(FlightPhase.TRANSIT))
                    .isEqualTo(EnumSet.of(FlightPhase.TAKEOFF, FlightPhase.ON_SCENE, FlightPhase.RETURN).contains(p));
        }
    }

    @Test
    void nextSetIsUnmodifiable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlightPhase.PREFLIGHT.next().add(FlightPhase.DONE))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
