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
 * UDP "client" ({@code udpout://host:port}): sends every {@link #send} as one datagram to a fixed remote address from
 * an ephemeral local port, and delivers datagrams that come back to that port (from any sender).
 *
 * <p>Threading: one reader thread; {@link #send} is thread-safe and does not block beyond the OS copying a datagram.
 */
public final class UdpOutTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(UdpOutTransport.class);
    private static final int MAX_DATAGRAM = 65_536;

    private final DatagramChannel channel;
    private final InetSocketAddress remote;
    private final Object sendLock = new Object();
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private volatile long sendErrors;

    /**
     * Opens the socket on an ephemeral port.
     *
     * @param remote where to send; must be resolved
     * @throws IOException if no socket can be opened
     * @throws IllegalArgumentException if {@code remote} is unresolved
     */
    public UdpOutTransport(InetSocketAddress remote) throws IOException {
        super("udpout://" + UdpInTransport.hostPort(remote));
        Objects.requireNonNull(remote, "remote");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host '" + remote.getHostString() + "'");
        }
        this.remote = remote;
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.bind(new InetSocketAddress(0));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("cannot open udpout://" + UdpInTransport.hostPort(remote) + ": " + e.getMessage(), e);
        }
        this.channel = ch;
    }

    /** @return the local (ephemeral) address replies come to */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return datagrams that the OS refused to send */
    public long sendErrors() {
        return sendErrors;
    }

    @Override
    void readLoop() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
        byte[] arr = buf.array();
        reportState(TransportState.CONNECTED, "sending to " + UdpInTransport.hostPort(remote));
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
            if (from != null && buf.position() > 0) {
                deliver(arr, 0, buf.position());
            }
        }
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (isClosed() || length > MAX_DATAGRAM) {
            return false;
        }
        synchronized (sendLock) {
            sendBuffer.clear();
            sendBuffer.put(data, offset, length).flip();
            try {
                channel.send(sendBuffer, remote);
                return true;
            } catch (IOException e) {
                sendErrors++;
                LOG.debug("{}: send failed: {}", description(), e.toString());
                return false;
            }
        }
    }

    /** @return true: each received datagram is handed over whole */
    @Override
    public boolean datagrams() {
        return true;
    }

    @Override
    public boolean isConnected() {
        return !isClosed();
    }

    @Override
    void closeResources() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", description(), e.toString());
        }
    }
}
