package org.vigie.link.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.ManualScheduler;

class SigningKeyTest {

    @Test
    void aKeyIsExactly32Bytes() {
        assertThatThrownBy(() -> SigningKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32").hasMessageContaining("31");
        assertThatThrownBy(() -> SigningKey.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.ofHex("00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.ofHex("zz".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SigningKey.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"))
                .isEqualTo(SigningKey.of(Session5SigningTest.key0to31()));
        assertThat(SigningKey.of(new byte[32]).isZero()).isTrue();
    }

    @Test
    void toStringNeverShowsTheKeyAndTheBytesAreCopied() {
        byte[] raw = new byte[32];
        for (int i = 0; i < 32; i++) {
            raw[i] = (byte) (0xA0 + i % 16);
        }
        SigningKey k = SigningKey.of(raw);
        String hex = HexFormat.of().formatHex(raw);
        assertThat(k.toString()).doesNotContain(hex.substring(0, 8)).contains(k.fingerprint());
        raw[0] = 0;
        assertThat(k.bytes()[0]).isEqualTo((byte) 0xA0);
        k.bytes()[1] = 0;
        assertThat(k.bytes()[1]).isEqualTo((byte) 0xA1);
    }

    @Test
    void signedByOurWriterVerifiedByOurCheckerAndTheUnsignedPolicyIsConfigurable() throws Exception {
        SigningKey key = SigningKey.of(Session5SigningTest.key0to31());
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T22:34:00Z"));
        SigningTimestamps ts = SigningTimestamps.open(clock, TimestampStore.inMemory(null));
        MavlinkSigner signer = new MavlinkSigner(key, 3, ts);
        FrameWriter w = new FrameWriter();
        MavlinkFrame hb = w.encodeV2(1, 191, 0, new byte[] {0, 0, 0, 0, 18, 8, 0, 4, 3}, signer);
        MavlinkFrame hb2 = w.encodeV2(1, 191, 0, new byte[] {0, 0, 0, 0, 18, 8, 0, 4, 3}, signer);
        assertThat(hb2.signatureTimestamp()).isEqualTo(hb.signatureTimestamp() + 1);

        SigningTimestamps theirs = SigningTimestamps.open(new ManualScheduler(clock.now()),
                TimestampStore.inMemory(null));
        SignatureChecker c = new SignatureChecker(key, theirs);
        assertThat(c.check(hb)).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(c.check(hb2)).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(c.check(hb)).isEqualTo(SignatureVerdict.REJECTED_REPLAY);
        assertThat(c.streamTimestamp(1, 191, 3)).isEqualTo(hb2.signatureTimestamp());

        MavlinkFrame radio = w.encodeV2(1, 68, 109, new byte[9], null);
        MavlinkFrame statusV1 = new FrameWriter().encodeV1(1, 1, 0, new byte[9]);
        assertThat(c.check(radio)).isEqualTo(SignatureVerdict.ACCEPTED_UNSIGNED);
        assertThat(c.check(statusV1)).isEqualTo(SignatureVerdict.REJECTED_UNSIGNED);
        SignatureChecker open = new SignatureChecker(key, theirs, Set.of(0));
        assertThat(open.check(statusV1)).isEqualTo(SignatureVerdict.ACCEPTED_UNSIGNED);
        assertThat(open.check(radio)).isEqualTo(SignatureVerdict.REJECTED_UNSIGNED);
        assertThatThrownBy(() -> new SignatureChecker(key, theirs, Set.of(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SETUP_SIGNING");
        assertThatThrownBy(() -> new MavlinkSigner(key, 256, ts)).isInstanceOf(IllegalArgumentException.class);

        // a new stream more than one minute behind our time is too old; within a minute it is fine
        SigningTimestamps late = SigningTimestamps.open(
                new ManualScheduler(clock.now().plusSeconds(61)), TimestampStore.inMemory(null));
        assertThat(new SignatureChecker(key, late).check(hb)).isEqualTo(SignatureVerdict.REJECTED_TOO_OLD);
        SigningTimestamps close = SigningTimestamps.open(
                new ManualScheduler(clock.now().plusSeconds(59)), TimestampStore.inMemory(null));
        assertThat(new SignatureChecker(key, close).check(hb)).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(c.toString()).doesNotContain("000102");
    }
}
