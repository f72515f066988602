package org.vigie.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.Tunnel;
import io.dronefleet.mavlink.minimal.MavType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.signing.AtomicFileStreamTimestampStore;
import org.vigie.link.signing.AtomicFileTimestampStore;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningKeyring;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.StreamTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportState;

/**
 * The centre's end: the drone's ACK and heartbeats, captured on the wire, are replayed byte for byte after the
 * centre restarted and re-sent the same order (same request id, as a dispatch system does after its own restart).
 * With the replay memory stored, the replayed ACK is refused and the order ends NO_ANSWER; with the memory of one
 * run only, the replayed ACK would answer the new order (the fault this closes).
 */
class ClientReplayAfterRestartTest {

    private static final SigningKey KEY = key(5);
    private static final long REQUEST_ID = 4242;

    @TempDir
    Path dir;

    static SigningKey key(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return SigningKey.of(b);
    }

    /** Records every chunk the drone sends, byte for byte. */
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

    private MavlinkLink centreLink(ManualScheduler s, boolean stored, Transport t) throws Exception {
        SigningTimestamps ts = SigningTimestamps.open(s, new AtomicFileTimestampStore(dir.resolve("centre.ts")));
        StreamTimestamps streams = stored
                ? StreamTimestamps.open(new AtomicFileStreamTimestampStore(dir.resolve("centre.streams")))
                : StreamTimestamps.volatileMemory();
        LinkConfig cfg = DispatchSecurity.signedLink(LinkConfig.of(255).withComponentId(190)
                .withHeartbeatType(MavType.MAV_TYPE_GCS), SigningKeyring.fixed(KEY), ts, streams, 1);
        return MavlinkLink.create(cfg, s, s.callbackExecutor(), t);
    }

    /** A drone that answers every DISPATCH with ACCEPTED, flight 7. */
    private static MavlinkLink fakeDrone(ManualScheduler s, Transport t) throws Exception {
        MavlinkLink drone = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(1), KEY,
                SigningTimestamps.open(s, TimestampStore.inMemory(null)), 0), s, s.callbackExecutor(), t);
        Reassembler r = new Reassembler(Duration.ofSeconds(3), 4);
        TunnelSender sender = new TunnelSender(drone, 9);
        drone.subscribe(Tunnel.class, (tunnel, f) -> {
            if (r.accept(f.sysId() << 8 | f.compId(), tunnel.payload(), tunnel.payloadLength(),
                    s.monotonicMs()) instanceof Reassembler.Complete c
                    && DispatchCodec.decode(c.body()) instanceof DecodeResult.Decoded d
                    && d.message() instanceof DispatchMessage.Dispatch o) {
                sender.send(f.sysId(), f.compId(), DispatchCodec.encode(new DispatchMessage.Ack(o.requestId(),
                        AckStatus.ACCEPTED, 7, "flight 7 started")));
            }
        });
        return drone;
    }

    private static DispatchRequest order() {
        return DispatchRequest.builder("A-REPLAY", 48.85, 2.35).reason("test").requester("op", "centre 4").build();
    }

    @ParameterizedTest(name = "replay memory stored: {0}")
    @ValueSource(booleans = {true, false})
    void aReplayedAckNeverAnswersAnOrderReSentAfterTheCentreRestarted(boolean stored) throws Exception {
        ManualScheduler s = new ManualScheduler(Instant.parse("2026-12-06T16:00:00Z"));
        InMemoryTransport[] pair = InMemoryTransport.pair("drone", "centre");
        Recording wire = new Recording(pair[0]);
        MavlinkLink drone = fakeDrone(s, wire);
        MavlinkLink centre = centreLink(s, stored, pair[1]);
        DispatchClient client = DispatchClient.start(centre, DispatchClientOptions.defaults()
                .withRetries(Duration.ofSeconds(2), 1));
        s.advance(Duration.ofSeconds(3));
        CompletableFuture<DispatchAck> first = client.dispatch(order(), 1, REQUEST_ID);
        s.advanceUntil(first::isDone, Duration.ofMillis(50), Duration.ofSeconds(5));
        assertThat(first.get().status()).isEqualTo(AckStatus.ACCEPTED);
        s.advance(Duration.ofSeconds(3));
        List<byte[]> captured = List.copyOf(wire.sent);
        client.close();
        centre.close();
        drone.close();

        // the centre restarts 5 s later, with no drone answering; an attacker replays the capture
        s.advance(Duration.ofSeconds(5));
        InMemoryTransport[] attack = InMemoryTransport.pair("centre-after-restart", "attacker");
        attack[1].start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
            }

            @Override
            public void onState(TransportState state, String detail) {
            }
        });
        MavlinkLink restarted = centreLink(s, stored, attack[0]);
        DispatchClient again = DispatchClient.start(restarted, DispatchClientOptions.defaults()
                .withRetries(Duration.ofSeconds(2), 1));
        try {
            CompletableFuture<DispatchAck> resent = again.dispatch(order(), 1, REQUEST_ID);
            s.advance(Duration.ofMillis(200));
            captured.forEach(b -> attack[1].send(b, 0, b.length));
            s.advanceUntil(resent::isDone, Duration.ofMillis(50), Duration.ofSeconds(5));
            if (stored) {
                assertThat(resent.get().status()).isEqualTo(AckStatus.NO_ANSWER);
                assertThat(restarted.stats().signatureRejections())
                        .containsOnlyKeys(SignatureVerdict.REJECTED_REPLAY)
                        .containsEntry(SignatureVerdict.REJECTED_REPLAY, (long) captured.size());
                assertThat(again.stats().acks()).isZero();
            } else {
                assertThat(resent.get().status()).as("without stored memory the old ACK answers the new order")
                        .isEqualTo(AckStatus.ACCEPTED);
            }
        } finally {
            again.close();
            restarted.close();
        }
    }
}
