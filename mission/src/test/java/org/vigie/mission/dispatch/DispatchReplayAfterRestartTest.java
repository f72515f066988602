package org.vigie.mission.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.minimal.MavType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchClient;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.signing.AtomicFileStreamTimestampStore;
import org.vigie.link.signing.AtomicFileTimestampStore;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.SigningKeyring;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.StreamTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportState;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.sim.SimHarness;
import org.vigie.sim.SimConfig;

/**
 * The drone's end: everything the centre sent (HEARTBEATs, DISPATCH, RETASK and CANCEL TUNNELs) is captured on the
 * wire and replayed byte for byte after the drone's dispatch end restarted, with no centre running. With the replay
 * memory stored, every frame is refused and nothing counts as the centre being alive; with the memory of one run only,
 * the replayed heartbeats count as the centre alive (the fault of issue 15).
 */
class DispatchReplayAfterRestartTest {

    @TempDir
    Path dir;

    /** Records every chunk a transport sends, byte for byte. */
    private static final class Recording implements Transport {
        final Transport inner;
        final List<byte[]> sent = new CopyOnWriteArrayList<>();

        Recording(Transport inner) {
            this.inner = inner;
        }

        @Override
        public String description() {
            return "recording:" + inner.description();
        }

        @Override
        public void start(TransportListener listener) {
            inner.start(listener);
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            sent.add(Arrays.copyOfRange(data, offset, offset + length));
            return inner.send(data, offset, length);
        }

        @Override
        public boolean isConnected() {
            return inner.isConnected();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private MavlinkLink droneLink(SimHarness sim, boolean stored, Transport t) throws Exception {
        SigningTimestamps ts = SigningTimestamps.open(sim.scheduler, new AtomicFileTimestampStore(dir.resolve("ts")));
        StreamTimestamps streams = stored
                ? StreamTimestamps.open(new AtomicFileStreamTimestampStore(dir.resolve("streams")))
                : StreamTimestamps.volatileMemory();
        return MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(DispatchHarness.DRONE),
                SigningKeyring.fixed(DispatchHarness.KEY), ts, streams, 0), sim.scheduler,
                sim.scheduler.callbackExecutor(), t);
    }

    private static int frames(List<byte[]> chunks) {
        int[] n = {0};
        FrameParser p = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                n[0]++;
            }
        });
        chunks.forEach(p::feed);
        return n[0];
    }

    private static <T> T await(SimHarness sim, java.util.concurrent.CompletableFuture<T> f) {
        sim.scheduler.advanceUntil(f::isDone, Duration.ofMillis(50), Duration.ofSeconds(10));
        return f.getNow(null);
    }

    @ParameterizedTest(name = "replay memory stored: {0}")
    @ValueSource(booleans = {true, false})
    void replayedHeartbeatsAndOrdersHaveNoEffectAfterTheDronesDispatchEndRestarted(boolean stored) throws Exception {
        District d = SimHarness.quartier("Arsenal");
        try (SimHarness sim = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults())) {
            sim.advance(Duration.ofSeconds(2));
            InMemoryTransport[] pair = InMemoryTransport.pair("drone-dispatch", "centre");
            Recording centreWire = new Recording(pair[1]);
            MavlinkLink drone = droneLink(sim, stored, pair[0]);
            MavlinkLink centre = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(DispatchHarness.CENTRE)
                    .withComponentId(190).withHeartbeatType(MavType.MAV_TYPE_GCS), DispatchHarness.KEY,
                    SigningTimestamps.open(sim.scheduler, TimestampStore.inMemory(null)), 1), sim.scheduler,
                    sim.scheduler.callbackExecutor(), centreWire);
            DispatchServer server = DispatchServer.start(sim.companion, drone, DispatchServerOptions.defaults());
            DispatchClient client = DispatchClient.start(centre, DispatchHarness.clientOptions(15));
            GeoPoint target = DemoZones.offset(d, 150, 100);
            DispatchAck ack = await(sim, client.dispatch(SimHarness.request("A-R1", target).build(),
                    DispatchHarness.DRONE));
            assertThat(ack.status()).as(ack.message()).isEqualTo(AckStatus.ACCEPTED);
            sim.advance(Duration.ofSeconds(5));
            DispatchAck retask = await(sim, client.retask(ack.flightId(), SimHarness.request("A-R2",
                    DemoZones.offset(d, 100, 150)).build(), DispatchHarness.DRONE));
            assertThat(retask.status()).isNotEqualTo(AckStatus.NO_ANSWER);
            DispatchAck cancel = await(sim, client.cancel(ack.flightId(), "op", "centre 4", "test over",
                    DispatchHarness.DRONE));
            assertThat(cancel.status()).isEqualTo(AckStatus.CANCELLED);
            assertThat(server.stats().ordersReceived()).isEqualTo(3);
            List<byte[]> captured = new ArrayList<>(centreWire.sent);
            client.close();
            server.close();
            centre.close();
            drone.close();

            // the drone's dispatch end restarts 3 s later; no centre runs; the capture is replayed
            sim.advance(Duration.ofSeconds(3));
            InMemoryTransport[] attack = InMemoryTransport.pair("drone-after-restart", "attacker");
            attack[1].start(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {
                }

                @Override
                public void onState(TransportState state, String detail) {
                }
            });
            MavlinkLink restarted = droneLink(sim, stored, attack[0]);
            DispatchServer fresh = DispatchServer.start(sim.companion, restarted, DispatchServerOptions.defaults());
            List<DispatchServerEvent> events = new CopyOnWriteArrayList<>();
            fresh.onEvent(events::add);
            try {
                captured.forEach(b -> attack[1].send(b, 0, b.length));
                sim.advance(Duration.ofSeconds(5));
                DispatchServerStats s = fresh.stats();
                if (stored) {
                    assertThat(restarted.stats().signatureRejections())
                            .containsOnlyKeys(SignatureVerdict.REJECTED_REPLAY)
                            .containsEntry(SignatureVerdict.REJECTED_REPLAY, (long) frames(captured));
                    assertThat(s.centreHeartbeats()).isZero();
                    assertThat(s.tunnelsReceived()).isZero();
                    assertThat(s.ordersReceived()).isZero();
                    assertThat(events).noneMatch(e -> e instanceof DispatchServerEvent.CentreSeen);
                    assertThat(events).noneMatch(e -> e instanceof DispatchServerEvent.Answered);

                    // a centre heartbeat on a stream never seen, signed 10 s ago (the link accepts a new stream up to
                    // a minute old): older than what the link saw before the restart, so not counted as alive
                    SigningTimestamps past = SigningTimestamps.open(new org.vigie.link.time.ManualScheduler(
                            sim.scheduler.now().minusSeconds(10)), TimestampStore.inMemory(null));
                    byte[] hb = new org.vigie.link.codec.FrameWriter().encodeV2(DispatchHarness.CENTRE, 190, 0,
                            new byte[] {0, 0, 0, 0, 6, 8, 0, 4, 3},
                            new org.vigie.link.signing.MavlinkSigner(DispatchHarness.KEY, 9, past)).raw();
                    attack[1].send(hb, 0, hb.length);
                    sim.advance(Duration.ofSeconds(1));
                    assertThat(restarted.stats().signatureRejections().get(SignatureVerdict.REJECTED_REPLAY))
                            .as("the link let it through").isEqualTo(frames(captured));
                    assertThat(fresh.stats().notLiveAfterRestart()).isEqualTo(1);
                    assertThat(fresh.stats().centreHeartbeats()).isZero();
                    assertThat(events).noneMatch(e -> e instanceof DispatchServerEvent.CentreSeen);
                } else {
                    assertThat(s.centreHeartbeats()).as("replayed heartbeats counted as the centre alive")
                            .isPositive();
                    assertThat(events).anyMatch(e -> e instanceof DispatchServerEvent.CentreSeen);
                }
            } finally {
                fresh.close();
                restarted.close();
            }
        }
    }
}
