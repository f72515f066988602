package org.vigie.link.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.route.AcceptResult.FilterReason;
import org.vigie.link.route.AcceptResult.RejectReason;
import org.vigie.link.time.ManualScheduler;

/** The router as pure logic: no sockets, frames in through a parser, frames out into capturing sinks. */
class RouterTest {

    static final int HEARTBEAT = 0;
    static final int PARAM_REQUEST_LIST = 21;
    static final int COMMAND_LONG = 76;
    static final int COMMAND_ACK = 77;
    static final int SETUP_SIGNING = 256;
    static final MessageTable TABLE = MessageTable.ardupilotmega();

    /** A sink that keeps copies of what it was given. */
    static final class Capture implements FrameSink {
        final List<byte[]> frames = new ArrayList<>();
        boolean refuse;

        @Override
        public boolean write(byte[] data, int offset, int length) {
            if (refuse) {
                return false;
            }
            byte[] c = new byte[length];
            System.arraycopy(data, offset, c, 0, length);
            frames.add(c);
            return true;
        }
    }

    /** Feeds raw bytes through a parser into the router as coming from one endpoint. */
    static int feed(Router router, Endpoint from, byte[] bytes) {
        int[] written = {0};
        FrameParser p = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                written[0] += router.route(from, frame);
            }
        });
        p.feed(bytes);
        return written[0];
    }

    final FrameWriter writer = new FrameWriter();

    MavlinkFrame heartbeat(int sys, int comp) {
        return writer.encodeV2(sys, comp, HEARTBEAT, new byte[] {0, 0, 0, 0, 2, 3, 0x59, 3, 3}, null);
    }

    MavlinkFrame targeted(int msgId, int sys, int comp, int targetSys, int targetComp) {
        byte[] payload = new byte[TABLE.maxPayloadLength(msgId)];
        payload[0] = 7;
        payload[TABLE.targetSystemOffset(msgId)] = (byte) targetSys;
        int tco = TABLE.targetComponentOffset(msgId);
        if (tco >= 0) {
            payload[tco] = (byte) targetComp;
        }
        return writer.encodeV2(sys, comp, msgId, payload, null);
    }

    Router router;
    Capture apSink;
    Capture gcs1Sink;
    Capture gcs2Sink;
    Capture companionSink;
    Endpoint ap;
    Endpoint gcs1;
    Endpoint gcs2;
    Endpoint companion;

    @BeforeEach
    void setUp() {
        router = new Router();
        apSink = new Capture();
        gcs1Sink = new Capture();
        gcs2Sink = new Capture();
        companionSink = new Capture();
        ap = router.addEndpoint("autopilot", apSink);
        gcs1 = router.addEndpoint("gcs1", gcs1Sink);
        gcs2 = router.addEndpoint("gcs2", gcs2Sink);
        companion = router.addEndpoint("companion", companionSink);
        feed(router, ap, heartbeat(1, 1).raw());
        feed(router, gcs1, heartbeat(255, 190).raw());
        feed(router, companion, heartbeat(1, 191).raw());
        for (Capture c : List.of(apSink, gcs1Sink, gcs2Sink, companionSink)) {
            c.frames.clear();
        }
    }

    @Test
    void broadcastGoesEverywhereButBackToItsSourceByteForByte() {
        MavlinkFrame hb = heartbeat(1, 1);
        assertThat(feed(router, ap, hb.raw())).isEqualTo(3);
        assertThat(apSink.frames).isEmpty();
        for (Capture c : List.of(gcs1Sink, gcs2Sink, companionSink)) {
            assertThat(c.frames).singleElement().isEqualTo(hb.raw());
        }
    }

    @Test
    void targetedGoesOnlyWhereTheTargetWasSeen() {
        MavlinkFrame cmd = targeted(COMMAND_LONG, 255, 190, 1, 1);
        assertThat(feed(router, gcs1, cmd.raw())).isEqualTo(1);
        assertThat(apSink.frames).singleElement().isEqualTo(cmd.raw());
        assertThat(gcs2Sink.frames).isEmpty();
        assertThat(companionSink.frames).isEmpty();
        assertThat(gcs2.stats().notForHere()).isEqualTo(1);

        MavlinkFrame toCompanion = targeted(COMMAND_LONG, 255, 190, 1, 191);
        assertThat(feed(router, gcs1, toCompanion.raw())).isEqualTo(1);
        assertThat(companionSink.frames).singleElement().isEqualTo(toCompanion.raw());

        MavlinkFrame ack = targeted(COMMAND_ACK, 1, 1, 255, 190);
        assertThat(feed(router, ap, ack.raw())).isEqualTo(1);
        assertThat(gcs1Sink.frames).singleElement().isEqualTo(ack.raw());
    }

    @Test
    void targetComponentZeroGoesToEveryEndpointWhereTheSystemWasSeen() {
        MavlinkFrame toSystem1 = targeted(COMMAND_LONG, 255, 190, 1, 0);
        assertThat(feed(router, gcs1, toSystem1.raw())).isEqualTo(2);
        assertThat(apSink.frames).hasSize(1);
        assertThat(companionSink.frames).hasSize(1);
        assertThat(gcs2Sink.frames).isEmpty();
        MavlinkFrame noComponentField = targeted(PARAM_REQUEST_LIST, 255, 190, 1, 0);
        assertThat(feed(router, gcs1, noComponentField.raw())).isEqualTo(2);
    }

    @Test
    void broadcastTargetSystemZeroGoesEverywhere() {
        MavlinkFrame all = targeted(COMMAND_LONG, 255, 190, 0, 0);
        assertThat(feed(router, gcs1, all.raw())).isEqualTo(3);
        assertThat(gcs1Sink.frames).isEmpty();
    }

    @Test
    void unknownTargetGoesNowhereAndIsCountedUnroutable() {
        assertThat(feed(router, gcs1, targeted(COMMAND_LONG, 255, 190, 42, 1).raw())).isZero();
        assertThat(feed(router, gcs1, targeted(COMMAND_LONG, 255, 190, 1, 100).raw())).isZero();
        assertThat(gcs1.stats().unroutable()).isEqualTo(2);
        assertThat(apSink.frames).isEmpty();
    }

    @Test
    void targetOnTheSourceEndpointIsNeverEchoed() {
        MavlinkFrame selfTargeted = targeted(COMMAND_LONG, 1, 1, 255, 190);
        assertThat(feed(router, gcs1, selfTargeted.raw())).isZero();
        assertThat(gcs1Sink.frames).isEmpty();
        assertThat(gcs1.stats().unroutable()).isEqualTo(1);
    }

    @Test
    void setupSigningIsNeverForwardedAndIsCounted() {
        MavlinkFrame setup = targeted(SETUP_SIGNING, 255, 190, 0, 0);
        assertThat(feed(router, gcs1, setup.raw())).isZero();
        assertThat(feed(router, gcs1, targeted(SETUP_SIGNING, 255, 190, 1, 1).raw())).isZero();
        for (Capture c : List.of(apSink, gcs1Sink, gcs2Sink, companionSink)) {
            assertThat(c.frames).isEmpty();
        }
        assertThat(gcs1.stats().rejected()).isEqualTo(2);
        assertThat(gcs1.stats().framesIn()).isEqualTo(3);
    }

    @Test
    void filtersKeepFramesOutAndCountThem() {
        Router r = new Router();
        Capture a = new Capture();
        Capture b = new Capture();
        Capture c = new Capture();
        Endpoint src = r.addEndpoint("src", a,
                EndpointFilter.builder().blockSourceSystems(66).build(), EndpointFilter.allowAll());
        Endpoint noHb = r.addEndpoint("noHeartbeat", b, EndpointFilter.allowAll(),
                EndpointFilter.builder().blockMessages(HEARTBEAT).build());
        Endpoint onlySys1 = r.addEndpoint("onlySys1", c, EndpointFilter.allowAll(),
                EndpointFilter.builder().allowSourceSystems(1).allowMessages(HEARTBEAT, COMMAND_ACK).build());

        assertThat(feed(r, src, heartbeat(1, 1).raw())).isEqualTo(1);
        assertThat(b.frames).isEmpty();
        assertThat(c.frames).hasSize(1);
        assertThat(noHb.stats().filtered()).isEqualTo(1);

        assertThat(feed(r, src, heartbeat(2, 1).raw())).isEqualTo(0);
        assertThat(onlySys1.stats().filtered()).isEqualTo(1);
        assertThat(noHb.stats().filtered()).isEqualTo(2);
        assertThat(feed(r, src, heartbeat(66, 1).raw())).isZero();
        assertThat(src.stats().filtered()).isEqualTo(1);
        assertThat(src.seenSystem(66)).as("filtered input teaches no route").isFalse();

        MavlinkFrame sysStatus = writer.encodeV2(1, 1, 1, new byte[31], null);
        assertThat(feed(r, src, sysStatus.raw())).isEqualTo(1);
        assertThat(b.frames).hasSize(1);
        assertThat(onlySys1.stats().filtered()).isEqualTo(2);
    }

    @Test
    void acceptReturnsTheSealedVerdicts() {
        Router r = new Router();
        Endpoint e = r.addEndpoint("e", new Capture(), EndpointFilter.allowAll(),
                EndpointFilter.builder().blockMessages(HEARTBEAT).build());
        Endpoint src = r.addEndpoint("src", new Capture());
        List<AcceptResult> verdicts = new ArrayList<>();
        FrameParser p = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                verdicts.add(e.accept(frame));
            }
        });
        p.feed(heartbeat(1, 1).raw());
        p.feed(targeted(COMMAND_LONG, 255, 190, 1, 1).raw());
        p.feed(targeted(SETUP_SIGNING, 255, 190, 0, 0).raw());
        p.feed(targeted(COMMAND_LONG, 255, 190, 0, 0).raw());
        assertThat(verdicts).containsExactly(
                AcceptResult.Filtered.of(FilterReason.MESSAGE_BLOCKED),
                AcceptResult.Rejected.of(RejectReason.TARGET_NOT_HERE),
                AcceptResult.Rejected.of(RejectReason.SETUP_SIGNING),
                AcceptResult.ACCEPTED);
        assertThat(src.stats().framesIn()).isZero();
    }

    @Test
    void redundantLinksAreDeduplicatedWithinTheWindow() {
        ManualScheduler clock = new ManualScheduler();
        Router r = new Router(clock, Duration.ofMillis(100));
        Capture gcs = new Capture();
        Endpoint radioA = r.addEndpoint("radioA", new Capture());
        Endpoint radioB = r.addEndpoint("radioB", new Capture());
        Endpoint ground = r.addEndpoint("ground", gcs);
        MavlinkFrame hb = heartbeat(1, 1);
        assertThat(feed(r, radioA, hb.raw())).isEqualTo(2);
        assertThat(feed(r, radioB, hb.raw())).isZero();
        assertThat(radioB.stats().deduplicated()).isEqualTo(1);
        assertThat(radioB.seenSystem(1)).as("the redundant link still learns the route").isTrue();
        assertThat(gcs.frames).hasSize(1);

        MavlinkFrame next = heartbeat(1, 1);
        assertThat(feed(r, radioB, next.raw())).isEqualTo(2);
        clock.advance(Duration.ofMillis(150));
        assertThat(feed(r, radioA, hb.raw())).as("outside the window the same bytes pass again").isEqualTo(2);
        assertThat(gcs.frames).hasSize(3);

        MavlinkFrame cmd = targeted(COMMAND_LONG, 255, 190, 1, 1);
        assertThat(feed(r, ground, cmd.raw())).as("a command goes out on both redundant links").isEqualTo(2);
    }

    @Test
    void dedupOffByDefault() {
        MavlinkFrame hb = heartbeat(1, 1);
        assertThat(feed(router, ap, hb.raw())).isEqualTo(3);
        assertThat(feed(router, ap, hb.raw())).isEqualTo(3);
    }

    @Test
    void refusedWritesAreCounted() {
        gcs2Sink.refuse = true;
        long before = gcs1.stats().framesOut();
        assertThat(feed(router, ap, heartbeat(1, 1).raw())).isEqualTo(2);
        assertThat(gcs2.stats().writeFailures()).isEqualTo(1);
        assertThat(gcs1.stats().framesOut()).isEqualTo(before + 1);
    }

    @Test
    void everyFrameInIsAccountedFor() {
        long apOutBefore = ap.stats().framesOut();
        feed(router, gcs1, targeted(COMMAND_LONG, 255, 190, 1, 1).raw());
        feed(router, gcs1, targeted(COMMAND_LONG, 255, 190, 9, 1).raw());
        feed(router, gcs1, targeted(SETUP_SIGNING, 255, 190, 1, 1).raw());
        feed(router, gcs1, heartbeat(255, 190).raw());
        EndpointStats s = gcs1.stats();
        assertThat(s.framesIn()).isEqualTo(5);
        assertThat(s.rejected() + s.unroutable()).isEqualTo(2);
        assertThat(ap.stats().framesOut() - apOutBefore).isEqualTo(2);
        assertThat(ap.stats().bytesOut()).isPositive();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> router.addEndpoint("gcs1", new Capture()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gcs1");
        assertThatThrownBy(() -> EndpointFilter.builder().allowSourceSystems(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
        assertThatThrownBy(() -> EndpointFilter.builder().blockMessages(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new Router(new ManualScheduler(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        Endpoint foreign = new Router().addEndpoint("x", new Capture());
        assertThatThrownBy(() -> feed(router, foreign, heartbeat(1, 1).raw()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
