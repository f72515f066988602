package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP client ({@code tcpout://host:port}): connects on {@link #start}, and whenever the connection fails or is reset,
 * reports {@link TransportState#RECONNECTING} and retries with capped exponential backoff
 * ({@link TransportOptions}), then reports {@link TransportState#CONNECTED} again. The object survives every
 * reconnection.
 *
 * <p>Threading: one reader thread (connects, reads, flushes queued output); {@link #send} is thread-safe and never
 * blocks: what the socket cannot take at once is queued up to {@link TransportOptions#tcpSendBufferBytes()}, beyond
 * which whole sends are dropped and counted ({@link #droppedBytes()}). Sends while disconnected return false.
 */
public final class TcpClientTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpClientTransport.class);

    private final InetSocketAddress remote;
    private final TransportOptions options;
    private final Selector selector;
    private volatile @Nullable NioStream current;
    private volatile @Nullable SocketChannel connecting;
    private final AtomicLong droppedBytes = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    /**
     * Creates the client; nothing is connected before {@link #start}.
     *
     * @param remote server address, resolved
     * @param options reconnect delays, queue size, connect timeout
     * @throws IOException if no selector can be opened
     * @throws IllegalArgumentException if {@code remote} is unresolved
     */
    public TcpClientTransport(InetSocketAddress remote, TransportOptions options) throws IOException {
        super("tcpout://" + UdpInTransport.hostPort(remote));
        this.remote = Objects.requireNonNull(remote, "remote");
        this.options = Objects.requireNonNull(options, "options");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host '" + remote.getHostString() + "'");
        }
        this.selector = Selector.open();
    }

    /** @return bytes dropped because the connection was down or its queue full */
    public long droppedBytes() {
        NioStream s = current;
        return droppedBytes.get() + (s != null ? s.droppedBytes() : 0);
    }

    /** @return successful connections so far (1 after the first connect, +1 per reconnection) */
    public long connectionCount() {
        return connections.get();
    }

    @Override
    void readLoop() throws IOException {
        Backoff backoff = new Backoff(options);
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        byte[] arr = buf.array();
        while (!isClosed()) {
            SocketChannel ch = SocketChannel.open();
            connecting = ch;
            try {
                if (isClosed()) {
                    ch.close();
                    return;
                }
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.socket().connect(remote, (int) Math.max(1, options.connectTimeout().toMillis()));
                ch.configureBlocking(false);
            } catch (IOException e) {
                ch.close();
                connecting = null;
                if (isClosed()) {
                    return;
                }
                reportState(TransportState.RECONNECTING, "connect to " + UdpInTransport.hostPort(remote)
                        + " failed: " + e.getMessage());
                if (!pause(backoff.nextDelayMs())) {
                    return;
                }
                continue;
            }
            connecting = null;
            NioStream stream;
            try {
                SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
                stream = new NioStream(ch, key, options.tcpSendBufferBytes(), String.valueOf(remote));
            } catch (ClosedSelectorException e) {
                ch.close();
                return;
            }
            current = stream;
            connections.incrementAndGet();
            backoff.reset();
            reportState(TransportState.CONNECTED, "connected to " + UdpInTransport.hostPort(remote));
            String why = serve(stream, buf, arr);
            current = null;
            droppedBytes.addAndGet(stream.droppedBytes());
            stream.markDead();
            if (isClosed()) {
                return;
            }
            try {
                selector.selectNow();
            } catch (ClosedSelectorException e) {
                return;
            }
            reportState(TransportState.RECONNECTING, why);
            if (!pause(backoff.nextDelayMs())) {
                return;
            }
        }
    }

    private String serve(NioStream stream, ByteBuffer buf, byte[] arr) throws IOException {
        while (!isClosed()) {
            try {
                selector.select(500);
            } catch (ClosedSelectorException e) {
                return "closed";
            }
            if (stream.dead()) {
                return "write to " + UdpInTransport.hostPort(remote) + " failed";
            }
            for (SelectionKey k : selector.selectedKeys()) {
                if (!k.isValid()) {
                    continue;
                }
                if (k.isWritable()) {
                    stream.flush();
                }
                if (k.isValid() && k.isReadable()) {
                    buf.clear();
                    int n;
                    try {
                        n = stream.channel.read(buf);
                    } catch (IOException e) {
                        selector.selectedKeys().clear();
                        return "read from " + UdpInTransport.hostPort(remote) + " failed: " + e.getMessage();
                    }
                    if (n < 0) {
                        selector.selectedKeys().clear();
                        return "connection closed by " + UdpInTransport.hostPort(remote);
                    }
                    if (n > 0) {
                        deliver(arr, 0, n);
                    }
                }
            }
            selector.selectedKeys().clear();
        }
        return "closed";
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        NioStream s = current;
        if (s == null || isClosed()) {
            droppedBytes.addAndGet(length);
            return false;
        }
        return s.send(data, offset, length);
    }

    /**
     * Queues a whole frame for the next {@link #flush()} (one write for the frames of a burst).
     *
     * @return false if not connected, closed, or the output queue is full (dropped whole, counted)
     */
    @Override
    public boolean write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        NioStream s = current;
        if (s == null || isClosed()) {
            droppedBytes.addAndGet(length);
            return false;
        }
        return s.queue(data, offset, length);
    }

    @Override
    public void flush() {
        NioStream s = current;
        if (s != null) {
            s.flush();
        }
    }

    @Override
    public boolean isConnected() {
        NioStream s = current;
        return s != null && !s.dead() && !isClosed();
    }

    @Override
    void closeResources() {
        SocketChannel c = connecting;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("{}: close: {}", description(), e.toString());
            }
        }
        NioStream s = current;
        if (s != null) {
            s.markDead();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", description(), e.toString());
        }
    }
}
