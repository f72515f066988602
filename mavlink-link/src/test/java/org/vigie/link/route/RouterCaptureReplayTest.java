package org.vigie.link.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.tlog.TlogReader;
import org.vigie.link.tlog.TlogRecord;

/**
 * Replays the real ArduCopter sessions (both directions, from the tlogs) through the router between an "autopilot"
 * endpoint and a "gcs" endpoint: every frame is forwarded byte-for-byte and in order, except targeted frames sent
 * before their target ever spoke (unroutable, counted) and SETUP_SIGNING (rejected, counted).
 */
class RouterCaptureReplayTest {

    static final MessageTable TABLE = MessageTable.ardupilotmega();

    static Stream<Path> tlogs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "testdata", "captures"))) {
            return s.filter(p -> p.toString().endsWith(".tlog")).sorted().toList().stream();
        }
    }

    static int targetSystem(MavlinkFrame f) {
        int o = TABLE.targetSystemOffset(f.msgId());
        return o < 0 ? -1 : f.payloadByte(o);
    }

    @ParameterizedTest
    @MethodSource("tlogs")
    void realSessionsAreForwardedByteForByte(Path tlog) throws IOException {
        Router router = new Router();
        RouterTest.Capture toAp = new RouterTest.Capture();
        RouterTest.Capture toGcs = new RouterTest.Capture();
        Endpoint ap = router.addEndpoint("autopilot", toAp);
        Endpoint gcs = router.addEndpoint("gcs", toGcs);
        Endpoint[] from = new Endpoint[1];
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                router.route(from[0], frame);
            }
        });
        List<byte[]> expectToAp = new ArrayList<>();
        List<byte[]> expectToGcs = new ArrayList<>();
        boolean[] seenSys = new boolean[256];
        int setupSigning = 0;
        int unroutable = 0;
        for (TlogRecord r : TlogReader.readAll(tlog).records()) {
            MavlinkFrame f = r.frame();
            boolean fromAp = f.sysId() == 1;
            from[0] = fromAp ? ap : gcs;
            int ts = targetSystem(f);
            seenSys[f.sysId()] = true;
            if (f.msgId() == 256) {
                setupSigning++;
            } else if (ts > 0 && (ts == f.sysId() || !seenSys[ts])) {
                unroutable++;
            } else {
                (fromAp ? expectToGcs : expectToAp).add(f.raw());
            }
            parser.feed(f.raw());
        }
        assertThat(toAp.frames).containsExactlyElementsOf(expectToAp);
        assertThat(toGcs.frames).containsExactlyElementsOf(expectToGcs);
        assertThat(gcs.stats().rejected()).isEqualTo(setupSigning);
        assertThat(ap.stats().unroutable() + gcs.stats().unroutable()).isEqualTo(unroutable);
        assertThat(toAp.frames.size() + toGcs.frames.size()).as("the sessions carry real traffic").isGreaterThan(50);
        if (tlog.getFileName().toString().equals("session5.tlog")) {
            assertThat(setupSigning).as("session 5 holds SETUP_SIGNING").isPositive();
        }
    }
}
