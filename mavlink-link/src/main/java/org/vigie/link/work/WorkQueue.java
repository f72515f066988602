package org.vigie.link.work;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A queue of {@link WorkItem}s of which one at a time is active (the shape of MAVSDK's mission-transfer client): items
 * start in submission order, each exactly once; when the active one finishes, the next one starts. The command,
 * mission-transfer and parameter services run on it.
 *
 * <p>When the next item starts is the service's choice, given as an executor: {@code Runnable::run} starts it within
 * {@link #finished} (commands: the next identical command goes out at once), the scheduler's {@code execute} starts
 * it after the tasks already queued on the event thread (transfers and parameters: the finished item's callbacks and
 * events go first).
 *
 * <p>Threading: used only on the owning service's event thread; no locks.
 *
 * @param <W> the service's work item type
 */
public final class WorkQueue<W extends WorkItem> {

    private final ArrayDeque<W> queued = new ArrayDeque<>();
    private final Consumer<W> starter;
    private final Executor startNextVia;
    private @Nullable W active;
    private boolean closed;

    /**
     * @param starter      starts an item that became active (sends its first message, arms its deadline)
     * @param startNextVia where the next item is started after one finishes
     */
    public WorkQueue(Consumer<W> starter, Executor startNextVia) {
        this.starter = Objects.requireNonNull(starter, "starter");
        this.startNextVia = Objects.requireNonNull(startNextVia, "startNextVia");
    }

    /**
     * Appends an item and starts it at once if nothing is active.
     *
     * @param item the item
     */
    public void submit(W item) {
        queued.addLast(Objects.requireNonNull(item, "item"));
        startNext();
    }

    /** @return the active item, or null */
    public @Nullable W active() {
        return active;
    }

    /** @return true if nothing is active and nothing queued */
    public boolean isEmpty() {
        return active == null && queued.isEmpty();
    }

    /** @return the active item (if any) then the queued ones, in order: a copy */
    public List<W> items() {
        List<W> all = new ArrayList<>(queued.size() + 1);
        if (active != null) {
            all.add(active);
        }
        all.addAll(queued);
        return all;
    }

    /**
     * Removes an item that has not started.
     *
     * @param item the item
     * @return true if it was queued
     */
    public boolean removeQueued(W item) {
        return queued.remove(item);
    }

    /**
     * Tells the queue an item finished: if it was the active one, the next one starts (see the class comment).
     *
     * @param item the item
     */
    public void finished(W item) {
        queued.remove(item);
        if (active == item) {
            active = null;
            startNextVia.execute(this::startNext);
        }
    }

    /**
     * Removes every item, queued first then the active one, handing each to {@code ender} (which finishes it).
     *
     * @param ender finishes one item
     */
    public void endAll(Consumer<W> ender) {
        for (W w : List.copyOf(queued)) {
            queued.remove(w);
            ender.accept(w);
        }
        W a = active;
        if (a != null) {
            ender.accept(a);
            if (active == a) {
                active = null;
            }
        }
    }

    /** Starts nothing more. */
    public void close() {
        closed = true;
    }

    private void startNext() {
        if (active != null || closed) {
            return;
        }
        W w = queued.pollFirst();
        if (w == null) {
            return;
        }
        active = w;
        w.markStarted();
        starter.accept(w);
    }
}
