package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the UDP transports ({@link UdpInTransport}, {@link UdpOutTransport}) share: the socket opened with the
 * receive buffer of {@link TransportOptions#udpReceiveBufferBytes()}, the reader loop, the send path with frame
 * packing, the send-error counter, and close.
 *
 * <p>Reading: with {@link TransportOptions#udpReadCoalescing()} zero, the channel is blocking and the reader delivers
 * each datagram as it arrives, each its own burst. Otherwise the channel is non-blocking: the reader reads every
 * datagram waiting (at most {@value #MAX_BURST} in a row), delivering each one whole, then calls
 * {@link TransportListener#onBurstEnd()}. Under load (the burst held several datagrams, so they queue up, and began
 * less than 1 ms after the previous one), it then waits the coalescing time and reads again, so that each wake-up
 * reads many datagrams (interrupt moderation: a datagram waits at most that long, and only while traffic is heavy);
 * otherwise, or when it finds nothing, it blocks in a selector until a datagram arrives, which is then read at once.
 * So request-and-answer exchanges (one datagram at a time: mission transfer, commands) are never delayed. Receive
 * errors are logged and skipped.
 *
 * <p>Sending: {@link #send} sends one datagram now; {@link #write} appends a whole frame to the pending datagram,
 * which goes out when the next frame would make it longer than {@link TransportOptions#udpPackBytes()}, or on
 * {@link #flush()}, or before a {@link #send}. One direct buffer, no allocation per send. A full socket send buffer
 * is waited on for up to 20 ms, as a blocking socket would; a target the OS refuses is counted in
 * {@link #sendErrors()}, and frames written that went to no target in {@link #writesDropped()}.
 *
 * <p>Threading: one reader thread; {@link #send}, {@link #write} and {@link #flush} are thread-safe (serialised on the
 * send buffer) and do not block beyond the OS copying a datagram, or 20 ms when the socket send buffer is full.
 */
abstract class AbstractUdpTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractUdpTransport.class);
    /** Largest datagram sent or received, bytes. */
    static final int MAX_DATAGRAM = 65_536;
    /** Most datagrams read in a row before {@link TransportListener#onBurstEnd()}. */
    static final int MAX_BURST = 64;
    /** How long a send waits for room in a full socket send buffer before the datagram is given up, ns. */
    static final long SEND_ROOM_WAIT_NANOS = 20_000_000;
    /** Bursts of several datagrams closer together than this turn read coalescing on, ns. */
    static final long BUSY_GAP_NANOS = 1_000_000;

    final DatagramChannel channel;
    private final @Nullable Selector selector;
    private final int packBytes;
    private final long coalesceNanos;
    private final Object sendLock = new Object();
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    /** Bytes of whole frames waiting in {@link #sendBuffer} for a flush (guarded by sendLock). */
    private int pendingBytes;
    /** How many {@link #write} calls those bytes came from (guarded by sendLock). */
    private int pendingWrites;
    private final AtomicLong writesDropped = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong datagramsSent = new AtomicLong();

    AbstractUdpTransport(String description, DatagramChannel channel, TransportOptions options) throws IOException {
        super(description);
        this.channel = Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(options, "options");
        this.packBytes = options.udpPackBytes();
        this.coalesceNanos = options.udpReadCoalescing().toNanos();
        Selector s = null;
        try {
            if (coalesceNanos > 0) {
                channel.configureBlocking(false);
                s = Selector.open();
                channel.register(s, SelectionKey.OP_READ);
            }
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                s.close();
            }
            channel.close();
            throw new IOException(description + ": cannot set up the socket: " + e.getMessage(), e);
        }
        this.selector = s;
    }

    /**
     * Opens a datagram socket bound to {@code bind}, closing it again if binding fails. Asks for
     * {@link TransportOptions#udpReceiveBufferBytes()} of receive buffer and warns (once per socket) when the OS gives
     * less.
     *
     * @param bind local address (port 0: ephemeral)
     * @param reuseAddress whether to set SO_REUSEADDR
     * @param options the receive buffer size
     * @param description the transport, for messages (e.g. "udpin://0.0.0.0:14550")
     * @return the bound channel
     * @throws IOException saying "cannot open" the transport, and why, if the socket cannot be opened or bound
     */
    static DatagramChannel openBound(InetSocketAddress bind, boolean reuseAddress, TransportOptions options,
            String description) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            if (reuseAddress) {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            int wanted = options.udpReceiveBufferBytes();
            if (wanted > 0) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, wanted);
                int got = ch.getOption(StandardSocketOptions.SO_RCVBUF);
                if (got < wanted) {
                    LOG.warn("{}: the OS gave a UDP receive buffer of {} bytes, not the {} asked for: bursts beyond it"
                            + " are dropped (on Linux raise net.core.rmem_max)", description, got, wanted);
                }
            }
            ch.bind(bind);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("cannot open " + description + ": " + e.getMessage(), e);
        }
        return ch;
    }

    /** @return datagrams that the OS refused to send */
    public long sendErrors() {
        return sendErrors.get();
    }

    /**
     * @return frames accepted by {@link #write} that then went nowhere: their packed datagram was refused for every
     *     target, or the transport closed first
     */
    public long writesDropped() {
        return writesDropped.get();
    }

    /** @return datagrams handed to the OS (one per target), packed or not */
    public long datagramsSent() {
        return datagramsSent.get();
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
        ByteBuffer buf = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        byte[] arr = new byte[MAX_DATAGRAM];
        if (selector == null) {
            reportState(TransportState.CONNECTED, connectedDetail());
            while (!isClosed()) {
                int n = readOne(buf, arr);
                if (n < 0) {
                    return;
                }
                if (n > 0) {
                    deliverBurstEnd();
                }
            }
            return;
        }
        Consumer<SelectionKey> ignore = k -> { };
        long lastBurstNanos = System.nanoTime() - BUSY_GAP_NANOS;
        reportState(TransportState.CONNECTED, connectedDetail());
        while (!isClosed()) {
            int n = readBurst(buf, arr);
            if (n < 0) {
                return;
            }
            if (n > 0) {
                deliverBurstEnd();
                if (n == MAX_BURST) {
                    continue;
                }
                if (coalesceNanos > 0) {
                    long now = System.nanoTime();
                    boolean busy = underLoad(n, now - lastBurstNanos);
                    lastBurstNanos = now;
                    if (busy) {
                        LockSupport.parkNanos(coalesceNanos);
                        continue;
                    }
                }
            }
            try {
                selector.select(ignore);
            } catch (ClosedSelectorException e) {
                return;
            }
        }
    }

    /**
     * The read-coalescing rule: datagrams are queueing up (the burst held several) and bursts come close together.
     *
     * @param datagramsInBurst datagrams the burst just read
     * @param nanosSincePreviousBurst from the start of the previous burst to the start of this one, ns
     * @return true to wait the coalescing time before reading again, false to block until the next datagram
     */
    static boolean underLoad(int datagramsInBurst, long nanosSincePreviousBurst) {
        return datagramsInBurst >= 2 && nanosSincePreviousBurst < BUSY_GAP_NANOS;
    }

    /** Reads and delivers the datagrams waiting, at most MAX_BURST. @return how many, or -1 once closed */
    private int readBurst(ByteBuffer buf, byte[] arr) {
        int n = 0;
        while (n < MAX_BURST) {
            int r = readOne(buf, arr);
            if (r < 0) {
                return -1;
            }
            if (r == 0) {
                return n;
            }
            n++;
        }
        return n;
    }

    /**
     * Receives one datagram (waiting for it when the channel is blocking) and delivers it.
     *
     * @return 1 if one was delivered (an empty datagram is not), 0 if none was waiting or on a receive error (logged),
     *     -1 once closed
     */
    private int readOne(ByteBuffer buf, byte[] arr) {
        buf.clear();
        SocketAddress from;
        try {
            from = channel.receive(buf);
        } catch (ClosedChannelException e) {
            return -1;
        } catch (IOException e) {
            if (isClosed()) {
                return -1;
            }
            LOG.debug("{}: receive error {}", description(), e.toString());
            return 0;
        }
        if (from == null) {
            return 0;
        }
        onDatagram(from);
        int len = buf.position();
        if (len > 0) {
            buf.flip();
            buf.get(arr, 0, len);
            deliver(arr, 0, len);
        }
        return 1;
    }

    /**
     * Sends the bytes as one datagram now, after any frames pending from {@link #write}, to the subclass's targets
     * ({@link #sendCopied}); a target the OS refuses is counted in {@link #sendErrors()}. Allocates nothing.
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
            flushLocked();
            sendBuffer.clear();
            sendBuffer.put(data, offset, length);
            return sendCopied(length);
        }
    }

    /**
     * Appends a whole frame to the pending datagram (see the class comment); with
     * {@link TransportOptions#udpPackBytes()} 0, sends it at once as its own datagram.
     *
     * @return true if queued or sent; false when closed, too long or there is no target now
     * @throws IndexOutOfBoundsException if offset and length do not fit data
     */
    @Override
    public final boolean write(byte[] data, int offset, int length) {
        if (packBytes == 0) {
            return send(data, offset, length);
        }
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length > MAX_DATAGRAM || !isConnected()) {
            return false;
        }
        synchronized (sendLock) {
            if (pendingBytes > 0 && pendingBytes + length > packBytes) {
                flushLocked();
            }
            sendBuffer.limit(MAX_DATAGRAM).position(pendingBytes);
            sendBuffer.put(data, offset, length);
            pendingBytes += length;
            pendingWrites++;
            if (pendingBytes >= packBytes) {
                flushLocked();
            }
            return true;
        }
    }

    @Override
    public final void flush() {
        synchronized (sendLock) {
            flushLocked();
        }
    }

    private void flushLocked() {
        int n = pendingBytes;
        if (n > 0) {
            int frames = pendingWrites;
            pendingBytes = 0;
            pendingWrites = 0;
            if (isClosed() || !sendCopied(n)) {
                writesDropped.addAndGet(frames);
            }
        }
    }

    /**
     * Sends the datagram now in the send buffer (its first {@code length} bytes) to each target with
     * {@link #sendCopy}; called under the send lock.
     *
     * @param length datagram length, bytes
     * @return true if at least one target took it
     */
    abstract boolean sendCopied(int length);

    /**
     * Sends the datagram in the send buffer to one target (only from {@link #sendCopied}). When the socket's send
     * buffer is full (a non-blocking channel takes nothing), waits for room as a blocking socket would, up to
     * {@value #SEND_ROOM_WAIT_NANOS} ns, then gives the datagram up.
     *
     * @param to the target
     * @param length datagram length, bytes
     * @return true if the OS took it; false (counted in {@link #sendErrors()}, logged at debug) otherwise
     */
    final boolean sendCopy(SocketAddress to, int length) {
        long deadline = 0;
        while (true) {
            sendBuffer.position(0).limit(length);
            try {
                if (channel.send(sendBuffer, to) > 0 || length == 0) {
                    datagramsSent.incrementAndGet();
                    return true;
                }
            } catch (IOException e) {
                sendErrors.incrementAndGet();
                LOG.debug("{}: send to {} failed: {}", description(), to, e.toString());
                return false;
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + SEND_ROOM_WAIT_NANOS;
            } else if (now - deadline >= 0) {
                sendErrors.incrementAndGet();
                LOG.debug("{}: send buffer full for {} ms, datagram to {} dropped", description(),
                        SEND_ROOM_WAIT_NANOS / 1_000_000, to);
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
    }

    /** @return true: each received datagram is handed over whole */
    @Override
    public final boolean datagrams() {
        return true;
    }

    /** @return true: {@link TransportListener#onBurstEnd()} follows every burst of datagrams */
    @Override
    public final boolean signalsBurstEnd() {
        return true;
    }

    @Override
    final void closeResources() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", description(), e.toString());
        }
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("{}: close selector: {}", description(), e.toString());
            }
        }
    }
}
