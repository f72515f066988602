package org.vigie.link.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The time base of {@link RealtimeScheduler}s: wall time multiplied by a speed-up, held back through stalls. Schedulers
 * that share one (a simulator and a companion in one process) share one simulated time: a stall of either event thread
 * holds both, as a lock-step simulation pauses its whole world, so their clocks never drift apart.
 *
 * <p>Stalls: when a task starts later than its due time by more than {@code maxLateness} (scheduler time), the clock
 * is held back by the excess; overlapping stalls (a garbage-collector pause seen by several threads) count once. With
 * no bound (null, and always at speed-up 1) the clock is wall time times the speed-up.
 *
 * <p>Threading: lock-free; {@link #nanoTime()} never goes back and may be read from any thread.
 */
public final class SpeedUpClock {

    private record Held(long wallNanos, long untilWallNanos) {}

    private final double speedUp;
    private final Instant startInstant;
    private final long startNanos;
    private final long maxLatenessWallNanos;
    private final AtomicReference<Held> held = new AtomicReference<>(new Held(0, 0));
    private final AtomicLong latestNanos = new AtomicLong();

    /**
     * Creates a time base.
     *
     * @param speedUp     scheduler seconds per wall-clock second, in [1, 1000]
     * @param clock       the wall clock read once to anchor instants
     * @param maxLateness lateness of a task beyond which the clock holds (scheduler time), or null never to hold
     * @throws IllegalArgumentException if speedUp is out of range or maxLateness is negative
     */
    public SpeedUpClock(double speedUp, Clock clock, @Nullable Duration maxLateness) {
        if (!(speedUp >= 1.0 && speedUp <= 1000.0)) {
            throw new IllegalArgumentException("speedUp must be in [1, 1000], was " + speedUp);
        }
        if (maxLateness != null && maxLateness.isNegative()) {
            throw new IllegalArgumentException("maxLateness must not be negative, was " + maxLateness);
        }
        this.speedUp = speedUp;
        this.startInstant = clock.instant();
        this.startNanos = System.nanoTime();
        this.maxLatenessWallNanos = maxLateness == null || speedUp == 1.0 ? Long.MAX_VALUE
                : (long) (maxLateness.toNanos() / speedUp);
        held.set(new Held(0, startNanos));
    }

    /**
     * A time base with the default stall bound ({@link RealtimeScheduler#DEFAULT_MAX_LATENESS} above speed-up 1).
     *
     * @param speedUp scheduler seconds per wall-clock second, in [1, 1000]
     * @return the time base, anchored on the system UTC clock
     */
    public static SpeedUpClock of(double speedUp) {
        return new SpeedUpClock(speedUp, Clock.systemUTC(), RealtimeScheduler.DEFAULT_MAX_LATENESS);
    }

    /** @return scheduler seconds per wall-clock second */
    public double speedUp() {
        return speedUp;
    }

    /** @return scheduler nanoseconds since construction; never goes back */
    public long nanoTime() {
        long t = (long) ((System.nanoTime() - startNanos - Objects.requireNonNull(held.get(), "never cleared").wallNanos()) * speedUp);
        return maxLatenessWallNanos == Long.MAX_VALUE ? t : latestNanos.accumulateAndGet(t, Math::max);
    }

    /** @return the instant anchored at construction plus {@link #nanoTime()} */
    public Instant now() {
        return startInstant.plusNanos(nanoTime());
    }

    /** @return scheduler time held back through stalls so far */
    public Duration held() {
        return Duration.ofNanos((long) (Objects.requireNonNull(held.get(), "never cleared").wallNanos() * speedUp));
    }

    /** @return a delay in scheduler time as wall nanoseconds, never negative */
    long wallNanos(Duration d) {
        return Math.max(0, (long) (d.toNanos() / speedUp));
    }

    /**
     * An event thread starts a task due at {@code dueWallNanos} (on {@link System#nanoTime()}): hold the clock by the
     * part of its lateness beyond the bound that no stall counted yet.
     *
     * @param dueWallNanos when the task was due
     */
    void starting(long dueWallNanos) {
        if (maxLatenessWallNanos == Long.MAX_VALUE) {
            return;
        }
        long nowWall = System.nanoTime();
        while (true) {
            Held h = Objects.requireNonNull(held.get(), "never cleared");
            long stallFrom = Math.max(dueWallNanos + maxLatenessWallNanos, h.untilWallNanos());
            if (nowWall <= stallFrom || held.compareAndSet(h, new Held(h.wallNanos() + nowWall - stallFrom, nowWall))) {
                return;
            }
        }
    }
}
