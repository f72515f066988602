package org.vigie.mission.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confines a sink's state (a file, its counters) to one thread at a time, without a lock: every action is posted, and
 * the calling thread that finds no other thread writing runs it at once, then every action posted meanwhile, in order
 * (a queue-drain counter, as the router's). An uncontended call runs on its own thread before it returns, so a sink
 * fed by one thread behaves exactly as a plain object; a call made while another thread is writing returns at once and
 * its action runs on that thread, right after the action in progress. Actions see everything earlier actions did.
 *
 * <p>Threading: {@link #post} and {@link #postAndWait} may be called from any thread. An action that throws is logged;
 * the writer goes on.
 */
public final class SingleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SingleWriter.class);

    private final String name;
    private final ConcurrentLinkedQueue<Runnable> actions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile @Nullable Thread writer;

    /**
     * Creates an idle writer.
     *
     * @param name what it writes, for logs (e.g. the file)
     */
    public SingleWriter(String name) {
        this.name = name;
    }

    /**
     * Runs the action after every action posted before it: at once on this thread if no other thread is writing.
     *
     * @param action the action
     */
    public void post(Runnable action) {
        actions.add(action);
        if (pending.getAndIncrement() != 0) {
            return;
        }
        writer = Thread.currentThread();
        try {
            do {
                Runnable next = actions.poll();
                if (next != null) {
                    run(next);
                }
            } while (pending.decrementAndGet() != 0);
        } finally {
            writer = null;
        }
    }

    /**
     * Runs the action as {@link #post} does and returns once it has run, whichever thread ran it (for {@code close}:
     * the file is complete when the caller goes on). Called from inside an action, it runs the action after the
     * current one and returns at once.
     *
     * @param action the action
     */
    public void postAndWait(Runnable action) {
        if (writer == Thread.currentThread()) {
            post(action);
            return;
        }
        CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
        post(() -> {
            try {
                action.run();
            } finally {
                done.complete(null);
            }
        });
        done.join();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: an action failed: {}", name, e.toString());
        }
    }
}
