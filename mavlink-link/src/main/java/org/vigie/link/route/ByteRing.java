package org.vigie.link.route;

import java.util.concurrent.atomic.AtomicLong;
import org.vigie.link.codec.FrameParser;

/**
 * Single-producer single-consumer byte ring: a transport's reader thread offers the bytes it read, the routing
 * thread drains them into that endpoint's parser. Lock-free and allocation-free; a chunk that does not fit is refused
 * whole (the producer counts it).
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

    /** Producer side. @return false if there is not room for the whole chunk */
    boolean offer(byte[] data, int offset, int length) {
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
