package org.vigie.fleet.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.fleet.mqtt.BrokerRig.await;
import static org.vigie.fleet.mqtt.BrokerRig.eventually;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;

/**
 * The centre and two simulated drones on a real Mosquitto (generated password and ACL files): orders, answers and
 * telemetry flow through the broker as signed frames; then bad input arrives from a client with drone 2's stolen
 * credentials (garbage, oversize, unsigned, another system's frame, a wrong key), a replay of drone 1's frames by an
 * insider, a client with a wrong password, a client flooding topics its ACL forbids, and a slow consumer that never
 * reads: each is rejected and counted by reason, and both drones keep answering orders.
 */
class FleetOverMosquittoTest {

    @TempDir
    Path dir;

    static DispatchRequest order(String alertId, District d) {
        GeoPoint t = DemoZones.offset(d, 60, 40);
        return DispatchRequest.builder(alertId, t.latDeg(), t.lonDeg()).requester("op-1", "test").reason("person down").build();
    }

    private static Mqtt5AsyncClient raw(BrokerRig rig, String id, String user, String password) {
        return MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1")
                .serverPort(rig.broker.port()).simpleAuth().username(user)
                .password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildAsync();
    }

    private static byte[] frameSignedWith(int systemId, int keyNumber) throws Exception {
        CompletableFuture<byte[]> first = new CompletableFuture<>();
        InMemoryTransport[] pair = InMemoryTransport.pair("forger", "capture");
        pair[1].start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                byte[] b = new byte[length];
                System.arraycopy(data, offset, b, 0, length);
                first.complete(b);
            }
        });
        ExecutorService cb = Executors.newSingleThreadExecutor();
        try (RealtimeScheduler s = new RealtimeScheduler("forger")) {
            SigningTimestamps ts = SigningTimestamps.open(s, TimestampStore.inMemory(null));
            MavlinkLink l = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(systemId),
                    BrokerRig.key(keyNumber), ts, 0), s, cb, pair[0]);
            try {
                return first.get(10, TimeUnit.SECONDS);
            } finally {
                l.close();
            }
        } finally {
            cb.shutdownNow();
        }
    }

    @Test
    void signedOrdersAndTelemetryCrossTheBrokerAndEveryKindOfBadInputIsCountedWithoutStallingTheFleet()
            throws Exception {
        try (BrokerRig rig = new BrokerRig(dir, 2, List.of("centre-a", "centre-b"))) {
            BrokerRig.CentreSide a = rig.centre("centre-a", CentreRole.ACTIVE);
            MqttSimDrone d1 = rig.drone(1);
            MqttSimDrone d2 = rig.drone(2);
            await(a.back(1));
            await(a.back(2));

            DispatchAck ack1 = await(a.fleet().dispatch(1, order("alert-1", rig.districts.get(0))));
            assertThat(ack1.status()).as(ack1.message()).isEqualTo(AckStatus.ACCEPTED);
            eventually(() -> "drone 1's position through the broker",
                    () -> a.centre().fleet().join().get(0).position() != null);

            // a client with drone 2's stolen credentials publishes junk on drone 2's topics
            Mqtt5AsyncClient thief = raw(rig, "thief", "drone-2", BrokerRig.dronePassword(2));
            thief.connect().get(10, TimeUnit.SECONDS);
            String t2 = BrokerRig.CITY.drone(2, FleetTopics.Kind.TELEMETRY);
            byte[] unsigned = {(byte) 0xFD, 9, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2};
            byte[] foreign = frameSignedWith(9, 2);
            byte[] wrongKey = frameSignedWith(2, 77);
            for (int i = 0; i < 500; i++) {
                thief.publishWith().topic(t2).payload(new byte[] {1, 2, 3}).qos(MqttQos.AT_LEAST_ONCE).send();
            }
            thief.publishWith().topic(t2).payload(new byte[1000]).send();
            thief.publishWith().topic(t2).payload(unsigned).send();
            thief.publishWith().topic(t2).payload(foreign).send();
            thief.publishWith().topic(t2).payload(wrongKey).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
            // drone 3's user may only touch drone 3's topics: its writes to drone 1's are dropped by the ACL
            Mqtt5AsyncClient intruder = raw(rig, "intruder", "drone-3", BrokerRig.dronePassword(3));
            intruder.connect().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 500; i++) {
                intruder.publishWith().topic(BrokerRig.CITY.drone(1, FleetTopics.Kind.ORDERS)).payload(wrongKey).send();
                intruder.publishWith().topic(BrokerRig.CITY.drone(1, FleetTopics.Kind.TELEMETRY)).payload(wrongKey)
                        .send();
            }
            // a wrong password is refused at the door
            assertThatThrownBy(() -> raw(rig, "stranger", "drone-1", "guess").connect().get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("NOT_AUTHORIZED");
            // an insider (a centre user) replays drone 1's signed frames, and posts on a topic nobody reads
            Mqtt5AsyncClient insider = raw(rig, "insider", "centre-b", BrokerRig.CENTRE_PASSWORD);
            CompletableFuture<byte[]> captured = new CompletableFuture<>();
            String t1 = BrokerRig.CITY.drone(1, FleetTopics.Kind.TELEMETRY);
            insider.publishes(MqttGlobalPublishFilter.ALL, p -> captured.complete(p.getPayloadAsBytes()));
            insider.connect().get(10, TimeUnit.SECONDS);
            insider.subscribeWith().topicFilter(t1).send().get(10, TimeUnit.SECONDS);
            byte[] old = captured.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                insider.publishWith().topic(t1).payload(old).qos(MqttQos.AT_LEAST_ONCE).send().get(10,
                        TimeUnit.SECONDS);
            }
            insider.publishWith().topic("vigie/paris/drone/1/bogus").payload(old).qos(MqttQos.AT_LEAST_ONCE).send()
                    .get(10, TimeUnit.SECONDS);
            // a slow consumer reads everything and never returns from its callback
            CountDownLatch never = new CountDownLatch(1);
            ExecutorService stuck = Executors.newSingleThreadExecutor();
            Mqtt5AsyncClient slow = raw(rig, "slow", "centre-b", BrokerRig.CENTRE_PASSWORD);
            slow.publishes(MqttGlobalPublishFilter.ALL, p -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, stuck);
            slow.connect().get(10, TimeUnit.SECONDS);
            slow.subscribeWith().topicFilter("vigie/#").qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);

            Rejections r = a.fleet().rejections();
            eventually(() -> "the junk counted: " + r + ", rejected frames of drone 1: " + a.fleet().rejectedFrames(1)
                    + ", of drone 2: " + a.fleet().rejectedFrames(2), () -> r.count(Rejection.MALFORMED) >= 500
                    && r.count(Rejection.OVERSIZE) == 1 && r.count(Rejection.UNSIGNED) == 1
                    && r.count(Rejection.FOREIGN_SYSTEM) == 1 && r.count(Rejection.UNKNOWN_TOPIC) == 1
                    && a.fleet().rejectedFrames(2) >= 1 && a.fleet().rejectedFrames(1) >= 3);
            assertThat(r.count(Rejection.MALFORMED)).isEqualTo(500);
            assertThat(d1.bridge.rejections().snapshot()).doesNotContainKeys(Rejection.MALFORMED, Rejection.UNSIGNED);
            assertThat(d1.server.stats().rejectedFrames()).isZero();

            // both drones still answer at once
            DispatchAck ack2 = await(a.fleet().dispatch(2, order("alert-2", rig.districts.get(1))));
            assertThat(ack2.status()).as(ack2.message()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(ack2.attempts()).as("answered without waiting behind the junk").isLessThanOrEqualTo(2);
            DispatchAck again = await(a.fleet().dispatch(1, order("alert-1", rig.districts.get(0))));
            assertThat(again.flightId()).isEqualTo(ack1.flightId());
            assertThat(d1.server.stats().duplicateOrders()).isPositive();
            assertThat(d1.flightsStarted).hasValue(1);
            assertThat(a.down()).isEmpty();
            assertThat(d2.bridge.connections()).isEqualTo(1);

            for (Mqtt5AsyncClient c : List.of(thief, intruder, insider, slow)) {
                c.disconnect().get(10, TimeUnit.SECONDS);
            }
            never.countDown();
            stuck.shutdown();
        }
    }
}
