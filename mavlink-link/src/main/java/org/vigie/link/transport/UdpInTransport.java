package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP "server" ({@code udpin://host:port}): binds a local address, delivers every datagram received, learns each
 * sender as a peer, and sends to every peer heard from within {@link TransportOptions#udpPeerTimeout()}.
 *
 * <p>One datagram is read per call to the listener (MAVLink over UDP carries whole frames per datagram, but the
 * parser does not rely on it). Sends go out as one datagram per {@link #send} call to each live peer.
 *
 * <p>Threading: one reader thread; {@link #send} is thread-safe (serialised internally) and does not block beyond
 * the OS copying a datagram.
 */
public final class UdpInTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(UdpInTransport.class);
    private static final int MAX_DATAGRAM = 65_536;

    private static final class Peer {
        final SocketAddress address;
        volatile long lastHeardNanos;

        Peer(SocketAddress address, long now) {
            this.address = address;
            this.lastHeardNanos = now;
        }
    }

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final long peerTimeoutNanos;
    private final Object sendLock = new Object();
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private volatile Peer[] peers = new Peer[0];
    private volatile long sendErrors;

    /**
     * Binds the socket.
     *
     * @param bind local address; port 0 picks an ephemeral port (see {@link #localAddress()})
     * @param options options (peer timeout)
     * @throws IOException if the address cannot be bound
     */
    public UdpInTransport(InetSocketAddress bind, TransportOptions options) throws IOException {
        super("udpin://" + hostPort(bind));
        Objects.requireNonNull(options, "options");
        this.peerTimeoutNanos = options.udpPeerTimeout().toNanos();
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.bind(bind);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("cannot bind udpin://" + hostPort(bind) + ": " + e.getMessage(), e);
        }
        this.channel = ch;
        this.local = (InetSocketAddress) ch.getLocalAddress();
    }

    static String hostPort(InetSocketAddress a) {
        String h = a.getHostString();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    /** @return the bound address (with the actual port when bound to port 0) */
    public InetSocketAddress localAddress() {
        return local;
    }

    /** @return peers heard from within the peer timeout, oldest first */
    public List<SocketAddress> livePeers() {
        long now = System.nanoTime();
        List<SocketAddress> out = new ArrayList<>();
        for (Peer p : peers) {
            if (now - p.lastHeardNanos <= peerTimeoutNanos) {
                out.add(p.address);
            }
        }
        return out;
    }

    /** @return datagrams that the OS refused to send */
    public long sendErrors() {
        return sendErrors;
    }

    @Override
    void readLoop() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
        byte[] arr = buf.array();
        reportState(TransportState.CONNECTED, "listening on " + hostPort(local));
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
            notePeer(from);
            if (buf.position() > 0) {
                deliver(arr, 0, buf.position());
            }
        }
    }

    private void notePeer(SocketAddress from) {
        long now = System.nanoTime();
        Peer[] ps = peers;
        for (Peer p : ps) {
            if (p.address.equals(from)) {
                p.lastHeardNanos = now;
                return;
            }
        }
        synchronized (sendLock) {
            List<Peer> next = new ArrayList<>(ps.length + 1);
            for (Peer p : peers) {
                if (now - p.lastHeardNanos <= peerTimeoutNanos) {
                    next.add(p);
                }
            }
            next.add(new Peer(from, now));
            peers = next.toArray(new Peer[0]);
        }
        LOG.info("{}: new peer {}", description(), from);
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (isClosed() || length > MAX_DATAGRAM) {
            return false;
        }
        long now = System.nanoTime();
        boolean any = false;
        synchronized (sendLock) {
            Peer[] ps = peers;
            if (ps.length == 0) {
                return false;
            }
            sendBuffer.clear();
            sendBuffer.put(data, offset, length);
            for (Peer p : ps) {
                if (now - p.lastHeardNanos > peerTimeoutNanos) {
                    continue;
                }
                sendBuffer.position(0).limit(length);
                try {
                    channel.send(sendBuffer, p.address);
                    any = true;
                } catch (IOException e) {
                    sendErrors++;
                    LOG.debug("{}: send to {} failed: {}", description(), p.address, e.toString());
                }
            }
        }
        return any;
    }

    /** @return true: each received datagram is handed over whole */
    @Override
    public boolean datagrams() {
        return true;
    }

    @Override
    public boolean isConnected() {
        if (isClosed()) {
            return false;
        }
        long now = System.nanoTime();
        for (Peer p : peers) {
            if (now - p.lastHeardNanos <= peerTimeoutNanos) {
                return true;
            }
        }
        return false;
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
