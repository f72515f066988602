package org.vigie.link.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.tlog.TlogReader;
import org.vigie.link.tlog.TlogRecord;
import org.vigie.link.tlog.TlogWriter;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;

/**
 * The runner with in-memory transports (deterministic: delivery on the sender's thread), the companion as an
 * endpoint, a tlog attached to the autopilot endpoint, and frames split across arbitrary chunks.
 */
class RouterRunnerInMemoryTest {

    static final class Side implements TransportListener {
        final List<MavlinkFrame> frames = new ArrayList<>();
        final FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                frames.add(frame.toFrame());
            }
        });

        @Override
        public void onBytes(byte[] data, int offset, int length) {
            parser.feed(data, offset, length);
        }
    }

    @Test
    void companionAutopilotAndGroundAreWiredAndTheAutopilotLinkIsLogged() throws Exception {
        InMemoryTransport[] ap = InMemoryTransport.pair("autopilot", "router-ap");
        InMemoryTransport[] gcs = InMemoryTransport.pair("gcs", "router-gcs");
        InMemoryTransport[] comp = InMemoryTransport.pair("companion", "router-companion");
        ManualScheduler clock = new ManualScheduler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TlogWriter tlog = new TlogWriter(log, clock);
        Side apSide = new Side();
        Side gcsSide = new Side();
        Side compSide = new Side();
        FrameWriter w = new FrameWriter();
        MavlinkFrame apHb = w.encodeV2(1, 1, 0, new byte[] {0, 0, 0, 0, 2, 3, 0x59, 3, 3}, null);
        MavlinkFrame gcsHb = w.encodeV2(255, 190, 0, new byte[] {0, 0, 0, 0, 6, 8, 0, 0, 3}, null);
        MavlinkFrame compHb = w.encodeV2(1, 191, 0, new byte[] {0, 0, 0, 0, 18, 8, 0, 0, 3}, null);
        try (RouterRunner runner = new RouterRunner(new Router())) {
            Endpoint apEp = runner.add("autopilot", ap[1]);
            runner.add("gcs", gcs[1]);
            runner.add("companion", comp[1]);
            apEp.tap(tlog);
            runner.start();
            ap[0].start(apSide);
            gcs[0].start(gcsSide);
            comp[0].start(compSide);
            assertThatThrownBy(() -> runner.add("late", InMemoryTransport.pair("x", "y")[0]))
                    .isInstanceOf(IllegalStateException.class);

            byte[] raw = apHb.raw();
            ap[0].send(raw, 0, 5);
            assertThat(gcsSide.frames).as("half a frame is not routed").isEmpty();
            ap[0].send(raw, 5, raw.length - 5);
            clock.advance(Duration.ofMillis(10));
            gcs[0].send(gcsHb.raw(), 0, gcsHb.raw().length);
            comp[0].send(compHb.raw(), 0, compHb.raw().length);

            assertThat(gcsSide.frames).containsExactly(apHb, compHb);
            assertThat(compSide.frames).containsExactly(apHb, gcsHb);
            assertThat(apSide.frames).containsExactly(gcsHb, compHb);
            assertThat(runner.overflowBytes(apEp)).isZero();
            assertThat(runner.discardedBytes(apEp)).isZero();
        }
        tlog.close();
        TlogReader r = new TlogReader(new ByteArrayInputStream(log.toByteArray()));
        List<TlogRecord> records = new ArrayList<>();
        r.forEachRemaining(records::add);
        assertThat(records).extracting(TlogRecord::frame).containsExactly(apHb, gcsHb, compHb);
        long t0 = TlogWriter.epochMicros(new ManualScheduler().now());
        assertThat(records.get(0).timestampUs()).isEqualTo(t0);
        assertThat(records.get(1).timestampUs()).isEqualTo(t0 + 10_000);
    }

    @Test
    void awaitClosedReturnsOnceAnotherThreadCloses() throws Exception {
        InMemoryTransport[] a = InMemoryTransport.pair("a", "router-a");
        InMemoryTransport[] b = InMemoryTransport.pair("b", "router-b");
        RouterRunner runner = new RouterRunner(new Router());
        runner.add("a", a[1]);
        runner.add("b", b[1]);
        runner.start();
        java.util.concurrent.CompletableFuture<Void> waited = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                runner.awaitClosed();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waited).isNotDone();
        runner.close();
        waited.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(waited).isCompleted();
    }
}
