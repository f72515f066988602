package org.vigie.mission.klv;

/**
 * Destination of metadata packets (a UDP socket, a .klv file, a video muxer, a test).
 *
 * <p>Threading: {@link #accept} is called from the {@link MetadataStreamer}'s scheduler thread, one packet at a
 * time; implementations must not block for long (wrap a slow sink in a
 * {@link org.vigie.mission.stream.DroppingDispatcher}). Exceptions are caught, logged and counted by the streamer.
 */
public interface MetadataSink extends AutoCloseable {

    /**
     * Receives one packet.
     *
     * @param packet the packet; its klv array must not be modified
     */
    void accept(MetadataPacket packet);

    /** Releases resources; the default does nothing. Never throws checked exceptions. */
    @Override
    default void close() {
    }
}
