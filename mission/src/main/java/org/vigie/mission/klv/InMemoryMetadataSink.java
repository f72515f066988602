package org.vigie.mission.klv;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps every packet in memory, for tests and demos.
 *
 * <p>Threading: no lock; packets go into a lock-free queue, so {@link #accept} (the streamer's thread) and
 * {@link #packets} (any thread) never wait for each other.
 */
public final class InMemoryMetadataSink implements MetadataSink {

    private final ConcurrentLinkedQueue<MetadataPacket> packets = new ConcurrentLinkedQueue<>();

    /** Creates an empty sink. */
    public InMemoryMetadataSink() {
    }

    @Override
    public void accept(MetadataPacket packet) {
        packets.add(packet);
    }

    /** @return a copy of the packets received so far, in order; any thread */
    public List<MetadataPacket> packets() {
        return List.copyOf(packets);
    }
}
