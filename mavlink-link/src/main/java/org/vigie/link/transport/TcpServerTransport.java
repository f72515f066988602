package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP server ({@code tcpin://host:port}): listens, accepts any number of clients, delivers bytes from all of them to
 * the one listener (interleaved per read, each read from a single client), and sends to all of them. A client that
 * closes, resets or fails a write is dropped.
 *
 * <p>State: {@link TransportState#CONNECTED} once listening; {@link #isConnected()} tells whether a client is present.
 *
 * <p>Threading: one reader thread (accepts, reads, flushes queued output); {@link #send} is thread-safe and never
 * blocks: per client, what the socket cannot take at once is queued up to
 * {@link TransportOptions#tcpSendBufferBytes()}, beyond which whole sends to that client are dropped.
 */
public final class TcpServerTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpServerTransport.class);

    private final ServerSocketChannel server;
    private final InetSocketAddress local;
    private final TransportOptions options;
    private final Selector selector;
    private final Object clientsLock = new Object();
    private volatile NioStream[] clients = new NioStream[0];
    private volatile Function<String, byte[]> onAccept = peer -> new byte[0];

    /**
     * Binds and listens.
     *
     * @param bind local address; port 0 picks an ephemeral port (see {@link #localAddress()})
     * @param options queue size per client
     * @throws IOException if the address cannot be bound
     */
    public TcpServerTransport(InetSocketAddress bind, TransportOptions options) throws IOException {
        super("tcpin://" + UdpInTransport.hostPort(bind));
        this.options = Objects.requireNonNull(options, "options");
        ServerSocketChannel ch = ServerSocketChannel.open();
        Selector sel = null;
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(bind);
            ch.configureBlocking(false);
            sel = Selector.open();
            ch.register(sel, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (sel != null) {
                sel.close();
            }
            throw new IOException("cannot listen on tcpin://" + UdpInTransport.hostPort(bind) + ": " + e.getMessage(),
                    e);
        }
        this.server = ch;
        this.selector = sel;
        this.local = (InetSocketAddress) ch.getLocalAddress();
    }

    /**
     * Sets what happens when a client connects: {@code greeter} is called on the reader thread with the client's
     * address before any of its bytes are read, and what it returns is sent to that client alone, before anything
     * else (an autopilot's boot banner; an empty array for nothing). Set it before {@link #start}.
     *
     * @param greeter the client's address to the bytes it gets first; it must return quickly and not throw
     */
    public void onAccept(Function<String, byte[]> greeter) {
        this.onAccept = Objects.requireNonNull(greeter, "greeter");
    }

    /** @return the bound address (with the actual port when bound to port 0) */
    public InetSocketAddress localAddress() {
        return local;
    }

    /** @return number of connected clients */
    public int clientCount() {
        int n = 0;
        for (NioStream s : clients) {
            if (!s.dead()) {
                n++;
            }
        }
        return n;
    }

    @Override
    void readLoop() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        byte[] arr = buf.array();
        reportState(TransportState.CONNECTED, "listening on " + UdpInTransport.hostPort(local));
        while (!isClosed()) {
            try {
                selector.select(500);
            } catch (ClosedSelectorException e) {
                return;
            }
            if (isClosed()) {
                return;
            }
            for (SelectionKey k : selector.selectedKeys()) {
                if (!k.isValid()) {
                    continue;
                }
                if (k.isAcceptable()) {
                    accept();
                    continue;
                }
                NioStream s = (NioStream) k.attachment();
                if (s == null) {
                    continue;
                }
                if (k.isWritable()) {
                    s.flush();
                }
                if (k.isValid() && k.isReadable()) {
                    buf.clear();
                    int n;
                    try {
                        n = s.channel.read(buf);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        s.markDead();
                    } else if (n > 0) {
                        deliver(arr, 0, n);
                    }
                }
            }
            selector.selectedKeys().clear();
            pruneDead();
        }
    }

    private void accept() {
        SocketChannel c;
        try {
            c = server.accept();
            if (c == null) {
                return;
            }
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.configureBlocking(false);
            SelectionKey key = c.register(selector, SelectionKey.OP_READ);
            String peer = String.valueOf(c.getRemoteAddress());
            NioStream s = new NioStream(c, key, options.tcpSendBufferBytes(), peer);
            key.attach(s);
            byte[] greeting = onAccept.apply(peer);
            if (greeting.length > 0) {
                s.send(greeting, 0, greeting.length);
            }
            synchronized (clientsLock) {
                NioStream[] cur = clients;
                NioStream[] next = java.util.Arrays.copyOf(cur, cur.length + 1);
                next[cur.length] = s;
                clients = next;
            }
            LOG.info("{}: client {} connected", description(), peer);
        } catch (IOException e) {
            LOG.warn("{}: accept failed: {}", description(), e.toString());
        }
    }

    private void pruneDead() {
        NioStream[] cur = clients;
        boolean anyDead = false;
        for (NioStream s : cur) {
            anyDead |= s.dead();
        }
        if (!anyDead) {
            return;
        }
        synchronized (clientsLock) {
            List<NioStream> keep = new ArrayList<>();
            for (NioStream s : clients) {
                if (s.dead()) {
                    LOG.info("{}: client {} dropped", description(), s.peer);
                } else {
                    keep.add(s);
                }
            }
            clients = keep.toArray(new NioStream[0]);
        }
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (isClosed()) {
            return false;
        }
        boolean any = false;
        for (NioStream s : clients) {
            any |= s.send(data, offset, length);
        }
        return any;
    }

    /**
     * Queues a whole frame for every client, written at the next {@link #flush()} (one write for the frames of a
     * burst).
     *
     * @return true if at least one client queued it
     */
    @Override
    public boolean write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (isClosed()) {
            return false;
        }
        boolean any = false;
        for (NioStream s : clients) {
            any |= s.queue(data, offset, length);
        }
        return any;
    }

    @Override
    public void flush() {
        for (NioStream s : clients) {
            s.flush();
        }
    }

    @Override
    public boolean isConnected() {
        return !isClosed() && clientCount() > 0;
    }

    @Override
    void closeResources() {
        // Listening socket first (its kernel close completes when the selector deregisters it), so that a client
        // seeing its connection end cannot reconnect into the backlog of a dying server.
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", description(), e.toString());
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", description(), e.toString());
        }
        for (NioStream s : clients) {
            s.markDead();
        }
    }
}
