package org.vigie.link.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic scheduler for tests and simulations: time moves only when {@link #advance(Duration)} (or
 * {@link #runPending()}) is called, and due tasks run on the calling thread in due-time order, ties in submission
 * order.
 *
 * <p>Threading: tasks may be submitted from any thread (the queue is synchronised), but tasks only run on the thread
 * that calls {@code advance}/{@code runPending}. Do not call {@code advance} from two threads at once.
 *
 * <p>Callbacks: {@link #callbackExecutor()} is a separate callback thread, as production has (futures and listeners
 * of the library must not complete on the event thread), made deterministic: before each task and at the end of
 * {@code advance}, the driver waits until every callback handed to it so far has run, so whatever a callback posts
 * back to the scheduler is queued at a fixed point.
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
    private volatile @Nullable Thread driver;
    private @Nullable CallbackThread callbacks;

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
     * A callback executor for libraries driven by this scheduler: one daemon thread (started on demand, gone after a
     * second idle), never the driving thread. {@code advance} waits for it to be idle before each task and before it
     * returns (at most {@link #CALLBACK_WAIT}; a callback that blocks on the event thread fails the test instead of
     * hanging it). An exception thrown by a callback is rethrown by the next {@code advance}.
     *
     * @return the executor, the same one on every call
     */
    public synchronized Executor callbackExecutor() {
        if (callbacks == null) {
            callbacks = new CallbackThread();
        }
        return callbacks;
    }

    /** The longest {@code advance} waits for the callback thread to become idle. */
    public static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);

    private void awaitCallbacks() {
        CallbackThread c;
        synchronized (this) {
            c = callbacks;
        }
        if (c != null) {
            c.awaitIdle();
        }
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
            awaitCallbacks();
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

    /** A serial executor on one on-demand daemon thread that can tell when everything handed to it has run. */
    private static final class CallbackThread implements Executor {
        private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "manual-scheduler-callbacks");
                    t.setDaemon(true);
                    return t;
                });
        private int pending;
        private @Nullable RuntimeException failure;
        private @Nullable Error error;

        @Override
        public void execute(Runnable task) {
            Objects.requireNonNull(task, "task");
            synchronized (this) {
                pending++;
            }
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    synchronized (this) {
                        failure = failure == null ? e : failure;
                    }
                } catch (Error e) {
                    synchronized (this) {
                        error = error == null ? e : error;
                    }
                } finally {
                    synchronized (this) {
                        pending--;
                        notifyAll();
                    }
                }
            });
        }

        synchronized void awaitIdle() {
            long end = System.nanoTime() + CALLBACK_WAIT.toNanos();
            while (pending > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the callback thread was still busy after " + CALLBACK_WAIT
                            + ": a callback waits for the event thread (which only runs inside advance)");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for callbacks", e);
                }
            }
            if (error != null) {
                Error e = error;
                error = null;
                throw e;
            }
            if (failure != null) {
                RuntimeException e = failure;
                failure = null;
                throw e;
            }
        }
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
