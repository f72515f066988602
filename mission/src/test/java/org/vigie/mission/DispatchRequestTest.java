package org.vigie.mission;

import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatchRequestTest {

    private static DispatchRequest.Builder valid() {
        return DispatchRequest.builder("A-42", 48.8566, 2.3522).reason("emergency button, rue de Rivoli")
                .requester("op-17", "centre Paris 4 / console 3");
    }

    @Test
    void validRequestKeepsEveryField() {
        DispatchRequest r = valid().altitudeRelM(40).priority(DispatchPriority.EMERGENCY)
                .onSceneTime(Duration.ofSeconds(90)).build();
        assertThat(r.alertId()).isEqualTo("A-42");
        assertThat(r.altitudeRelM().getAsDouble()).isEqualTo(40);
        assertThat(r.priority()).isEqualTo(DispatchPriority.EMERGENCY);
        assertThat(r.requesterOrigin()).isEqualTo("centre Paris 4 / console 3");
        assertThat(r.withTarget(48.86, 2.35).targetLatDeg()).isEqualTo(48.86);
    }

    @Test
    void badValuesAreNamedInTheMessage() {
        assertThatThrownBy(() -> DispatchRequest.builder("A", 91, 2).reason("r").requester("a", "b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetLatDeg 91.0");
        assertThatThrownBy(() -> DispatchRequest.builder("A", 48, Double.NaN).reason("r").requester("a", "b").build())
                .hasMessageContaining("targetLonDeg NaN");
        assertThatThrownBy(() -> valid().altitudeRelM(300).build()).hasMessageContaining("altitudeRelM 300.0");
        assertThatThrownBy(() -> valid().onSceneTime(Duration.ZERO).build()).hasMessageContaining("onSceneTime");
        assertThatThrownBy(() -> DispatchRequest.builder("A", 48, 2).requester("a", "b").build())
                .hasMessageContaining("reason is missing");
        assertThatThrownBy(() -> DispatchRequest.builder("A", 48, 2).reason("r").build())
                .hasMessageContaining("requesterId is missing");
        assertThatThrownBy(() -> DispatchRequest.builder(" ", 48, 2).reason("r").requester("a", "b").build())
                .hasMessageContaining("alertId");
        assertThatThrownBy(() -> valid().reason("a\u0000b").build()).hasMessageContaining("control character");
        assertThatThrownBy(() -> valid().priority(null).build()).hasMessageContaining("priority");
    }

    @Test
    void priorityOrder() {
        assertThat(DispatchPriority.EMERGENCY.outranks(DispatchPriority.URGENT)).isTrue();
        assertThat(DispatchPriority.URGENT.outranks(DispatchPriority.URGENT)).isFalse();
        assertThat(DispatchPriority.ROUTINE.outranks(DispatchPriority.URGENT)).isFalse();
    }
}
