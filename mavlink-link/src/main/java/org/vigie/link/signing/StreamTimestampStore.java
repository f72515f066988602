package org.vigie.link.signing;

import java.io.IOException;
import java.util.Map;

/**
 * Persistent storage of the replay memory of incoming signed streams: for each stream (source system, source
 * component, signing link id) the bound below which its frames are replays. {@link StreamTimestamps} keeps it; see
 * {@link AtomicFileStreamTimestampStore} for the file form.
 *
 * <p>Keys are {@link StreamTimestamps#streamKey(int, int, int)} values; values are 48-bit signing timestamps (10 µs
 * units since 2015-01-01).
 *
 * <p>Threading: implementations must tolerate calls from any thread, one at a time.
 */
public interface StreamTimestampStore {

    /**
     * Reads the stored bounds.
     *
     * @return stream key to timestamp; empty if nothing was ever stored
     * @throws IOException if the storage exists but cannot be read, holds garbage, or exceeds its limits (the message
     *     names the limit)
     */
    Map<Integer, Long> load() throws IOException;

    /**
     * Durably replaces every stored bound (a crash leaves the old set or the new one, never a mix).
     *
     * @param bounds stream key to timestamp, at most {@link StreamTimestamps#MAX_STREAMS} entries
     * @throws IOException if it could not be stored
     */
    void save(Map<Integer, Long> bounds) throws IOException;

    /**
     * A volatile store: for tests (a "restart" that keeps the same instance keeps the memory) and for links whose
     * replay safety across restarts is handled elsewhere.
     *
     * @return a new in-memory store (thread-safe)
     */
    static StreamTimestampStore inMemory() {
        return new StreamTimestampStore() {
            private volatile Map<Integer, Long> value = Map.of();

            @Override
            public Map<Integer, Long> load() {
                return value;
            }

            @Override
            public void save(Map<Integer, Long> bounds) {
                value = Map.copyOf(bounds);
            }

            @Override
            public String toString() {
                return "StreamTimestampStore.inMemory[" + value.size() + " streams]";
            }
        };
    }
}
