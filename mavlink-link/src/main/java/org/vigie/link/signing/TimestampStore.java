package org.vigie.link.signing;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Persistent storage of the last signing timestamp, so that a restart never reuses a timestamp (the MAVLink
 * specification asks for it to be saved at least once a minute). See {@link AtomicFileTimestampStore}.
 *
 * <p>Threading: implementations must tolerate calls from any thread, one at a time ({@link SigningTimestamps}
 * serialises its calls).
 */
public interface TimestampStore {

    /**
     * Reads the stored timestamp.
     *
     * @return the stored 48-bit timestamp, or empty if nothing was ever stored
     * @throws IOException if the storage exists but cannot be read or holds garbage
     */
    OptionalLong load() throws IOException;

    /**
     * Durably replaces the stored timestamp.
     *
     * @param timestamp 10 µs units since 2015-01-01, 0..2^48-1
     * @throws IOException if it could not be stored
     */
    void save(long timestamp) throws IOException;

    /**
     * A volatile store for tests and for links whose restart safety is handled elsewhere.
     *
     * @param initial the value {@link #load()} returns until the first save, or null for none
     * @return a new in-memory store (thread-safe)
     */
    static TimestampStore inMemory(Long initial) {
        AtomicLong value = new AtomicLong(initial == null ? -1 : initial);
        return new TimestampStore() {
            @Override
            public OptionalLong load() {
                long v = value.get();
                return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
            }

            @Override
            public void save(long timestamp) {
                value.set(timestamp);
            }

            @Override
            public String toString() {
                return "TimestampStore.inMemory[" + value.get() + "]";
            }
        };
    }
}
