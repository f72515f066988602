package org.vigie.link.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stall of the event thread at a speed-up is not counted as scheduler time (beyond the lateness bound); at speed-up 1
 * the clock is the wall clock. The stall is made by a task that keeps the thread busy for 200 ms of wall time.
 */
class RealtimeSchedulerStallTest {

    private static void busyFor(long wallMs) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wallMs);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static long stalledAdvanceMs(RealtimeScheduler s) throws Exception {
        CompletableFuture<Long> before = new CompletableFuture<>();
        CompletableFuture<Long> after = new CompletableFuture<>();
        s.execute(() -> {
            before.complete(s.monotonicMs());
            busyFor(200);
        });
        s.execute(() -> after.complete(s.monotonicMs()));
        return after.get(10, TimeUnit.SECONDS) - before.get(10, TimeUnit.SECONDS);
    }

    @Test
    void atASpeedUpTheClockHoldsThroughAStallOfTheEventThread() throws Exception {
        try (RealtimeScheduler s = new RealtimeScheduler("stall-50x", 50, Clock.systemUTC())) {
            long advancedMs = stalledAdvanceMs(s);
            // without holding: 200 ms x 50 = 10 s; held: about the 500 ms bound
            assertThat(advancedMs).isLessThan(3_000);
            assertThat(s.held()).isGreaterThan(Duration.ofSeconds(7));
        }
    }

    @Test
    void atSpeedUpOneTheClockIsTheWallClock() throws Exception {
        try (RealtimeScheduler s = new RealtimeScheduler("stall-1x", 1, Clock.systemUTC())) {
            assertThat(stalledAdvanceMs(s)).isGreaterThanOrEqualTo(200);
            assertThat(s.held()).isZero();
        }
    }

    @Test
    void withoutABoundTheClockRunsThroughTheStall() throws Exception {
        try (RealtimeScheduler s = new RealtimeScheduler("stall-unbounded", 50, Clock.systemUTC(), null)) {
            assertThat(stalledAdvanceMs(s)).isGreaterThanOrEqualTo(10_000);
        }
    }
}
