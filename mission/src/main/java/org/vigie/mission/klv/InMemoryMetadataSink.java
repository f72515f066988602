package org.vigie.mission.klv;

import java.util.ArrayList;
import java.util.List;

/** Keeps every packet in memory, for tests and demos. Thread-safe. */
public final class InMemoryMetadataSink implements MetadataSink {

    private final List<MetadataPacket> packets = new ArrayList<>();

    /** Creates an empty sink. */
    public InMemoryMetadataSink() {
    }

    @Override
    public synchronized void accept(MetadataPacket packet) {
        packets.add(packet);
    }

    /** @return a copy of the packets received so far, in order */
    public synchronized List<MetadataPacket> packets() {
        return List.copyOf(packets);
    }
}
