package org.vigie.link.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.ManualScheduler;

/**
 * Byte-exact replays of signed frames after a restart of the receiving end: the replay memory of each stream is
 * stored ahead ({@link StreamTimestamps}), so nothing accepted before the restart is accepted again, whatever its
 * message type; with the memory of one run only, the same replays are accepted (the fault this closes).
 */
class ReplayAcrossRestartTest {

    private static final SigningKey KEY = key(11);
    private static final Instant T0 = Instant.parse("2026-12-06T16:00:00Z");
    /** HEARTBEAT (0), COMMAND_ACK (77), TUNNEL (385) payloads. */
    private static final int[] IDS = {0, 77, 385};

    @TempDir
    Path dir;

    static SigningKey key(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return SigningKey.of(b);
    }

    private static byte[] payload(int msgId, int n) {
        return switch (msgId) {
            case 0 -> new byte[] {0, 0, 0, 0, 6, 8, 0, 4, 3};
            case 77 -> new byte[] {(byte) n, 0, 0};
            default -> {
                byte[] p = new byte[20];
                p[0] = 1;
                p[2] = (byte) 0x5C;
                p[3] = (byte) 0xD1;
                p[5] = (byte) n;
                yield p;
            }
        };
    }

    /** The receiving end, opened from its files as after a restart. */
    private SignatureChecker openReceiver(ManualScheduler clock) throws IOException {
        SigningTimestamps ts = SigningTimestamps.open(clock, new AtomicFileTimestampStore(dir.resolve("ts")));
        StreamTimestamps streams = StreamTimestamps.open(new AtomicFileStreamTimestampStore(dir.resolve("streams")));
        return new SignatureChecker(SigningKeyring.fixed(KEY), ts, Set.of(), streams);
    }

    private static MavlinkFrame reparse(byte[] raw) {
        List<MavlinkFrame> out = new ArrayList<>();
        new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                out.add(f.toFrame());
            }
        }).feed(raw);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    /** Sends 1 Hz frames of every type from the centre (255/190 link 1) for {@code seconds}, returns their bytes. */
    private static List<byte[]> traffic(ManualScheduler clock, SigningTimestamps senderTs, SignatureChecker receiver,
                                        int seconds) {
        MavlinkSigner signer = new MavlinkSigner(KEY, 1, senderTs);
        FrameWriter w = new FrameWriter();
        List<byte[]> wire = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            for (int id : IDS) {
                byte[] raw = w.encodeV2(255, 190, id, payload(id, s), signer).raw();
                wire.add(raw);
                assertThat(receiver.check(reparse(raw))).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        return wire;
    }

    @Test
    void afterARestartEveryReplayedFrameOfEveryTypeIsRefusedAndNewFramesStillPass() throws IOException {
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps centreTs = SigningTimestamps.open(clock, TimestampStore.inMemory(null));
        SignatureChecker before = openReceiver(clock);
        List<byte[]> captured = traffic(clock, centreTs, before, 40);
        assertThat(before.streams().saves()).as("one write per 5 s of the stream's time, not per frame")
                .isBetween(8L, 9L);

        // the drone restarts 2 s later without an orderly shutdown; the capture is replayed byte for byte
        clock.advance(Duration.ofSeconds(2));
        SignatureChecker after = openReceiver(clock);
        for (byte[] raw : captured) {
            assertThat(after.check(reparse(raw))).as("replay of msg %d", reparse(raw).msgId())
                    .isEqualTo(SignatureVerdict.REJECTED_REPLAY);
        }
        assertThat(after.count(SignatureVerdict.REJECTED_REPLAY)).isEqualTo(captured.size());
        assertThat(after.count(SignatureVerdict.ACCEPTED_SIGNED)).isZero();
        assertThat(after.streams().restartFloor()).isGreaterThanOrEqualTo(
                reparse(captured.get(captured.size() - 1)).signatureTimestamp());

        // the genuine centre, a few seconds on, is accepted again
        clock.advance(Duration.ofSeconds(5));
        byte[] fresh = new FrameWriter().encodeV2(255, 190, 0, payload(0, 0), new MavlinkSigner(KEY, 1, centreTs))
                .raw();
        assertThat(after.check(reparse(fresh))).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
    }

    @Test
    void withTheMemoryOfOneRunOnlyTheSameReplaysAreAccepted() throws IOException {
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps centreTs = SigningTimestamps.open(clock, TimestampStore.inMemory(null));
        SigningTimestamps droneTs = SigningTimestamps.open(clock, new AtomicFileTimestampStore(dir.resolve("ts")));
        List<byte[]> captured = traffic(clock, centreTs, new SignatureChecker(KEY, droneTs, Set.of()), 40);
        clock.advance(Duration.ofSeconds(2));
        SignatureChecker restarted = new SignatureChecker(KEY, SigningTimestamps.open(clock,
                new AtomicFileTimestampStore(dir.resolve("ts"))), Set.of());
        long accepted = captured.stream().filter(raw -> restarted.check(reparse(raw)).accepted()).count();
        assertThat(accepted).as("frames less than a minute old pass a checker without stored memory").isPositive();
    }

    @Test
    void aFrameAcceptedAfterTheLastWriteIsStillCoveredByTheStoredBound() throws IOException {
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps centreTs = SigningTimestamps.open(clock, TimestampStore.inMemory(null));
        SignatureChecker before = openReceiver(clock);
        List<byte[]> captured = traffic(clock, centreTs, before, 3);
        long last = reparse(captured.get(captured.size() - 1)).signatureTimestamp();
        long stored = new AtomicFileStreamTimestampStore(dir.resolve("streams")).load()
                .get(StreamTimestamps.streamKey(255, 190, 1));
        assertThat(stored).as("stored ahead of what was accepted").isGreaterThanOrEqualTo(last);
        assertThat(before.streams().saves()).isEqualTo(1);
    }

    @Test
    void theBoundOfAStreamIdleSinceTheRestartIsStoredAsLoaded() throws IOException {
        StreamTimestampStore store = StreamTimestampStore.inMemory();
        int idle = StreamTimestamps.streamKey(9, 9, 9);
        store.save(Map.of(idle, 1_000L));
        ManualScheduler clock = new ManualScheduler(T0);
        SignatureChecker c = new SignatureChecker(SigningKeyring.fixed(KEY), SigningTimestamps.open(clock,
                TimestampStore.inMemory(null)), Set.of(), StreamTimestamps.open(store));
        traffic(clock, SigningTimestamps.open(clock, TimestampStore.inMemory(null)), c, 1);
        assertThat(store.load()).containsEntry(idle, 1_000L).hasSize(2);
    }

    @Test
    void aFailedWriteIsCountedAndTheFrameStillAccepted() throws IOException {
        ManualScheduler clock = new ManualScheduler(T0);
        StreamTimestampStore broken = new StreamTimestampStore() {
            @Override
            public Map<Integer, Long> load() {
                return Map.of();
            }

            @Override
            public void save(Map<Integer, Long> bounds) throws IOException {
                throw new IOException("disk full");
            }
        };
        SignatureChecker c = new SignatureChecker(SigningKeyring.fixed(KEY), SigningTimestamps.open(clock,
                TimestampStore.inMemory(null)), Set.of(), StreamTimestamps.open(broken));
        traffic(clock, SigningTimestamps.open(clock, TimestampStore.inMemory(null)), c, 2);
        assertThat(c.streams().persistFailures()).as("retried with every frame").isEqualTo(2 * IDS.length);
    }

    @Test
    void theStreamLimitIsEnforcedAtAndJustOverAndCounted() throws IOException {
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps ts = SigningTimestamps.open(clock, TimestampStore.inMemory(null));
        SignatureChecker c = new SignatureChecker(SigningKeyring.fixed(KEY), ts, Set.of(),
                StreamTimestamps.volatileMemory());
        FrameWriter w = new FrameWriter();
        SigningTimestamps senderTs = SigningTimestamps.open(clock, TimestampStore.inMemory(null));
        for (int i = 0; i < StreamTimestamps.MAX_STREAMS; i++) {
            MavlinkSigner s = new MavlinkSigner(KEY, i & 0xFF, senderTs);
            assertThat(c.check(w.encodeV2(1 + (i >> 8), 1, 0, payload(0, 0), s))).isEqualTo(
                    SignatureVerdict.ACCEPTED_SIGNED);
        }
        MavlinkFrame oneMore = w.encodeV2(200, 1, 0, payload(0, 0), new MavlinkSigner(KEY, 0, senderTs));
        assertThat(c.check(oneMore)).isEqualTo(SignatureVerdict.REJECTED_STREAM_LIMIT);
        assertThat(c.count(SignatureVerdict.REJECTED_STREAM_LIMIT)).isEqualTo(1);
        MavlinkFrame known = w.encodeV2(1, 1, 0, payload(0, 0), new MavlinkSigner(KEY, 0, senderTs));
        assertThat(c.check(known)).as("known streams still pass").isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
    }

    @Test
    void theStoredFileIsBoundedAndCheckedLineByLine() throws IOException {
        Path f = dir.resolve("streams");
        AtomicFileStreamTimestampStore store = new AtomicFileStreamTimestampStore(f);
        assertThat(store.load()).isEmpty();
        store.save(Map.of(StreamTimestamps.streamKey(255, 190, 1), 123L));
        assertThat(Files.readString(f)).isEqualTo("255 190 1 123\n");
        assertThat(store.load()).containsExactly(Map.entry(StreamTimestamps.streamKey(255, 190, 1), 123L));

        Files.write(f, new byte[AtomicFileStreamTimestampStore.MAX_FILE_BYTES]);
        assertThat(Files.size(f)).isEqualTo(AtomicFileStreamTimestampStore.MAX_FILE_BYTES);
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("line 1");
        Files.write(f, new byte[AtomicFileStreamTimestampStore.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(store::load).isInstanceOf(IOException.class)
                .hasMessageContaining(AtomicFileStreamTimestampStore.MAX_FILE_BYTES + 1 + " bytes")
                .hasMessageContaining("limit of " + AtomicFileStreamTimestampStore.MAX_FILE_BYTES);
        Files.writeString(f, "255 190 1 5\n256 1 1 5\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("line 2")
                .hasMessageContaining("sysid 256");
        Files.writeString(f, "1 1 1 " + (Signing.MAX_TIMESTAMP + 1) + "\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("2^48");
    }
}
