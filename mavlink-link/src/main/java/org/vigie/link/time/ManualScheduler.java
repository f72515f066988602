package org.vigie.link.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic scheduler for tests and simulations: time moves only when {@link #advance(Duration)} (or
 * {@link #runPending()}) is called, and due tasks run on the calling thread in due-time order, ties in submission
 * order.
 *
 * <p>Threading: tasks may be submitted from any thread (the queue is synchronised), but tasks only run on the thread
 * that calls {@code advance}/{@code runPending}. Do not call {@code advance} from two threads at once.
 *
 * <p>Errors: unlike {@link RealtimeScheduler}, an exception thrown by a task propagates out of {@code advance}, so
 * that a bug fails the test that triggered it instead of being logged and forgotten.
 */
public final class ManualScheduler implements Scheduler {

    private record Entry(long dueNanos, long order, Runnable task, long periodNanos, Handle handle) {}

    private static final class Handle implements Cancellable {
        volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private final AtomicLong order = new AtomicLong();
    private final Instant epoch;
    private volatile long nowNanos;
    private volatile Thread driver;

    /** Creates a scheduler whose clock starts at 2026-01-01T00:00:00Z. */
    public ManualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Creates a scheduler whose clock starts at the given instant.
     *
     * @param start the initial value of {@link #now()}
     */
    public ManualScheduler(Instant start) {
        this.epoch = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        return epoch.plusNanos(nowNanos);
    }

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        Handle h = new Handle();
        long d = Math.max(0, delay.toNanos());
        synchronized (queue) {
            queue.add(new Entry(nowNanos + d, order.getAndIncrement(), task, 0, h));
        }
        return h;
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        Handle h = new Handle();
        synchronized (queue) {
            queue.add(new Entry(nowNanos + Math.max(0, initialDelay.toNanos()), order.getAndIncrement(), task,
                    period.toNanos(), h));
        }
        return h;
    }

    @Override
    public boolean inEventThread() {
        Thread d = driver;
        return d == null || d == Thread.currentThread();
    }

    /**
     * Moves time forward by {@code step}, running every task that falls due on the way, each at its own due time.
     *
     * @param step how far to move, zero or positive
     * @throws IllegalArgumentException if step is negative
     */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("cannot move time backwards: " + step);
        }
        long target = nowNanos + step.toNanos();
        driver = Thread.currentThread();
        while (true) {
            Entry e;
            synchronized (queue) {
                e = queue.peek();
                if (e == null || e.dueNanos > target) {
                    break;
                }
                queue.poll();
            }
            if (e.handle.cancelled) {
                continue;
            }
            nowNanos = Math.max(nowNanos, e.dueNanos);
            if (e.periodNanos > 0) {
                synchronized (queue) {
                    queue.add(new Entry(e.dueNanos + e.periodNanos, order.getAndIncrement(), e.task, e.periodNanos,
                            e.handle));
                }
            }
            e.task.run();
        }
        nowNanos = target;
    }

    /** Runs every task due now, without moving time. */
    public void runPending() {
        advance(Duration.ZERO);
    }

    /**
     * Advances in steps of {@code step} until {@code condition} holds or {@code limit} has elapsed.
     *
     * @param condition what to wait for, evaluated after each step
     * @param step time step, positive
     * @param limit the most time to advance
     * @return true if the condition held, false if the limit was reached first
     */
    public boolean advanceUntil(java.util.function.BooleanSupplier condition, Duration step, Duration limit) {
        long end = nowNanos + limit.toNanos();
        runPending();
        while (!condition.getAsBoolean()) {
            if (nowNanos >= end) {
                return false;
            }
            advance(step);
        }
        return true;
    }

    /**
     * Number of tasks still queued (including periodic ones and cancelled ones not yet discarded).
     *
     * @return queued task count
     */
    public int queuedTasks() {
        synchronized (queue) {
            return queue.size();
        }
    }
}
