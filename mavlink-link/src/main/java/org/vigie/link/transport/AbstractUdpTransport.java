package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the UDP transports ({@link UdpInTransport}, {@link UdpOutTransport}) share: the socket opened with a 1 MiB
 * receive buffer, the reader loop (one datagram per delivery; receive errors logged and skipped), one direct send
 * buffer behind a lock (no allocation per send), the send-error counter, and close.
 *
 * <p>Threading: one reader thread; {@link #send} is thread-safe (serialised on the send buffer) and does not block
 * beyond the OS copying a datagram.
 */
abstract class AbstractUdpTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractUdpTransport.class);
    /** Largest datagram sent or received, bytes. */
    static final int MAX_DATAGRAM = 65_536;

    final DatagramChannel channel;
    private final Object sendLock = new Object();
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private volatile long sendErrors;

    AbstractUdpTransport(String description, DatagramChannel channel) {
        super(description);
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * Opens a datagram socket bound to {@code bind}, closing it again if binding fails.
     *
     * @param bind local address (port 0: ephemeral)
     * @param reuseAddress whether to set SO_REUSEADDR
     * @param failure start of the error message (e.g. "cannot bind udpin://0.0.0.0:14550")
     * @return the bound channel
     * @throws IOException naming {@code failure} if the socket cannot be opened or bound
     */
    static DatagramChannel openBound(InetSocketAddress bind, boolean reuseAddress, String failure)
            throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            if (reuseAddress) {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.bind(bind);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException(failure + ": " + e.getMessage(), e);
        }
        return ch;
    }

    /** @return datagrams that the OS refused to send */
    public long sendErrors() {
        return sendErrors;
    }

    /** @return the detail of the CONNECTED state reported when the reader starts */
    abstract String connectedDetail();

    /**
     * Called on the reader thread for every datagram received, before it is delivered.
     *
     * @param from its sender
     */
    void onDatagram(SocketAddress from) {
    }

    @Override
    final void readLoop() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
        byte[] arr = buf.array();
        reportState(TransportState.CONNECTED, connectedDetail());
        while (!isClosed()) {
            buf.clear();
            SocketAddress from;
            try {
                from = channel.receive(buf);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (isClosed()) {
                    return;
                }
                LOG.debug("{}: receive error {}", description(), e.toString());
                continue;
            }
            if (from == null) {
                continue;
            }
            onDatagram(from);
            if (buf.position() > 0) {
                deliver(arr, 0, buf.position());
            }
        }
    }

    /**
     * Sends the bytes as one datagram to the subclass's targets ({@link #sendCopied}); a target the OS refuses is
     * counted in {@link #sendErrors()}. Allocates nothing.
     *
     * @return true if at least one target took the datagram; false when closed, too long or no target
     * @throws IndexOutOfBoundsException if offset and length do not fit data
     */
    @Override
    public final boolean send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (isClosed() || length > MAX_DATAGRAM) {
            return false;
        }
        synchronized (sendLock) {
            sendBuffer.clear();
            sendBuffer.put(data, offset, length);
            return sendCopied(length);
        }
    }

    /**
     * Sends the datagram now in the send buffer to each target with {@link #sendCopy}; called under the send lock.
     *
     * @param length datagram length, bytes
     * @return true if at least one target took it
     */
    abstract boolean sendCopied(int length);

    /**
     * Sends the datagram in the send buffer to one target (only from {@link #sendCopied}).
     *
     * @param to the target
     * @param length datagram length, bytes
     * @return true if the OS took it; false (counted, logged at debug) otherwise
     */
    final boolean sendCopy(SocketAddress to, int length) {
        sendBuffer.position(0).limit(length);
        try {
            channel.send(sendBuffer, to);
            return true;
        } catch (IOException e) {
            sendErrors++;
            LOG.debug("{}: send to {} failed: {}", description(), to, e.toString());
            return false;
        }
    }

    /** @return true: each received datagram is handed over whole */
    @Override
    public final boolean datagrams() {
        return true;
    }

    @Override
    final void closeResources() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", description(), e.toString());
        }
    }
}
