package org.vigie.link;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.MavlinkFrame;

/**
 * The bounded outgoing queue of one transport. When full, the oldest droppable frame (see {@link WritePolicy}) makes
 * room; a droppable frame offered to a queue holding only non-droppable frames is itself dropped; a non-droppable
 * frame is always accepted, even past capacity.
 *
 * <p>Threading: thread-safe (the event thread offers, a writer thread takes); a monitor guards a plain deque.
 */
final class WriteQueue {

    private final int capacity;
    private final ArrayDeque<MavlinkFrame> frames = new ArrayDeque<>();
    private long dropped;
    private boolean closed;

    WriteQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Enqueues a frame.
     *
     * @return the number of frames dropped to make this offer (0 or 1)
     */
    synchronized int offer(MavlinkFrame frame) {
        if (closed) {
            return 0;
        }
        int droppedNow = 0;
        if (frames.size() >= capacity) {
            boolean madeRoom = false;
            for (Iterator<MavlinkFrame> it = frames.iterator(); it.hasNext(); ) {
                if (WritePolicy.droppable(it.next().msgId())) {
                    it.remove();
                    madeRoom = true;
                    break;
                }
            }
            if (madeRoom) {
                droppedNow = 1;
            } else if (WritePolicy.droppable(frame.msgId())) {
                dropped++;
                return 1;
            }
        }
        dropped += droppedNow;
        frames.addLast(frame);
        notifyAll();
        return droppedNow;
    }

    /** @return the next frame, or null if empty */
    synchronized MavlinkFrame poll() {
        return frames.pollFirst();
    }

    /** Puts a frame back at the head (the transport could not take it). */
    synchronized void pushBack(MavlinkFrame frame) {
        frames.addFirst(frame);
    }

    /**
     * Waits for a frame.
     *
     * @return the next frame, or null once closed
     * @throws InterruptedException if interrupted
     */
    synchronized @Nullable MavlinkFrame take() throws InterruptedException {
        while (frames.isEmpty() && !closed) {
            wait();
        }
        return closed ? null : frames.pollFirst();
    }

    synchronized int size() {
        return frames.size();
    }

    synchronized long dropped() {
        return dropped;
    }

    /** Discards queued frames and wakes the writer. */
    synchronized int close() {
        closed = true;
        int n = frames.size();
        frames.clear();
        notifyAll();
        return n;
    }
}
