package org.vigie.link.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stall of an event thread at a speed-up is not counted as scheduler time (beyond the lateness bound) by the schedulers
 * sharing its {@link SpeedUpClock}; a scheduler with a clock of its own, and any at speed-up 1, keep wall time. The stall is made by a task that keeps the thread busy for 200 ms of wall time.
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
    void schedulersSharingASpeedUpClockBothHoldThroughAStallOfEither() throws Exception {
        SpeedUpClock world = SpeedUpClock.of(50);
        try (RealtimeScheduler s = new RealtimeScheduler("stall-50x", world);
             RealtimeScheduler peer = new RealtimeScheduler("peer-50x", world)) {
            long peerBefore = peer.monotonicMs();
            long advancedMs = stalledAdvanceMs(s);
            // without holding: 200 ms x 50 = 10 s; held: about the 500 ms bound
            assertThat(advancedMs).isLessThan(3_000);
            assertThat(s.held()).isGreaterThan(Duration.ofSeconds(7));
            assertThat(peer.monotonicMs() - peerBefore).isLessThan(4_000);
        }
    }

    @Test
    void atSpeedUpOneTheClockIsTheWallClock() throws Exception {
        try (RealtimeScheduler s = new RealtimeScheduler("stall-1x", SpeedUpClock.of(1))) {
            assertThat(stalledAdvanceMs(s)).isGreaterThanOrEqualTo(200);
            assertThat(s.held()).isZero();
        }
    }

    @Test
    void aSchedulerWithAClockOfItsOwnRunsThroughTheStall() throws Exception {
        try (RealtimeScheduler s = new RealtimeScheduler("stall-own", 50, Clock.systemUTC())) {
            assertThat(stalledAdvanceMs(s)).isGreaterThanOrEqualTo(10_000);
        }
    }
}
