package org.vigie.misb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class St0601DecoderTest {

    private final St0601Decoder decoder = new St0601Decoder();

    @Property(tries = 2000)
    void neverThrowsOnArbitraryBytes(@ForAll byte[] junk) {
        DecodeResult r = decoder.decode(junk, 0, junk.length);
        assertThat(r).isNotNull();
        assertThat(decoder.decodeAll(junk)).isNotNull();
    }

    @Property(tries = 500)
    void neverThrowsOnCorruptedPackets(@ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] bytes = new St0601Encoder().encode(JmisbCrossCheckTest.randomPacket(rnd));
        int flips = 1 + rnd.nextInt(4);
        for (int i = 0; i < flips; i++) {
            bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        int len = rnd.nextBoolean() ? bytes.length : rnd.nextInt(bytes.length + 1);
        DecodeResult r = decoder.decode(bytes, 0, len);
        assertThat(r).isNotNull();
    }

    @Test
    void reportsUnknownTagsAndKeepsTheRest() {
        // key, length 12, tag 22 (target width, not implemented here) len 2, tag 65 version 17, checksum
        byte[] body = HexFormat.of().parseHex("1602000A410111" + "0102" + "0000");
        byte[] packet = new byte[16 + 1 + body.length];
        System.arraycopy(St0601Encoder.universalKey(), 0, packet, 0, 16);
        packet[16] = (byte) body.length;
        System.arraycopy(body, 0, packet, 17, body.length);
        int sum = Klv.checksum(packet, 0, packet.length - 2);
        packet[packet.length - 2] = (byte) (sum >> 8);
        packet[packet.length - 1] = (byte) sum;

        DecodeResult r = decoder.decode(packet, 0, packet.length);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        DecodeResult.Decoded d = (DecodeResult.Decoded) r;
        assertThat(d.packet().items()).containsExactly(new UasLsVersion(17));
        assertThat(d.undecoded()).hasSize(1);
        assertThat(d.undecoded().get(0).tag()).isEqualTo(22);
        assertThat(d.undecoded().get(0).reason()).isEqualTo(UndecodedTag.Reason.UNKNOWN_TAG);
    }

    @Test
    void rejectsMissingChecksumTruncationAndWrongKey() {
        byte[] ok = new St0601Encoder().encode(St0601Packet.builder().add(new UasLsVersion(17)).build());
        assertThat(reason(ok, ok.length - 1)).isEqualTo(DecodeResult.Reason.TRUNCATED);
        byte[] noChecksum = ok.clone();
        noChecksum[16] = 3; // set ends before the checksum
        assertThat(reason(noChecksum, 16 + 1 + 3)).isEqualTo(DecodeResult.Reason.MISSING_CHECKSUM);
        byte[] badKey = ok.clone();
        badKey[3] = 0x35;
        assertThat(reason(badKey, badKey.length)).isEqualTo(DecodeResult.Reason.BAD_KEY);
    }

    @Test
    void decodeAllSkipsGarbageBetweenPackets() {
        St0601Encoder enc = new St0601Encoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(enc.encode(St0601Packet.builder().add(new SensorLatitude(48.85)).build()));
        out.writeBytes(new byte[] {1, 2, 3, 0x06, 0x0E});
        out.writeBytes(enc.encode(St0601Packet.builder().add(new SensorLatitude(48.86)).build()));
        List<DecodeResult> all = decoder.decodeAll(out.toByteArray());
        assertThat(all).hasSize(3);
        assertThat(all.get(0)).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(all.get(1)).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(all.get(1).consumedBytes()).isEqualTo(5);
        assertThat(((DecodeResult.Decoded) all.get(2)).packet().first(SensorLatitude.class).orElseThrow().degrees())
                .isCloseTo(48.86, org.assertj.core.data.Offset.offset(SensorLatitude.LSB));
    }

    @Test
    void longFormLengthForLargePackets() {
        St0601Packet.Builder b = St0601Packet.builder();
        b.add(new MissionId("x".repeat(127)));
        byte[] bytes = new St0601Encoder().encode(b.build());
        assertThat(bytes[16]).isEqualTo((byte) 0x81); // 133-byte set: one length byte
        assertThat(bytes[17] & 0xFF).isEqualTo(133);
        assertThat(decoder.decode(bytes, 0, bytes.length)).isInstanceOf(DecodeResult.Decoded.class);
        b.add(new PlatformDesignation("y".repeat(127)));
        bytes = new St0601Encoder().encode(b.build());
        assertThat(bytes[16]).isEqualTo((byte) 0x82); // 262-byte set: two length bytes
        assertThat(decoder.decode(bytes, 0, bytes.length)).isInstanceOf(DecodeResult.Decoded.class);
    }

    private DecodeResult.Reason reason(byte[] b, int len) {
        DecodeResult r = decoder.decode(b, 0, len);
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) r).reason();
    }
}
