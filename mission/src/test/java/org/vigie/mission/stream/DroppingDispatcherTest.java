package org.vigie.mission.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DroppingDispatcherTest {

    /** An executor that runs tasks only when asked. */
    static final class ManualExecutor implements java.util.concurrent.Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                r.run();
            }
        }
    }

    @Test
    void fullQueueDropsTheOldestAndCountsIt() {
        ManualExecutor ex = new ManualExecutor();
        List<Integer> got = new ArrayList<>();
        DroppingDispatcher<Integer> d = new DroppingDispatcher<>("t", got::add, ex, 3);
        for (int i = 0; i < 10; i++) {
            d.accept(i);
        }
        assertThat(d.stats().dropped()).isEqualTo(7);
        assertThat(d.stats().queued()).isEqualTo(3);
        assertThat(ex.tasks).hasSize(1); // one drain task, not one per item
        ex.runAll();
        assertThat(got).containsExactly(7, 8, 9);
        assertThat(d.stats()).isEqualTo(new DroppingDispatcher.Stats("t", 10, 3, 7, 0, 0));
        d.accept(10);
        ex.runAll();
        assertThat(got).containsExactly(7, 8, 9, 10);
    }

    @Test
    void aThrowingConsumerIsCountedAndDeliveryGoesOn() {
        ManualExecutor ex = new ManualExecutor();
        List<Integer> got = new ArrayList<>();
        DroppingDispatcher<Integer> d = new DroppingDispatcher<>("t", i -> {
            if (i == 1) {
                throw new IllegalStateException("bad");
            }
            got.add(i);
        }, ex, 8);
        d.accept(0);
        d.accept(1);
        d.accept(2);
        ex.runAll();
        assertThat(got).containsExactly(0, 2);
        assertThat(d.stats().failed()).isEqualTo(1);
    }

    @Test
    void aBlockedConsumerNeverBlocksTheProducer() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<Integer> got = Collections.synchronizedList(new ArrayList<>());
        DroppingDispatcher<Integer> d = new DroppingDispatcher<>("slow", i -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(i);
        }, ex, 4);
        d.accept(-1);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10_000; i++) {
            d.accept(i); // returns at once although the consumer is stuck
        }
        assertThat(d.stats().queued()).isEqualTo(4);
        assertThat(d.stats().dropped()).isEqualTo(10_000 - 4);
        release.countDown();
        ex.shutdown();
        assertThat(ex.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly(-1, 9996, 9997, 9998, 9999);
        var st = d.stats();
        assertThat(st.delivered() + st.dropped()).isEqualTo(st.offered());
    }
}
