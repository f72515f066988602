package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
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
 * parser does not rely on it). Sends go out as one datagram per {@link #send} call to each live peer; frames queued
 * with {@link #write} are packed (see {@link AbstractUdpTransport}).
 *
 * <p>Threading: one reader thread; {@link #send} is thread-safe (serialised internally) and does not block beyond
 * the OS copying a datagram.
 */
public final class UdpInTransport extends AbstractUdpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(UdpInTransport.class);

    private static final class Peer {
        final SocketAddress address;
        volatile long lastHeardNanos;

        Peer(SocketAddress address, long now) {
            this.address = address;
            this.lastHeardNanos = now;
        }
    }

    private final InetSocketAddress local;
    private final long peerTimeoutNanos;
    /** Serialises changes of the peer list. */
    private final Object peerLock = new Object();
    private volatile Peer[] peers = new Peer[0];

    /**
     * Binds the socket.
     *
     * @param bind local address; port 0 picks an ephemeral port (see {@link #localAddress()})
     * @param options options (peer timeout, packing, read coalescing)
     * @throws IOException if the address cannot be bound
     */
    public UdpInTransport(InetSocketAddress bind, TransportOptions options) throws IOException {
        super("udpin://" + hostPort(bind), openBound(bind, true, Objects.requireNonNull(options, "options"),
                "udpin://" + hostPort(bind)), options);
        this.peerTimeoutNanos = options.udpPeerTimeout().toNanos();
        this.local = (InetSocketAddress) channel.getLocalAddress();
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

    @Override
    String connectedDetail() {
        return "listening on " + hostPort(local);
    }

    /** Learns the sender as a peer (reader thread). */
    @Override
    void onDatagram(SocketAddress from) {
        long now = System.nanoTime();
        Peer[] ps = peers;
        for (Peer p : ps) {
            if (p.address.equals(from)) {
                p.lastHeardNanos = now;
                return;
            }
        }
        synchronized (peerLock) {
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


    /** Sends to every peer heard from within the peer timeout; false if there is none. */
    @Override
    boolean sendCopied(int length) {
        long now = System.nanoTime();
        boolean any = false;
        for (Peer p : peers) {
            if (now - p.lastHeardNanos <= peerTimeoutNanos) {
                any |= sendCopy(p.address, length);
            }
        }
        return any;
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

}
