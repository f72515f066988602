package org.vigie.link.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.vigie.link.codec.GoldenFrames.Expect;
import org.vigie.link.codec.GoldenFrames.Golden;

/**
 * Properties of the codec: round trips for every message of the dialect, and a parser that never throws, never
 * stalls, accounts for every byte, recovers frames after garbage and does not care how the stream is chunked.
 * Seeds are fixed (deterministic runs); the golden table seeds the fuzzing.
 */
class CodecProperties {

    static final MessageTable TABLE = MessageTable.ardupilotmega();
    static final MessageCodec CODEC = new MessageCodec();
    static final int[] IDS = TABLE.knownIds();

    @Provide
    Arbitrary<Integer> knownIds() {
        return Arbitraries.of(Arrays.stream(IDS).boxed().toList());
    }

    /** A payload of the full length, random, with a random run of trailing zeros (to exercise truncation). */
    static byte[] randomPayload(int msgId, Random r) {
        byte[] p = new byte[TABLE.maxPayloadLength(msgId)];
        r.nextBytes(p);
        // char[] fields hold ASCII text (dronefleet decodes them to String, stopping at the first NUL)
        for (MessageTable.FieldLayout f : TABLE.fieldLayout(msgId)) {
            if (f.javaType() == String.class) {
                int len = r.nextInt(f.size() + 1);
                for (int i = 0; i < f.size(); i++) {
                    p[f.offset() + i] = i < len ? (byte) (0x20 + r.nextInt(0x5F)) : 0;
                }
            }
        }
        int zeros = r.nextInt(4) == 0 ? p.length : r.nextInt(p.length + 1);
        Arrays.fill(p, p.length - zeros, p.length, (byte) 0);
        return p;
    }

    static List<MavlinkFrame> parseAll(byte[] bytes) {
        List<MavlinkFrame> out = new ArrayList<>();
        FrameParser p = new FrameParser(f -> out.add(f.toFrame()));
        p.feed(bytes);
        p.flush();
        return out;
    }

    @Property(tries = 200, seed = "20261128")
    void writerThenParserGivesBackThePayloadModuloTruncation(@ForAll("knownIds") int msgId, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 255) int sysId, @ForAll @IntRange(min = 0, max = 255) int compId) {
        roundTrip(msgId, new Random(seed), sysId, compId);
    }

    @Example
    void everyMessageIdOfTheDialectRoundTrips() {
        Random r = new Random(7);
        assertThat(IDS.length).isGreaterThan(200);
        for (int id : IDS) {
            roundTrip(id, r, 1 + r.nextInt(255), r.nextInt(256));
            roundTrip(id, r, 1 + r.nextInt(255), r.nextInt(256));
        }
    }

    private static void roundTrip(int msgId, Random r, int sysId, int compId) {
        byte[] payload = randomPayload(msgId, r);
        FrameWriter w = new FrameWriter();
        w.resetSequence(r.nextInt(256));
        MavlinkFrame sent = w.encodeV2(sysId, compId, msgId, payload, null);
        List<MavlinkFrame> got = parseAll(sent.raw());
        assertThat(got).containsExactly(sent);
        MavlinkFrame f = got.get(0);
        int expectedLen = payload.length;
        while (expectedLen > 1 && payload[expectedLen - 1] == 0) {
            expectedLen--;
        }
        assertThat(f.payload().length).isEqualTo(expectedLen);
        byte[] extended = new byte[payload.length];
        for (int i = 0; i < extended.length; i++) {
            extended[i] = (byte) f.payloadByte(i);
        }
        assertThat(extended).isEqualTo(payload);
        assertThat(f.seq()).isEqualTo(sent.seq());
        assertThat(f.sysId()).isEqualTo(sysId);
        assertThat(f.compId()).isEqualTo(compId);
        assertThat(f.msgId()).isEqualTo(msgId);

        // typed: decode, serialise, decode again: same object and a fixed point of the bytes
        Object m1 = CODEC.decode(f).orElseThrow(() -> new AssertionError("message " + msgId + " did not decode"));
        byte[] n1 = CODEC.encodePayload(m1);
        assertThat(n1).hasSize(TABLE.maxPayloadLength(msgId));
        MavlinkFrame again = new FrameWriter().encodeV2(sysId, compId, msgId, n1, null);
        Object m2 = CODEC.decode(parseAll(again.raw()).get(0)).orElseThrow();
        assertThat(m2).isEqualTo(m1);
        assertThat(CODEC.encodePayload(m2)).isEqualTo(n1);

        if (msgId <= 255) {
            byte[] v1payload = Arrays.copyOf(payload, TABLE.minPayloadLength(msgId));
            MavlinkFrame v1 = w.encodeV1(sysId, compId, msgId, v1payload);
            List<MavlinkFrame> got1 = parseAll(v1.raw());
            assertThat(got1).containsExactly(v1);
            assertThat(got1.get(0).payload()).isEqualTo(v1payload);
            assertThat(got1.get(0).version()).isEqualTo(1);
        }
    }

    /** Counts every byte the parser reports, to check that it accounts for all of them. */
    static final class Accounting implements FrameParser.Listener {
        final List<String> frames = new ArrayList<>();
        long frameBytes;
        long discarded;

        @Override
        public void onFrame(FrameView f) {
            frames.add(f.toFrame().hex());
            frameBytes += f.length();
        }

        @Override
        public void onDiscard(DiscardReason reason, int byteCount) {
            assertThat(byteCount).isPositive();
            discarded += byteCount;
        }
    }

    static void feedInChunks(FrameParser p, byte[] bytes, List<Integer> chunks) {
        int i = 0;
        int c = 0;
        while (i < bytes.length) {
            int n = Math.min(chunks.isEmpty() ? 1 : chunks.get(c++ % chunks.size()), bytes.length - i);
            p.feed(bytes, i, n);
            i += n;
        }
    }

    @Property(tries = 200, seed = "424242")
    void theParserNeverThrowsNeverStallsAndAccountsForEveryByte(@ForAll @Size(max = 3000) byte[] bytes,
            @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 300) Integer> chunks) {
        Accounting a = new Accounting();
        FrameParser p = new FrameParser(a);
        feedInChunks(p, bytes, chunks);
        // never stalls: at most one candidate frame and the bytes it needs to be judged are held back
        assertThat(p.buffered()).isLessThanOrEqualTo(2 * 280);
        assertThat(a.frameBytes + a.discarded + p.buffered()).isEqualTo(bytes.length);
        p.flush();
        assertThat(p.buffered()).isZero();
        assertThat(a.frameBytes + a.discarded).isEqualTo(bytes.length);
        ParserStats s = p.stats();
        assertThat(s.bytesIn()).isEqualTo(bytes.length);
        assertThat(s.garbageBytes() + s.crcErrors() + s.badLength() + s.unsupportedFlags() + s.unknownNotFramed())
                .isEqualTo(a.discarded);
        assertThat(s.frames()).isEqualTo(a.frames.size());
    }

    @Property(tries = 200, seed = "77")
    void afterAnyGarbagePrefixTheFollowingValidFramesAreRecovered(@ForAll @Size(max = 1000) byte[] garbage,
            @ForAll @IntRange(min = 0, max = 1000) int pick,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 200) Integer> chunks) {
        List<Golden> known = GoldenFrames.all().stream().filter(g -> g.expect() == Expect.OK).toList();
        List<Golden> tail = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tail.add(known.get((pick + 7 * i) % known.size()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(garbage);
        tail.forEach(g -> out.writeBytes(g.bytes()));
        List<String> expected = tail.stream().map(Golden::hex).toList();
        Accounting a = new Accounting();
        FrameParser p = new FrameParser(a);
        feedInChunks(p, out.toByteArray(), chunks);
        p.flush();
        assertThat(a.frames.size()).isGreaterThanOrEqualTo(3);
        assertThat(a.frames.subList(a.frames.size() - 3, a.frames.size())).isEqualTo(expected);

        // without flush(): once 280 more bytes of traffic follow, every one of the three has come out
        FrameWriter w = new FrameWriter();
        while (out.size() < garbage.length + expected.stream().mapToInt(h -> h.length() / 2).sum() + 280) {
            out.writeBytes(w.encodeV2(1, 1, 0, new byte[] {0, 0, 0, 0, 2, 3, 81, 3, 3}, null).raw());
        }
        Accounting live = new Accounting();
        FrameParser lp = new FrameParser(live);
        feedInChunks(lp, out.toByteArray(), chunks);
        int at = live.frames.indexOf(expected.get(0));
        assertThat(at).isNotNegative();
        assertThat(live.frames.subList(at, at + 3)).isEqualTo(expected);
    }

    @Property(tries = 100, seed = "9001")
    void anyChunkingGivesTheSameFramesAndCountsAsOneFeed(@ForAll long seed,
            @ForAll @Size(max = 30) List<@IntRange(min = 1, max = 400) Integer> chunks) {
        byte[] stream = mixedStream(new Random(seed));
        Accounting one = new Accounting();
        FrameParser p1 = new FrameParser(one);
        p1.feed(stream);
        p1.flush();
        Accounting many = new Accounting();
        FrameParser p2 = new FrameParser(many);
        feedInChunks(p2, stream, chunks);
        p2.flush();
        assertThat(many.frames).isEqualTo(one.frames);
        assertThat(p2.stats().toString()).isEqualTo(p1.stats().toString());
    }

    @Property(tries = 200, seed = "31337")
    void corruptingTheGoldenStreamLosesOnlyTheCorruptedFrames(@ForAll long seed) {
        Random r = new Random(seed);
        List<Golden> rows = GoldenFrames.all().stream().filter(g -> g.expect() == Expect.OK).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> intact = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Golden g = rows.get(r.nextInt(rows.size()));
            byte[] b = g.bytes().clone();
            if (r.nextInt(3) == 0) {
                int flips = 1 + r.nextInt(3);
                for (int k = 0; k < flips; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            if (Arrays.equals(b, g.bytes())) {
                intact.add(g.hex());
            }
            out.writeBytes(b);
            if (r.nextInt(4) == 0) {
                byte[] noise = new byte[r.nextInt(40)];
                r.nextBytes(noise);
                out.writeBytes(noise);
            }
        }
        Accounting a = new Accounting();
        FrameParser p = new FrameParser(a);
        p.feed(out.toByteArray());
        p.flush();
        List<String> got = new ArrayList<>(a.frames);
        // every intact frame comes out, in order (a corrupted frame may also still parse, e.g. a flipped signature)
        int j = 0;
        for (String h : got) {
            if (j < intact.size() && h.equals(intact.get(j))) {
                j++;
            }
        }
        assertThat(j).as("intact frames recovered in order").isEqualTo(intact.size());
    }

    /** Golden frames (unknown id included), random garbage and random valid frames, interleaved. */
    static byte[] mixedStream(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Golden> rows = GoldenFrames.all();
        FrameWriter w = new FrameWriter();
        int n = 5 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(3)) {
                case 0 -> out.writeBytes(rows.get(r.nextInt(rows.size())).bytes());
                case 1 -> {
                    byte[] g = new byte[r.nextInt(60)];
                    r.nextBytes(g);
                    if (g.length > 0 && r.nextBoolean()) {
                        g[r.nextInt(g.length)] = (byte) (r.nextBoolean() ? 0xFD : 0xFE);
                    }
                    out.writeBytes(g);
                }
                default -> {
                    int id = IDS[r.nextInt(IDS.length)];
                    out.writeBytes(w.encodeV2(1, 1, id, randomPayload(id, r), null).raw());
                }
            }
        }
        return out.toByteArray();
    }
}
