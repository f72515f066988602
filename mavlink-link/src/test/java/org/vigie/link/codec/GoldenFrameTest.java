package org.vigie.link.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.util.EnumValue;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.link.codec.GoldenFrames.Expect;
import org.vigie.link.codec.GoldenFrames.Golden;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.Signing;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.ManualScheduler;

/** Drives the parser, the writer, typed decode and encode, and the signer from the golden table. */
class GoldenFrameTest {

    static final MessageTable TABLE = MessageTable.ardupilotmega();
    static final MessageCodec CODEC = new MessageCodec();

    static List<Golden> rows() {
        return GoldenFrames.all();
    }

    static List<Golden> okRows() {
        return GoldenFrames.all().stream().filter(g -> g.expect() == Expect.OK).toList();
    }

    static List<MavlinkFrame> parse(byte[] bytes, FrameParser[] parserOut) {
        List<MavlinkFrame> out = new ArrayList<>();
        FrameParser p = new FrameParser(f -> out.add(f.toFrame()));
        p.feed(bytes);
        p.flush();
        if (parserOut != null) {
            parserOut[0] = p;
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @SuppressWarnings("unchecked")
    void parsingTheHexGivesTheFields(Golden g) throws Exception {
        FrameParser[] p = new FrameParser[1];
        List<MavlinkFrame> frames = parse(g.bytes(), p);
        if (g.expect() == Expect.BAD_CRC) {
            assertThat(frames).isEmpty();
            assertThat(p[0].stats().crcErrors()).isEqualTo(1);
            return;
        }
        assertThat(frames).hasSize(1);
        assertThat(p[0].stats().crcErrors()).isZero();
        MavlinkFrame f = frames.get(0);
        assertThat(f.hex()).isEqualTo(g.hex());
        assertThat(f.version()).isEqualTo(g.version());
        assertThat(f.seq()).isEqualTo(g.seq());
        assertThat(f.sysId()).isEqualTo(g.sysId());
        assertThat(f.compId()).isEqualTo(g.compId());
        assertThat(f.msgId()).isEqualTo(g.msgId());
        assertThat(f.signed()).isEqualTo(g.linkId() >= 0);
        assertThat(f.signatureLinkId()).isEqualTo(g.linkId());
        assertThat(f.signatureTimestamp()).isEqualTo(g.timestamp());
        if (g.expect() == Expect.UNKNOWN) {
            assertThat(TABLE.known(f.msgId())).isFalse();
            assertThat(CODEC.decode(f)).isEmpty();
            assertThat(p[0].stats().unknownFrames()).isEqualTo(1);
            return;
        }
        Object message = CODEC.decode(f).orElseThrow();
        assertThat(MessageTable.idOf(message.getClass())).isEqualTo(g.msgId());
        assertFields(message, g.fields());
        assertThat(CODEC.decode(f, (Class<Object>) message.getClass())).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("okRows")
    void encodingTheFieldsGivesTheSameHex(Golden g) throws Exception {
        MavlinkFrame parsed = parse(g.bytes(), null).get(0);
        byte[] full = new byte[g.version() == 2 ? TABLE.maxPayloadLength(g.msgId()) : TABLE.minPayloadLength(g.msgId())];
        System.arraycopy(parsed.payload(), 0, full, 0, parsed.payload().length);
        assertThat(encode(g, full).hex()).isEqualTo(g.hex());
        // typed: decode to the dronefleet object, serialise it, frame it: same bytes again
        byte[] typed = CODEC.encodePayload(CODEC.decode(parsed).orElseThrow());
        if (g.version() == 1) {
            typed = java.util.Arrays.copyOf(typed, TABLE.minPayloadLength(g.msgId()));
        }
        assertThat(encode(g, typed).hex()).isEqualTo(g.hex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("okRows")
    void signedRowsVerifyWithTheirKeyAndNoOther(Golden g) throws Exception {
        if (g.linkId() < 0) {
            return;
        }
        MavlinkFrame f = parse(g.bytes(), null).get(0);
        ManualScheduler clock = new ManualScheduler(Signing.instantOf(g.timestamp()));
        SignatureChecker right = new SignatureChecker(SigningKey.of(g.key()),
                SigningTimestamps.open(clock, TimestampStore.inMemory(null)));
        assertThat(right.check(f)).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        byte[] other = g.key();
        other[31] ^= 1;
        SignatureChecker wrong = new SignatureChecker(SigningKey.of(other),
                SigningTimestamps.open(clock, TimestampStore.inMemory(null)));
        assertThat(wrong.check(f)).isEqualTo(SignatureVerdict.REJECTED_BAD_SIGNATURE);
    }

    @Test
    void theWriterRefusesTheUnknownIdAndTheTableCoversEveryKind() {
        Golden unknown = GoldenFrames.all().stream().filter(g -> g.expect() == Expect.UNKNOWN).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> new FrameWriter().encodeV2(1, 1, unknown.msgId(), new byte[4], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(unknown.msgId()));
        List<Golden> all = GoldenFrames.all();
        assertThat(all).anyMatch(g -> g.version() == 1);
        assertThat(all).anyMatch(g -> g.linkId() >= 0);
        assertThat(all).anyMatch(g -> g.msgId() > 255);
        // v2 truncation: the wire payload is shorter than the full length
        assertThat(all).anyMatch(g -> g.version() == 2 && g.expect() == Expect.OK
                && g.bytes()[1] < TABLE.maxPayloadLength(g.msgId()));
        // truncation into base fields (shorter than the MAVLink 1 length)
        assertThat(all).anyMatch(g -> g.version() == 2 && g.expect() == Expect.OK
                && g.bytes()[1] < TABLE.minPayloadLength(g.msgId()));
    }

    @Test
    void theWholeTableAsOneStreamInAnyChunkingGivesTheSameFrames() {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        GoldenFrames.all().forEach(g -> all.writeBytes(g.bytes()));
        byte[] stream = all.toByteArray();
        List<String> expected = GoldenFrames.valid().stream().map(Golden::hex).toList();
        for (int chunk = 1; chunk <= stream.length; chunk = chunk < 20 ? chunk + 1 : chunk * 2) {
            List<String> got = new ArrayList<>();
            FrameParser p = new FrameParser(f -> got.add(f.toFrame().hex()));
            for (int i = 0; i < stream.length; i += chunk) {
                p.feed(stream, i, Math.min(chunk, stream.length - i));
            }
            assertThat(got).as("chunk %d", chunk).isEqualTo(expected);
        }
    }

    static MavlinkFrame encode(Golden g, byte[] payload) throws Exception {
        FrameWriter w = new FrameWriter();
        w.resetSequence(g.seq());
        if (g.version() == 1) {
            return w.encodeV1(g.sysId(), g.compId(), g.msgId(), payload);
        }
        MavlinkSigner signer = null;
        if (g.linkId() >= 0) {
            Instant at = Signing.instantOf(g.timestamp());
            signer = new MavlinkSigner(SigningKey.of(g.key()), g.linkId(),
                    SigningTimestamps.open(new ManualScheduler(at), TimestampStore.inMemory(null)));
        }
        return w.encodeV2(g.sysId(), g.compId(), g.msgId(), payload, signer);
    }

    static void assertFields(Object message, Map<String, String> fields) throws Exception {
        for (Map.Entry<String, String> e : fields.entrySet()) {
            Method m = message.getClass().getMethod(e.getKey());
            Object v = m.invoke(message);
            if (v instanceof EnumValue<?> ev) {
                v = ev.value();
            }
            String expected = e.getValue();
            String what = message.getClass().getSimpleName() + "." + e.getKey();
            if (v instanceof Float fl) {
                assertThat(fl).as(what).isEqualTo(Float.parseFloat(expected));
            } else if (v instanceof Number n) {
                assertThat(n.longValue()).as(what).isEqualTo(Long.parseLong(expected));
            } else {
                assertThat(String.valueOf(v)).as(what).isEqualTo(expected);
            }
        }
    }
}
