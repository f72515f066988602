package org.vigie.mission.klv;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Sends each packet as one UDP datagram (the usual transport of KLV beside or instead of an MPEG-TS stream).
 *
 * <p>Non-blocking: a datagram the socket cannot take is dropped and counted ({@link DatagramSender}). Thread-safe.
 */
public final class UdpKlvSink implements MetadataSink {

    private final DatagramSender sender;

    /**
     * Opens the socket.
     *
     * @param target destination address and port
     * @throws IOException if the socket cannot be opened
     * @throws IllegalArgumentException if target is null or unresolved
     */
    public UdpKlvSink(InetSocketAddress target) throws IOException {
        this.sender = new DatagramSender(target, "KLV");
    }

    @Override
    public void accept(MetadataPacket packet) {
        sender.send(packet.klv());
    }

    /** @return datagrams sent */
    public long sent() {
        return sender.sent();
    }

    /** @return datagrams dropped (socket busy or error) */
    public long dropped() {
        return sender.dropped();
    }

    @Override
    public void close() {
        sender.close();
    }
}
