package org.vigie.link.route;

import java.util.concurrent.atomic.AtomicLong;
import org.vigie.link.codec.FrameParser;

/**
 * Byte ring between a transport's reader thread (producer) and the current drainer (consumer, one at a time, handed
 * over with happens-before by the runner's work-in-progress counter). Consumption is lock-free; {@link #offer} is
 * synchronized among producers only, because an in-memory transport delivers on its senders' threads (uncontended for
 * real transports, which have one reader thread). Allocation-free; a chunk that does not fit is refused whole (the
 * producer counts it).
 */
final class ByteRing {

    private final byte[] buf;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    ByteRing(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacityPowerOfTwo);
        }
        buf = new byte[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
    }

    /** Producer side (synchronized among producers). @return false if there is not room for the whole chunk */
    synchronized boolean offer(byte[] data, int offset, int length) {
        long t = tail.get();
        long h = head.get();
        if (length > buf.length - (t - h)) {
            return false;
        }
        int i = (int) (t & mask);
        int first = Math.min(length, buf.length - i);
        System.arraycopy(data, offset, buf, i, first);
        if (length > first) {
            System.arraycopy(data, offset + first, buf, 0, length - first);
        }
        tail.lazySet(t + length);
        return true;
    }

    /** @return true if nothing is waiting (a volatile read of both ends) */
    boolean isEmpty() {
        return head.get() == tail.get();
    }

    /** Consumer side: feeds everything waiting to the parser. @return bytes drained */
    int drainTo(FrameParser parser) {
        long h = head.get();
        long t = tail.get();
        if (h == t) {
            return 0;
        }
        int n = (int) (t - h);
        int i = (int) (h & mask);
        int first = Math.min(n, buf.length - i);
        parser.feed(buf, i, first);
        if (n > first) {
            parser.feed(buf, 0, n - first);
        }
        head.lazySet(t);
        return n;
    }
}
