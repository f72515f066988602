package org.vigie.fleet.mqtt;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of dropped messages by {@link Rejection}. Thread-safe, lock-free. */
public final class Rejections {

    private final Map<Rejection, AtomicLong> counts = new EnumMap<>(Rejection.class);

    Rejections() {
        for (Rejection r : Rejection.values()) {
            counts.put(r, new AtomicLong());
        }
    }

    /** @param reason counts one more */
    void add(Rejection reason) {
        counter(reason).incrementAndGet();
    }

    private AtomicLong counter(Rejection reason) {
        AtomicLong c = counts.get(reason);
        if (c == null) {
            throw new IllegalStateException("every reason has a counter");
        }
        return c;
    }

    /**
     * @param reason a reason
     * @return how many messages were dropped for it
     */
    public long count(Rejection reason) {
        return counter(reason).get();
    }

    /** @return every non-zero count, in declaration order */
    public Map<Rejection, Long> snapshot() {
        Map<Rejection, Long> m = new EnumMap<>(Rejection.class);
        for (Rejection r : Rejection.values()) {
            long n = count(r);
            if (n > 0) {
                m.put(r, n);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
