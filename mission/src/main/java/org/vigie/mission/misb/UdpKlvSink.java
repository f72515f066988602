package org.vigie.mission.misb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each packet as one UDP datagram (the usual transport of KLV beside or instead of an MPEG-TS stream).
 *
 * <p>Non-blocking: a datagram the socket cannot take is dropped and counted. Thread-safe.
 */
public final class UdpKlvSink implements MetadataSink {

    private static final Logger LOG = LoggerFactory.getLogger(UdpKlvSink.class);

    private final DatagramChannel channel;
    private final InetSocketAddress target;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * Opens the socket.
     *
     * @param target destination address and port
     * @throws IOException if the socket cannot be opened
     * @throws IllegalArgumentException if target is null or unresolved
     */
    public UdpKlvSink(InetSocketAddress target) throws IOException {
        if (target == null || target.isUnresolved()) {
            throw new IllegalArgumentException("UDP target " + target + " is missing or unresolved");
        }
        this.target = target;
        this.channel = DatagramChannel.open();
        this.channel.configureBlocking(false);
    }

    @Override
    public void accept(MetadataPacket packet) {
        try {
            if (channel.send(ByteBuffer.wrap(packet.klv()), target) > 0) {
                sent.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
            LOG.debug("KLV datagram to {} dropped: {}", target, e.toString());
        }
    }

    /** @return datagrams sent */
    public long sent() {
        return sent.get();
    }

    /** @return datagrams dropped (socket busy or error) */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing UDP KLV socket: {}", e.toString());
        }
    }
}
