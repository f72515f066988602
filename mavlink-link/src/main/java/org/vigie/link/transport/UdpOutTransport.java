package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * UDP "client" ({@code udpout://host:port}): sends every {@link #send} as one datagram to a fixed remote address from
 * an ephemeral local port (frames queued with {@link #write} packed, see {@link AbstractUdpTransport}), and delivers
 * datagrams that come back to that port (from any sender).
 *
 * <p>Threading: one reader thread; {@link #send} is thread-safe and does not block beyond the OS copying a datagram.
 */
public final class UdpOutTransport extends AbstractUdpTransport {

    private final InetSocketAddress remote;

    /**
     * Opens the socket on an ephemeral port, with {@link TransportOptions#defaults()}.
     *
     * @param remote where to send; must be resolved
     * @throws IOException if no socket can be opened
     * @throws IllegalArgumentException if {@code remote} is unresolved
     */
    public UdpOutTransport(InetSocketAddress remote) throws IOException {
        this(remote, TransportOptions.defaults());
    }

    /**
     * Opens the socket on an ephemeral port.
     *
     * @param remote where to send; must be resolved
     * @param options packing, read coalescing and receive buffer (the other options do not apply)
     * @throws IOException if no socket can be opened
     * @throws IllegalArgumentException if {@code remote} is unresolved
     */
    public UdpOutTransport(InetSocketAddress remote, TransportOptions options) throws IOException {
        super("udpout://" + UdpInTransport.hostPort(remote), openBound(new InetSocketAddress(0), false,
                Objects.requireNonNull(options, "options"), "udpout://" + UdpInTransport.hostPort(resolved(remote))),
                options);
        this.remote = remote;
    }

    private static InetSocketAddress resolved(InetSocketAddress remote) {
        Objects.requireNonNull(remote, "remote");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host '" + remote.getHostString() + "'");
        }
        return remote;
    }

    /** @return the local (ephemeral) address replies come to */
    public @Nullable InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    String connectedDetail() {
        return "sending to " + UdpInTransport.hostPort(remote);
    }


    @Override
    boolean sendCopied(int length) {
        return sendCopy(remote, length);
    }

    @Override
    public boolean isConnected() {
        return !isClosed();
    }
}
