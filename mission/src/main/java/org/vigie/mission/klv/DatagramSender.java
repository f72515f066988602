package org.vigie.mission.klv;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking UDP sender to one fixed target, counting what it sent and what it dropped: the shared plumbing of
 * {@link UdpKlvSink} (one KLV packet per datagram) and the telemetry stream's JSON Lines UDP sink (one line per
 * datagram). A datagram the socket cannot take at once, or an I/O error, counts as dropped and is logged at debug
 * level: streaming never blocks and never throws on the send path.
 *
 * <p>Threading: thread-safe (a {@link DatagramChannel} serialises concurrent sends).
 */
public final class DatagramSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramSender.class);

    private final String what;
    private final DatagramChannel channel;
    private final InetSocketAddress target;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * Opens a non-blocking socket.
     *
     * @param target destination address and port
     * @param what what is sent, for log lines (e.g. "KLV")
     * @throws IOException if the socket cannot be opened
     * @throws IllegalArgumentException if target is null or unresolved
     */
    public DatagramSender(InetSocketAddress target, String what) throws IOException {
        if (target == null || target.isUnresolved()) {
            throw new IllegalArgumentException("UDP target " + target + " is missing or unresolved");
        }
        this.what = what;
        this.target = target;
        this.channel = DatagramChannel.open();
        this.channel.configureBlocking(false);
    }

    /**
     * Sends one datagram without blocking; counts it as sent or dropped.
     *
     * @param datagram the payload (not kept)
     * @return true if the socket took it
     */
    public boolean send(byte[] datagram) {
        try {
            if (channel.send(ByteBuffer.wrap(datagram), target) > 0) {
                sent.incrementAndGet();
                return true;
            }
            dropped.incrementAndGet();
        } catch (IOException e) {
            dropped.incrementAndGet();
            LOG.debug("{} datagram to {} dropped: {}", what, target, e.toString());
        }
        return false;
    }

    /** @return datagrams sent */
    public long sent() {
        return sent.get();
    }

    /** @return datagrams dropped (socket busy or error) */
    public long dropped() {
        return dropped.get();
    }

    /** Closes the socket; later sends count as dropped. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {} UDP socket: {}", what, e.toString());
        }
    }
}
