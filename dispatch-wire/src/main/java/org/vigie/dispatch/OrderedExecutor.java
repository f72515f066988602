package org.vigie.dispatch;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks on a delegate executor one at a time, in submission order (thread-safe): callbacks of one
 * endpoint keep their order on a pooled callback executor. */
public final class OrderedExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedExecutor.class);
    private final Executor delegate;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** @param delegate the executor that runs the tasks (the link's callback executor) */
    public OrderedExecutor(Executor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void execute(Runnable task) {
        queue.add(Objects.requireNonNull(task, "task"));
        drain();
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        delegate.execute(() -> {
            try {
                Runnable r;
                while ((r = queue.poll()) != null) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        LOG.warn("dispatch listener failed", e);
                    }
                }
            } finally {
                draining.set(false);
                if (!queue.isEmpty()) {
                    drain();
                }
            }
        });
    }
}
