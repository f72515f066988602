package org.vigie.link.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.DiscardReason;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;

/**
 * Two producer threads push frames into two endpoints at the same time: the queue-drain must route every frame
 * exactly once, intact, in per-source order, with one drainer at a time (the sink's listener is never entered
 * concurrently).
 */
class RouterRunnerConcurrencyTest {

    static final int PER_SOURCE = 20_000;

    @Test
    void concurrentSourcesAreRoutedIntactAndInOrder() throws Exception {
        InMemoryTransport[] a = InMemoryTransport.pair("a", "router-a");
        InMemoryTransport[] b = InMemoryTransport.pair("b", "router-b");
        InMemoryTransport[] sink = InMemoryTransport.pair("sink", "router-sink");
        int[] lastSeq = {-1, -1};
        int[] counts = new int[2];
        long[] discarded = {0};
        boolean[] concurrentEntry = {false};
        Object guard = new Object();
        int[] inside = {0};
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                int src = f.sysId() - 1;
                int expected = (lastSeq[src] + 1) & 0xFF;
                if (lastSeq[src] >= 0) {
                    assertThat(f.seq()).as("order from source %d", src).isEqualTo(expected);
                }
                lastSeq[src] = f.seq();
                counts[src]++;
            }

            @Override
            public void onDiscard(DiscardReason reason, int byteCount) {
                discarded[0] += byteCount;
            }
        });
        try (RouterRunner runner = new RouterRunner(new Router())) {
            Endpoint ea = runner.add("a", a[1]);
            Endpoint eb = runner.add("b", b[1]);
            runner.add("sink", sink[1]);
            runner.start();
            sink[0].start(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {
                    synchronized (guard) {
                        if (inside[0]++ > 0) {
                            concurrentEntry[0] = true;
                        }
                    }
                    parser.feed(data, offset, length);
                    synchronized (guard) {
                        inside[0]--;
                    }
                }
            });
            a[0].start(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {}
            });
            b[0].start(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {}
            });
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                InMemoryTransport end = s == 0 ? a[0] : b[0];
                int sys = s + 1;
                Thread t = new Thread(() -> {
                    FrameWriter w = new FrameWriter();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < PER_SOURCE; i++) {
                        byte[] raw = w.encodeV2(sys, 1, 0, new byte[] {(byte) i, 0, 0, 0, 2, 3, 0x59, 3, 3}, null)
                                .raw();
                        end.send(raw, 0, raw.length);
                    }
                }, "producer-" + s);
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(t.isAlive()).isFalse();
            }
            assertThat(counts).containsExactly(PER_SOURCE, PER_SOURCE);
            assertThat(discarded[0]).isZero();
            assertThat(concurrentEntry[0]).as("one drainer at a time").isFalse();
            assertThat(runner.overflowBytes(ea) + runner.overflowBytes(eb)).isZero();
            assertThat(ea.stats().framesIn() + eb.stats().framesIn()).isEqualTo(2L * PER_SOURCE);
        }
    }
}
