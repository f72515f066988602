package org.vigie.fleet.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The topic tree: names built and read back; anything else is not a drone or centre topic; bad names refused. */
class FleetTopicsTest {

    private final FleetTopics paris = new FleetTopics("paris");

    @Test
    void droneTopicsRoundTripAndStrangersAreNotRead() {
        for (FleetTopics.Kind k : FleetTopics.Kind.values()) {
            assertThat(paris.parseDrone(paris.drone(17, k))).contains(new FleetTopics.DroneTopic(17, k));
        }
        assertThat(paris.drone(7, FleetTopics.Kind.TELEMETRY)).isEqualTo("vigie/paris/drone/7/telemetry");
        assertThat(paris.parseDrone("vigie/paris/drone/07/telemetry")).isEmpty();
        assertThat(paris.parseDrone("vigie/paris/drone/255/telemetry")).isEmpty();
        assertThat(paris.parseDrone("vigie/paris/drone/x/telemetry")).isEmpty();
        assertThat(paris.parseDrone("vigie/paris/drone/7/bogus")).isEmpty();
        assertThat(paris.parseDrone("vigie/lyon/drone/7/telemetry")).isEmpty();
        assertThat(paris.parseDrone("vigie/paris/drone/7/telemetry/more")).isEmpty();
        assertThat(paris.parseCentre(paris.centreState("centre-a"))).contains("centre-a");
        assertThat(paris.parseCentre("vigie/paris/centre/a b/state")).isEmpty();
    }

    @Test
    void badNamesAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> new FleetTopics("Paris/#")).hasMessageContaining("[a-z0-9-]");
        assertThatThrownBy(() -> paris.drone(0, FleetTopics.Kind.ORDERS)).hasMessageContaining("1-254");
        assertThatThrownBy(() -> paris.centreState("+")).hasMessageContaining("[A-Za-z0-9-]");
    }

    @Test
    void onlyExactlyOneSignedFrameIsAFrame() {
        byte[] signed = new byte[12 + 9 + 13];
        signed[0] = (byte) 0xFD;
        signed[1] = 9;
        signed[2] = 1;
        signed[5] = 7;
        assertThat(FrameCheck.check(signed)).isNull();
        assertThat(FrameCheck.systemId(signed)).isEqualTo(7);
        byte[] unsigned = new byte[12 + 9];
        unsigned[0] = (byte) 0xFD;
        unsigned[1] = 9;
        assertThat(FrameCheck.check(unsigned)).isEqualTo(Rejection.UNSIGNED);
        assertThat(FrameCheck.check(new byte[281])).isEqualTo(Rejection.OVERSIZE);
        assertThat(FrameCheck.check(new byte[] {(byte) 0xFE, 1, 2})).isEqualTo(Rejection.MALFORMED);
        byte[] trailing = java.util.Arrays.copyOf(signed, signed.length + 1);
        assertThat(FrameCheck.check(trailing)).isEqualTo(Rejection.MALFORMED);
        assertThat(FrameCheck.check(java.util.Arrays.copyOf(signed, signed.length - 1)))
                .isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void orderIdsAreTheSameOnEveryCentreAndDifferPerAlertAndDrone() {
        assertThat(OrderIds.of("alert-1", 3)).isEqualTo(OrderIds.of("alert-1", 3)).isNotZero();
        assertThat(OrderIds.of("alert-1", 3)).isNotEqualTo(OrderIds.of("alert-1", 4))
                .isNotEqualTo(OrderIds.of("alert-2", 3));
    }

    @Test
    void telemetryIsBoundedToItsRate() {
        long[] now = {0};
        RateBound r = new RateBound(10, () -> now[0]);
        int passed = 0;
        for (int i = 0; i < 100; i++) {
            passed += r.tryTake() ? 1 : 0;
        }
        assertThat(passed).isEqualTo(10);
        now[0] += 500_000_000L;
        passed = 0;
        for (int i = 0; i < 100; i++) {
            passed += r.tryTake() ? 1 : 0;
        }
        assertThat(passed).isEqualTo(5);
    }
}
