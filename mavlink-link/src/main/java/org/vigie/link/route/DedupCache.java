package org.vigie.link.route;

/**
 * Remembers hashes of recently forwarded frames for a time window: a 4-way set-associative table of 64-bit hashes
 * and arrival times. Allocation-free after construction. A frame is a duplicate if the same bytes (same 64-bit hash
 * and length) were seen within the window. Not thread-safe: used on the routing thread.
 */
final class DedupCache {

    private static final int WAYS = 4;

    private final long windowNanos;
    private final int setMask;
    private final long[] hashes;
    private final long[] times;

    DedupCache(long windowNanos, int sets) {
        if (Integer.bitCount(sets) != 1) {
            throw new IllegalArgumentException("sets must be a power of two, was " + sets);
        }
        this.windowNanos = windowNanos;
        this.setMask = sets - 1;
        this.hashes = new long[sets * WAYS];
        this.times = new long[sets * WAYS];
    }

    static long hash(byte[] b, int off, int len) {
        long h = 0x9E3779B97F4A7C15L ^ len;
        int i = off;
        int end = off + len;
        while (i + 8 <= end) {
            long k = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                    | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48
                    | (b[i + 7] & 0xFFL) << 56;
            h = (h ^ (k * 0xC2B2AE3D27D4EB4FL)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
            i += 8;
        }
        while (i < end) {
            h = (h ^ (b[i] & 0xFFL)) * 0x100000001B3L;
            i++;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /**
     * Records a frame and says whether it is a duplicate.
     *
     * @return true if the same frame was recorded within the window (the record's time is not refreshed)
     */
    boolean seenRecently(byte[] b, int off, int len, long nowNanos) {
        long h = hash(b, off, len);
        int base = ((int) (h ^ (h >>> 32)) & setMask) * WAYS;
        int victim = base;
        long oldest = Long.MAX_VALUE;
        for (int i = base; i < base + WAYS; i++) {
            long t = times[i];
            boolean fresh = hashes[i] != 0 && nowNanos - t <= windowNanos;
            if (fresh && hashes[i] == h) {
                return true;
            }
            if (!fresh) {
                victim = i;
                oldest = Long.MIN_VALUE;
            } else if (oldest != Long.MIN_VALUE && t < oldest) {
                oldest = t;
                victim = i;
            }
        }
        hashes[victim] = h;
        times[victim] = nowNanos;
        return false;
    }
}
