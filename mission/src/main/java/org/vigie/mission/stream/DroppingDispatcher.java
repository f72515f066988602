package org.vigie.mission.stream;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a bounded queue between a producer that must never block (the flight's event thread) and a consumer that may
 * be slow (a file, a socket, user code). When the queue is full the oldest item is dropped and counted.
 *
 * <p>Threading: {@link #accept} may be called from any thread and never blocks; items are delivered to the target one
 * at a time, in order, by tasks submitted to the executor (a single-thread executor per dispatcher keeps a slow
 * consumer from delaying others). Exceptions thrown by the target are logged and counted, and delivery goes on.
 *
 * @param <T> item type
 */
public final class DroppingDispatcher<T> implements Consumer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(DroppingDispatcher.class);

    private final String name;
    private final Consumer<? super T> target;
    private final Executor executor;
    private final ArrayBlockingQueue<T> queue;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * Creates a dispatcher.
     *
     * @param name name for logs and statistics
     * @param target the consumer, called on the executor
     * @param executor runs deliveries
     * @param capacity queue capacity, 1 or more
     * @throws IllegalArgumentException if capacity is below 1 or an argument is null
     */
    public DroppingDispatcher(String name, Consumer<? super T> target, Executor executor, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity " + capacity + " must be at least 1");
        }
        if (name == null || target == null || executor == null) {
            throw new IllegalArgumentException("name, target and executor are required");
        }
        this.name = name;
        this.target = target;
        this.executor = executor;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Enqueues an item, dropping the oldest queued item if full; never blocks.
     *
     * @param item the item, not null
     */
    @Override
    public void accept(T item) {
        Objects.requireNonNull(item, "item");
        offered.incrementAndGet();
        while (!queue.offer(item)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
                LOG.warn("sink '{}': executor rejected delivery: {}", name, e.toString());
            }
        }
    }

    private void drain() {
        while (true) {
            T item;
            while ((item = queue.poll()) != null) {
                try {
                    target.accept(item);
                    delivered.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.warn("sink '{}' failed: {}", name, e.toString());
                }
            }
            draining.set(false);
            if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /**
     * Counters of this dispatcher.
     *
     * @return a snapshot of the counters
     */
    public Stats stats() {
        return new Stats(name, offered.get(), delivered.get(), dropped.get(), failed.get(), queue.size());
    }

    /**
     * Counters of a dispatcher.
     *
     * @param name dispatcher name
     * @param offered items offered
     * @param delivered items the target accepted
     * @param dropped items dropped because the queue was full (oldest first)
     * @param failed items whose delivery threw
     * @param queued items waiting now
     */
    public record Stats(String name, long offered, long delivered, long dropped, long failed, int queued) {
    }
}
