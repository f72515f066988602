package org.vigie.mission.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.minimal.MavType;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchClient;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.signing.KeyEvent;
import org.vigie.link.signing.KeyRotationOptions;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningKeyring;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.StreamTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportState;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.sim.SimHarness;
import org.vigie.sim.SimConfig;

/**
 * The dispatch link's key rotates on both ends without a restart (a 20-second switchover): orders are answered
 * before, during and after the switchover, the centre's heartbeats keep the drone's watch fed throughout, and an
 * order signed with the retired key is refused and counted.
 */
class DispatchKeyRotationTest {

    private static final SigningKey NEW = key(99);

    private static SigningKey key(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return SigningKey.of(b);
    }

    private static <T> T await(SimHarness sim, CompletableFuture<T> f) {
        sim.scheduler.advanceUntil(f::isDone, Duration.ofMillis(50), Duration.ofSeconds(10));
        return f.getNow(null);
    }

    @Test
    void ordersAreAnsweredBeforeDuringAndAfterARotationAndTheRetiredKeyIsRefused() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        try (SimHarness sim = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults())) {
            sim.advance(Duration.ofSeconds(2));
            var s = sim.scheduler;
            InMemoryTransport[] pair = InMemoryTransport.pair("drone-dispatch", "centre");
            InMemoryTransport[] bad = InMemoryTransport.pair("drone-open-port", "attacker");
            bad[1].start(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {
                }

                @Override
                public void onState(TransportState state, String detail) {
                }
            });
            SigningKeyring droneKeys = SigningKeyring.open(DispatchHarness.KEY, s, s.callbackExecutor(),
                    KeyRotationOptions.of(Duration.ofSeconds(20)));
            SigningKeyring centreKeys = SigningKeyring.open(DispatchHarness.KEY, s, s.callbackExecutor(),
                    KeyRotationOptions.of(Duration.ofSeconds(20)).withFollowPeer(false));
            List<KeyEvent> droneEvents = new CopyOnWriteArrayList<>();
            droneKeys.onEvent(droneEvents::add);
            MavlinkLink drone = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(DispatchHarness.DRONE),
                    droneKeys, SigningTimestamps.open(s, TimestampStore.inMemory(null)),
                    StreamTimestamps.volatileMemory(), 0), s, s.callbackExecutor(), pair[0], bad[0]);
            MavlinkLink centre = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(DispatchHarness.CENTRE)
                    .withComponentId(190).withHeartbeatType(MavType.MAV_TYPE_GCS), centreKeys,
                    SigningTimestamps.open(s, TimestampStore.inMemory(null)), StreamTimestamps.volatileMemory(), 1),
                    s, s.callbackExecutor(), pair[1]);
            assertThat(DispatchSecurity.keys(drone.config())).isSameAs(droneKeys);
            DispatchServer server = DispatchServer.start(sim.companion, drone, DispatchServerOptions.defaults());
            DispatchClient client = DispatchClient.start(centre, DispatchHarness.clientOptions(31));
            try {
                sim.advance(Duration.ofSeconds(2));
                // targets outside the district: answered REFUSED_PLAN by the planner, no flight needed to prove it
                DispatchAck before = await(sim, client.dispatch(SimHarness.request("K-1",
                        DemoZones.offset(d, 5000, 5000)).build(), DispatchHarness.DRONE));
                assertThat(before.status()).as(before.message()).isEqualTo(AckStatus.REFUSED_PLAN);

                droneKeys.install(NEW);
                sim.advance(Duration.ofSeconds(4));
                centreKeys.install(NEW);
                sim.advance(Duration.ofSeconds(1));
                assertThat(centreKeys.switchOutgoing()).isNotNull();
                sim.advance(Duration.ofSeconds(2));
                assertThat(droneKeys.outgoing()).as("the drone followed the centre").isEqualTo(NEW);
                DispatchAck during = await(sim, client.dispatch(SimHarness.request("K-2",
                        DemoZones.offset(d, 5000, 5000)).build(), DispatchHarness.DRONE));
                assertThat(during.status()).as(during.message()).isEqualTo(AckStatus.REFUSED_PLAN);

                sim.advance(Duration.ofSeconds(20));
                assertThat(droneKeys.accepted()).containsExactly(NEW);
                assertThat(centreKeys.accepted()).containsExactly(NEW);
                long heartbeats = server.stats().centreHeartbeats();
                sim.advance(Duration.ofSeconds(10));
                assertThat(server.stats().centreHeartbeats()).as("still fed after the rotation")
                        .isGreaterThan(heartbeats);

                // an order signed with the retired key (leaked, or a centre that missed the rotation)
                byte[] order = DispatchHarness.oneFragment(new DispatchMessage.Dispatch(77,
                        SimHarness.request("K-OLD", DemoZones.offset(d, 150, 100)).build()));
                var tunnel = org.vigie.dispatch.TunnelSender.tunnel(DispatchHarness.DRONE, 191, order);
                var codec = new org.vigie.link.codec.MessageCodec();
                byte[] raw = new org.vigie.link.codec.FrameWriter().encodeV2(DispatchHarness.CENTRE, 190, 385,
                        codec.encodePayload(tunnel), new MavlinkSigner(DispatchHarness.KEY, 5,
                                SigningTimestamps.open(s, TimestampStore.inMemory(null)))).raw();
                bad[1].send(raw, 0, raw.length);
                sim.advance(Duration.ofSeconds(1));
                assertThat(server.stats().rejectedRetiredKey()).isEqualTo(1);
                assertThat(server.stats().rejectedFrames()).isEqualTo(1);
                assertThat(server.stats().ordersReceived()).isEqualTo(2);
                DispatchAck after = await(sim, client.dispatch(SimHarness.request("K-3",
                        DemoZones.offset(d, 5000, 5000)).build(), DispatchHarness.DRONE));
                assertThat(after.status()).as(after.message()).isEqualTo(AckStatus.REFUSED_PLAN);
                assertThat(sim.sim.armed()).isFalse();
                assertThat(droneEvents).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                        "KeyInstalled", "NewKeyHeard", "OutgoingSwitched", "KeyRetired");
                sim.advance(Duration.ofSeconds(1));
                assertThat(sim.companion.options().accountability().recent())
                        .filteredOn(e -> e.type().startsWith("key."))
                        .as("every step of the rotation is in the drone's audit trail, with key ids only")
                        .extracting(org.vigie.audit.AuditEntry::type)
                        .containsExactly("key.installed", "key.heard", "key.switched", "key.retired");
                assertThat(sim.companion.options().accountability().signingKeyId())
                        .as("orders after the switch are recorded with the new key's id")
                        .isEqualTo(droneEvents.get(0) instanceof KeyEvent.KeyInstalled i ? i.keyId() : "?");
            } finally {
                client.close();
                server.close();
                centre.close();
                drone.close();
            }
        }
    }
}
