package org.vigie.link;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a delegate executor (which may be a pool): user listeners see
 * link events in the order they happened even when the callback executor has several threads.
 *
 * <p>Threading: {@link #execute} is thread-safe and takes no lock: tasks go into a lock-free queue, and a counter of
 * pending tasks decides who hands a drain to the delegate (the caller that raises it from zero); the drain runs until
 * the counter is back to zero, so exactly one drain runs at a time.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor delegate;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() != 0) {
            return;
        }
        try {
            delegate.execute(this::drain);
        } catch (RuntimeException e) {
            LOG.warn("callback executor refused a task; callbacks dropped", e);
            do {
                tasks.poll();
            } while (pending.decrementAndGet() != 0);
        }
    }

    private void drain() {
        do {
            Runnable next = tasks.poll();
            if (next != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.warn("user callback threw", e);
                }
            }
        } while (pending.decrementAndGet() != 0);
    }
}
