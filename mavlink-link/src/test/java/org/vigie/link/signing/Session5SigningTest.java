package org.vigie.link.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.signing.Captures.TlogRecord;
import org.vigie.link.time.ManualScheduler;

/**
 * Checks signing against real ArduCopter traffic (testdata/captures/session5, key = bytes 0..31; see its README and
 * session5_summary.json).
 */
class Session5SigningTest {

    static final SigningKey KEY = SigningKey.of(key0to31());
    /** From session5_summary.json: the initial_timestamp the ground sent in SETUP_SIGNING. */
    static final long INITIAL_TIMESTAMP = 37583485035308L;
    static final String WRONG_KEY_FRAME = "fd20010000ffbe4c00000000144300000000000000000000000000000000000000000000000000"
            + "020101b4b107edf4a1962e22fa029fa0923c";
    static final String ACCEPTED_SIGNED_FRAME = "fd20010011ffbe4c0000000014430000000000000000000000000000000000000000"
            + "0000000000020101fe7507bcf0a1962e2209500cde13c8";
    static final String INITIAL_TS_FRAME = "fd2001000effbe4c00000000144300000000000000000000000000000000000000000000"
            + "0000000201019340072c6346962e2229607d23ffea";

    static byte[] key0to31() {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) i;
        }
        return k;
    }

    @ParameterizedTest
    @CsvSource({"session5_from_sitl.raw, 1, 121", "session5_serial0_from_sitl.raw, 0, 39"})
    void everySignedFrameArduCopterSentVerifiesOnBothPorts(String file, int linkId, int signedCount)
            throws IOException {
        List<MavlinkFrame> frames = Captures.rawFrames(file);
        List<MavlinkFrame> signed = frames.stream().filter(MavlinkFrame::signed).toList();
        assertThat(signed).hasSize(signedCount);
        // the ground's clock when the vehicle's first signed frame arrived (summary: wall 1795905251.018)
        ManualScheduler ground = new ManualScheduler(Instant.ofEpochMilli(1795905251018L));
        SignatureChecker checker = new SignatureChecker(KEY, SigningTimestamps.open(ground,
                TimestampStore.inMemory(null)));
        long expectedTs = INITIAL_TIMESTAMP + Signing.ONE_MINUTE;
        for (MavlinkFrame f : signed) {
            assertThat(checker.check(f)).as("%s", f).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
            assertThat(f.signatureLinkId()).isEqualTo(linkId);
            assertThat(f.signatureTimestamp()).isEqualTo(expectedTs++);
        }
        assertThat(checker.count(SignatureVerdict.ACCEPTED_SIGNED)).isEqualTo(signedCount);
        assertThat(checker.streamTimestamp(1, 1, linkId)).isEqualTo(expectedTs - 1);
        // the same frames checked again are all replays
        for (MavlinkFrame f : signed) {
            assertThat(checker.check(f)).isEqualTo(SignatureVerdict.REJECTED_REPLAY);
        }
        // unsigned frames the vehicle sent before signing was set up are refused while signing is on
        long unsigned = frames.stream().filter(f -> !f.signed()).count();
        assertThat(unsigned).isPositive();
        frames.stream().filter(f -> !f.signed())
                .forEach(f -> assertThat(checker.check(f)).isEqualTo(SignatureVerdict.REJECTED_UNSIGNED));
        assertThat(checker.count(SignatureVerdict.REJECTED_UNSIGNED)).isEqualTo(unsigned);
    }

    @Test
    void anyFlippedBitOfASignedFrameBreaksTheSignature() throws IOException {
        MavlinkFrame f = Captures.rawFrames("session5_from_sitl.raw").stream().filter(MavlinkFrame::signed)
                .findFirst().orElseThrow();
        for (int i = 0; i < f.raw().length; i++) {
            if (i == 2) {
                continue; // the signed flag itself
            }
            byte[] raw = f.raw().clone();
            raw[i] ^= 0x10;
            MavlinkFrame bad = new MavlinkFrame(2, 1, 0, f.seq(), f.sysId(), f.compId(), f.msgId(), f.payload(),
                    java.util.Arrays.copyOfRange(raw, raw.length - 13, raw.length), raw);
            SignatureChecker c = new SignatureChecker(KEY, SigningTimestamps.open(
                    new ManualScheduler(Instant.ofEpochMilli(1795905251018L)), TimestampStore.inMemory(null)));
            assertThat(c.check(bad)).as("byte %d", i).isEqualTo(SignatureVerdict.REJECTED_BAD_SIGNATURE);
        }
    }

    /**
     * Replays the main-port tlog as the vehicle saw it: SETUP_SIGNING stores the ground's initial timestamp, our
     * timestamp source then starts 60 s later exactly like ArduCopter's, and the checker gives the verdicts ArduCopter
     * showed (ACK or silence).
     */
    @Test
    void theVehicleSideVerdictsMatchWhatArduCopterDid() throws IOException {
        List<TlogRecord> log = Captures.tlog("session5.tlog");
        ManualScheduler vehicleClock = new ManualScheduler(log.get(0).instant());
        SignatureChecker vehicle = null;
        SigningTimestamps vehicleTs = null;
        Map<String, SignatureVerdict> verdictByHex = new LinkedHashMap<>();
        List<SignatureVerdict> groundVerdicts = new ArrayList<>();
        List<Long> vehicleSent = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        for (TlogRecord r : log) {
            vehicleClock.advance(Duration.between(vehicleClock.now(), r.instant()));
            MavlinkFrame f = r.frame();
            if (f.sysId() == 1) {
                if (f.signed() && vehicleTs != null) {
                    vehicleSent.add(f.signatureTimestamp());
                    ours.add(vehicleTs.next());
                }
                continue;
            }
            if (vehicle == null) {
                if (Signing.isSetupSigning(f.msgId())) {
                    // SETUP_SIGNING payload: initial_timestamp (uint64) first, then target ids, then the key
                    long initial = 0;
                    for (int i = 7; i >= 0; i--) {
                        initial = initial << 8 | f.payloadByte(i);
                    }
                    assertThat(initial).isEqualTo(INITIAL_TIMESTAMP);
                    vehicleTs = SigningTimestamps.open(vehicleClock, TimestampStore.inMemory(initial));
                    vehicle = new SignatureChecker(KEY, vehicleTs);
                }
                continue;
            }
            SignatureVerdict v = vehicle.check(f);
            groundVerdicts.add(v);
            verdictByHex.put(f.hex(), v);
            if (Signing.isSetupSigning(f.msgId()) && f.signed()) {
                break; // the signed zero-key SETUP_SIGNING turns signing off on the vehicle
            }
        }
        // ArduCopter's own timestamps: initial + 60 s, +1 per frame, which our source reproduces exactly
        assertThat(vehicleSent.get(0)).isEqualTo(INITIAL_TIMESTAMP + Signing.ONE_MINUTE);
        assertThat(ours).isEqualTo(vehicleSent);

        assertThat(verdictByHex.get(INITIAL_TS_FRAME)).isEqualTo(SignatureVerdict.REJECTED_TOO_OLD);
        assertThat(verdictByHex.get(WRONG_KEY_FRAME)).isEqualTo(SignatureVerdict.REJECTED_BAD_SIGNATURE);
        assertThat(groundVerdicts).containsSequence(SignatureVerdict.REJECTED_UNSIGNED,
                SignatureVerdict.REJECTED_UNSIGNED);
        // the accepted REQUEST_MESSAGE, then its byte-exact replay 9 s later
        assertThat(groundVerdicts.stream().filter(v -> v == SignatureVerdict.REJECTED_REPLAY).count()).isEqualTo(1);
        assertThat(vehicle.count(SignatureVerdict.REJECTED_REPLAY)).isEqualTo(1);
        assertThat(vehicle.count(SignatureVerdict.REJECTED_TOO_OLD)).isEqualTo(1);
        assertThat(vehicle.count(SignatureVerdict.REJECTED_BAD_SIGNATURE)).isEqualTo(1);
        // two unsigned COMMAND_LONGs and the unsigned zero-key SETUP_SIGNING
        assertThat(vehicle.count(SignatureVerdict.REJECTED_UNSIGNED)).isEqualTo(3);
        // 11 signed heartbeats, 4 signed commands, the signed SETUP_SIGNING
        assertThat(vehicle.count(SignatureVerdict.ACCEPTED_SIGNED)).isEqualTo(groundVerdicts.size() - 6);
        assertThat(vehicle.streamTimestamp(255, 190, 7)).isEqualTo(37583491035428L);
    }

    @Test
    void theWrongKeyFrameIsInTheRawStreamToTheVehicleAndFails() throws IOException {
        List<MavlinkFrame> toVehicle = Captures.rawFrames("session5_to_sitl.raw");
        MavlinkFrame wrong = toVehicle.stream().filter(f -> f.hex().equals(WRONG_KEY_FRAME)).findFirst()
                .orElseThrow();
        SignatureChecker c = new SignatureChecker(KEY, SigningTimestamps.open(
                new ManualScheduler(Instant.ofEpochSecond(1795905268)), TimestampStore.inMemory(null)));
        assertThat(c.check(wrong)).isEqualTo(SignatureVerdict.REJECTED_BAD_SIGNATURE);
        // the key the ground wrongly used (bytes 32..63) does verify it
        byte[] k2 = new byte[32];
        for (int i = 0; i < 32; i++) {
            k2[i] = (byte) (32 + i);
        }
        SignatureChecker other = new SignatureChecker(SigningKey.of(k2), SigningTimestamps.open(
                new ManualScheduler(Instant.ofEpochSecond(1795905268)), TimestampStore.inMemory(null)));
        assertThat(other.check(wrong)).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        // every other signed frame the ground sent verifies with the right key
        assertThat(toVehicle.stream().filter(MavlinkFrame::signed).filter(f -> f != wrong)
                .filter(f -> !f.hex().equals(WRONG_KEY_FRAME)).count()).isEqualTo(21);
        SignatureChecker fresh = new SignatureChecker(KEY, SigningTimestamps.open(
                new ManualScheduler(Instant.ofEpochSecond(1795905251)), TimestampStore.inMemory(null)));
        toVehicle.stream().filter(MavlinkFrame::signed).filter(f -> !f.hex().equals(WRONG_KEY_FRAME))
                .forEach(f -> assertThat(fresh.check(f)).isNotEqualTo(SignatureVerdict.REJECTED_BAD_SIGNATURE));
        assertThat(fresh.count(SignatureVerdict.REJECTED_BAD_SIGNATURE)).isZero();
    }

    @Test
    void ourWriterAndSignerReproduceTheGroundsSignedFrameByteForByte() throws IOException {
        long ts = 37583491035324L;
        ManualScheduler clock = new ManualScheduler(Signing.instantOf(ts));
        MavlinkSigner signer = new MavlinkSigner(KEY, 7, SigningTimestamps.open(clock, TimestampStore.inMemory(null)));
        FrameWriter w = new FrameWriter();
        w.resetSequence(0x11);
        byte[] payload = HexFormat.of().parseHex(ACCEPTED_SIGNED_FRAME.substring(20, 20 + 64));
        MavlinkFrame f = w.encodeV2(255, 190, 76, payload, signer);
        assertThat(f.hex()).isEqualTo(ACCEPTED_SIGNED_FRAME);
        assertThat(f.signatureLinkId()).isEqualTo(7);
        assertThat(f.signatureTimestamp()).isEqualTo(ts);
        assertThat(signer.signedFrames()).isEqualTo(1);
    }
}
