package org.vigie.fleet.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.fleet.mqtt.BrokerRig.await;
import static org.vigie.fleet.mqtt.BrokerRig.eventually;
import static org.vigie.fleet.mqtt.FleetOverMosquittoTest.order;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.centre.fleet.DroneState;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.mission.Flight;

/**
 * Faults on a real Mosquitto: the broker restarts mid-flight (sessions lost), a drone's connection drops (its Last
 * Will), and the active centre dies with a standby on the broker (its Last Will hands over).
 */
class BrokerFaultsTest {

    @TempDir
    Path dir;

    private static GeoPoint position(BrokerRig.CentreSide c, int id) {
        DroneState s = c.centre().fleet().join().get(id - 1);
        return s.position() == null ? new GeoPoint(0, 0, 0) : s.position();
    }

    @Test
    void brokerRestartMidFlightTheFlightGoesOnTheLinkComesBackNothingIsDoneTwiceAndALostDroneIsMarkedOffline()
            throws Exception {
        try (BrokerRig rig = new BrokerRig(dir, 2, List.of("centre-a"))) {
            BrokerRig.CentreSide a = rig.centre("centre-a", CentreRole.ACTIVE);
            MqttSimDrone d1 = rig.drone(1);
            MqttSimDrone d2 = rig.drone(2);
            CompletableFuture<Flight> flight = new CompletableFuture<>();
            d1.companion.onFlightStarted(flight::complete);
            await(a.back(1));
            await(a.back(2));
            DispatchAck ack = await(a.fleet().dispatch(1, order("alert-r", rig.districts.get(0))));
            assertThat(ack.status()).as(ack.message()).isEqualTo(AckStatus.ACCEPTED);
            Flight f = await(flight);
            eventually(() -> "airborne", () -> position(a, 1).altitudeRelM() > 5);
            GeoPoint before = position(a, 1);

            rig.broker.restart(Duration.ofSeconds(2));

            eventually(() -> "both drones reconnected: " + d1.bridge.connections() + ", "
                    + d2.bridge.connections() + ", centre " + a.fleet().connected() + ", broker pid " + rig.broker.pid(), () -> d1.bridge.connections() >= 2
                    && d2.bridge.connections() >= 2 && a.fleet().connected());
            assertThat(f.report().isCompletedExceptionally()).isFalse();
            eventually(() -> "drone 1 heard moving again after the restart",
                    () -> !position(a, 1).equals(before));
            DispatchAck again = await(a.fleet().dispatch(1, order("alert-r", rig.districts.get(0))));
            assertThat(again.flightId()).isEqualTo(ack.flightId());
            assertThat(d1.server.stats().duplicateOrders()).isPositive();
            assertThat(d1.flightsStarted).hasValue(1);
            assertThat(d1.companion.currentFlight()).containsSame(f);

            d2.bridge.crash();
            assertThat(await(a.down(2))).contains("MQTT session ended");
            eventually(() -> "drone 1 up at the centre", () -> a.centre().fleet().join().get(0).availability()
                    != org.vigie.centre.fleet.Availability.DOWN);
        }
    }

    @Test
    void theStandbyTakesOverWhenTheActiveCentresLastWillFiresAndTheRepeatedOrderIsNotFlownTwice() throws Exception {
        try (BrokerRig rig = new BrokerRig(dir, 1, List.of("centre-a", "centre-b"))) {
            BrokerRig.CentreSide a = rig.centre("centre-a", CentreRole.ACTIVE);
            BrokerRig.CentreSide b = rig.centre("centre-b", CentreRole.STANDBY);
            CompletableFuture<CentreRole> promoted = new CompletableFuture<>();
            b.fleet().onRoleChange(promoted::complete);
            MqttSimDrone d1 = rig.drone(1);
            await(a.back(1));
            await(b.back(1));
            assertThatThrownBy(() -> b.fleet().dispatch(1, order("alert-f", rig.districts.get(0))).join())
                    .hasMessageContaining("standby");

            DispatchAck first = await(a.fleet().dispatch(1, order("alert-f", rig.districts.get(0))));
            assertThat(first.status()).as(first.message()).isEqualTo(AckStatus.ACCEPTED);
            a.fleet().crash();

            assertThat(await(promoted)).isEqualTo(CentreRole.ACTIVE);
            assertThat(b.fleet().role()).isEqualTo(CentreRole.ACTIVE);
            DispatchAck repeated = await(b.fleet().dispatch(1, order("alert-f", rig.districts.get(0))));
            assertThat(repeated.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(repeated.flightId()).isEqualTo(first.flightId());
            assertThat(repeated.requestId()).isEqualTo(first.requestId());
            assertThat(d1.server.stats().duplicateOrders()).isPositive();
            assertThat(d1.flightsStarted).hasValue(1);
            assertThat(b.down()).isEmpty();
        }
    }
}
