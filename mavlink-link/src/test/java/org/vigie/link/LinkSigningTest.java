package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.vehicle.AutopilotFlavour;

/** The link with the real signing support: session5 (real ArduCopter signing, key = bytes 0..31) and link to link. */
class LinkSigningTest {

    static final SigningKey KEY = SigningKey.of(key(0));
    /** Signed by the ground station of session5 with a wrong key (from the capture). */
    static final String WRONG_KEY_FRAME = "fd20010000ffbe4c00000000144300000000000000000000000000000000000000000000000000"
            + "020101b4b107edf4a1962e22fa029fa0923c";

    static byte[] key(int first) {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) (first + i);
        }
        return k;
    }

    private static List<MavlinkFrame> parse(byte[] bytes) {
        List<MavlinkFrame> frames = new ArrayList<>();
        new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                frames.add(f.toFrame());
            }
        }).feed(bytes);
        return frames;
    }

    @Test
    void realArduCopterSignedTrafficIsDeliveredAndEverythingElseRejectedAndCounted() throws IOException {
        byte[] bytes = Files.readAllBytes(CaptureReplayTest.captures().resolve("session5_from_sitl.raw"));
        List<MavlinkFrame> all = parse(bytes);
        long signed = all.stream().filter(MavlinkFrame::signed).count();
        long unsigned = all.size() - signed;
        assertThat(signed).isEqualTo(121);
        assertThat(unsigned).isPositive();

        // the ground's clock when the vehicle's first signed frame arrived (session5_summary.json)
        ManualScheduler scheduler = new ManualScheduler(Instant.ofEpochMilli(1795905251018L));
        SignatureChecker checker = new SignatureChecker(KEY, SigningTimestamps.open(scheduler,
                TimestampStore.inMemory(null)));
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sitl");
        pair[1].start((d, o, l) -> { });
        MavlinkLink link = MavlinkLink.create(LinkConfig.of(1).withHeartbeat(false).withSignatureCheck(checker),
                scheduler, scheduler.callbackExecutor(), pair[0]);
        List<LinkEvent> events = new ArrayList<>();
        List<MavlinkFrame> delivered = new ArrayList<>();
        link.subscribeEvents(events::add);
        link.subscribeFrames(delivered::add);

        pair[1].send(bytes, 0, bytes.length);
        scheduler.runPending();
        assertThat(delivered).hasSize((int) signed).allMatch(MavlinkFrame::signed);
        assertThat(link.stats().signatureRejections()).containsOnlyKeys(SignatureVerdict.REJECTED_UNSIGNED)
                .containsEntry(SignatureVerdict.REJECTED_UNSIGNED, unsigned);
        assertThat(events.stream().filter(e -> e instanceof LinkEvent.SignatureRejected)).hasSize((int) unsigned);
        assertThat(link.vehicle().orElseThrow().flavour()).isEqualTo(AutopilotFlavour.ARDUPILOT);

        // the same bytes again: every signed frame is now a replay, none delivered
        pair[1].send(bytes, 0, bytes.length);
        byte[] wrongKey = HexFormat.of().parseHex(WRONG_KEY_FRAME);
        pair[1].send(wrongKey, 0, wrongKey.length);
        scheduler.runPending();
        assertThat(delivered).hasSize((int) signed);
        LinkStats s = link.stats();
        assertThat(s.signatureRejections()).containsEntry(SignatureVerdict.REJECTED_REPLAY, signed)
                .containsEntry(SignatureVerdict.REJECTED_UNSIGNED, 2 * unsigned)
                .containsEntry(SignatureVerdict.REJECTED_BAD_SIGNATURE, 1L);
        assertThat(events).contains(new LinkEvent.SignatureRejected(SignatureVerdict.REJECTED_BAD_SIGNATURE, 255, 190,
                76));
        link.close();
    }

    @Test
    void framesSignedByOneLinkVerifyAtAnotherWithTheSameKeyOnly() throws IOException {
        ManualScheduler scheduler = new ManualScheduler();
        InMemoryTransport[] ab = InMemoryTransport.pair("a", "b");
        MavlinkSigner signer = new MavlinkSigner(KEY, 7, SigningTimestamps.open(scheduler,
                TimestampStore.inMemory(null)));
        MavlinkLink a = MavlinkLink.create(LinkConfig.of(1).withSigner(signer), scheduler, scheduler.callbackExecutor(), ab[0]);
        SignatureChecker good = new SignatureChecker(KEY, SigningTimestamps.open(scheduler,
                TimestampStore.inMemory(null)));
        MavlinkLink b = MavlinkLink.create(LinkConfig.of(2).withHeartbeat(false).withSignatureCheck(good), scheduler,
                scheduler.callbackExecutor(), ab[1]);
        List<MavlinkFrame> atB = new ArrayList<>();
        b.subscribeFrames(atB::add);
        scheduler.advance(java.time.Duration.ofSeconds(3));
        assertThat(atB).hasSize(4).allMatch(f -> f.signed() && f.signatureLinkId() == 7);
        assertThat(b.peers()).containsExactly(new Peer(1, 191, 18, 8, true));
        assertThat(b.stats().signatureRejectionsTotal()).isZero();
        a.close();
        b.close();

        InMemoryTransport[] cd = InMemoryTransport.pair("c", "d");
        MavlinkLink c = MavlinkLink.create(LinkConfig.of(1).withSigner(new MavlinkSigner(SigningKey.of(key(100)), 7,
                SigningTimestamps.open(scheduler, TimestampStore.inMemory(null)))), scheduler, scheduler.callbackExecutor(), cd[0]);
        MavlinkLink d = MavlinkLink.create(LinkConfig.of(2).withHeartbeat(false).withSignatureCheck(
                new SignatureChecker(KEY, SigningTimestamps.open(scheduler, TimestampStore.inMemory(null)))),
                scheduler, scheduler.callbackExecutor(), cd[1]);
        List<MavlinkFrame> atD = new ArrayList<>();
        d.subscribeFrames(atD::add);
        scheduler.advance(java.time.Duration.ofSeconds(3));
        assertThat(atD).isEmpty();
        assertThat(d.peers()).isEmpty();
        assertThat(d.stats().signatureRejections()).containsEntry(SignatureVerdict.REJECTED_BAD_SIGNATURE, 4L);
        c.close();
        d.close();
    }
}
