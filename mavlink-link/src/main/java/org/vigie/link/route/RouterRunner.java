package org.vigie.link.route;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.codec.DiscardReason;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportOptions;
import org.vigie.link.transport.TransportState;
import org.vigie.link.transport.Transports;

/**
 * Runs a {@link Router} over real {@link Transport}s: the companion-side router between the autopilot and ground
 * stations.
 *
 * <pre>{@code
 * RouterRunner runner = new RouterRunner(new Router());
 * runner.add("autopilot", "serial:///dev/ttyAMA0:921600");
 * runner.add("gcs", "udpin://0.0.0.0:14550");
 * runner.add("companion", inMemoryEndOfTheLink);   // the companion's own MavlinkLink, through InMemoryTransport.pair
 * runner.start();
 * }</pre>
 *
 * <p>Threading: each transport's own reader thread copies what it reads into that endpoint's lock-free
 * single-producer ring, then drains the rings through the endpoints' {@link FrameParser}s into the {@link Router},
 * unless another reader thread is already draining (a work-in-progress counter elects exactly one drainer at a time,
 * which loops until no work was added meanwhile: nothing is stranded, no thread ever waits). So the routing table is
 * touched by one thread at a time with no locks, there is no hand-off to a separate routing thread (no wake-up
 * latency, no extra context switch per message), and writes go out from the draining thread. A ring that is full (the
 * drainer is behind by more than its capacity) refuses the chunk, which is counted ({@link #overflowBytes}). Bytes the
 * parser discards are counted too ({@link #discardedBytes}).
 *
 * <p>Bursts: a transport that {@linkplain Transport#signalsBurstEnd() signals the end of its bursts} (UDP reads every
 * datagram waiting in one go) is drained once per burst, not once per datagram. Frames are routed to the endpoints
 * with {@link Transport#write} and every endpoint is {@linkplain Transport#flush() flushed} at the end of each drain
 * pass, so the frames of one burst bound for a UDP endpoint leave packed in as few datagrams as
 * {@link org.vigie.link.transport.TransportOptions#udpPackBytes()} allows, byte-for-byte unchanged and in order (a
 * TCP endpoint gets them in one write); nothing waits for more traffic (a lone frame leaves alone, at once). For datagram transports the parser's stream is
 * ended after each drain (a frame never spans datagrams), so a trailing frame of unknown id is never held back.
 *
 * <p>Lifecycle: {@link #add} endpoints, {@link #start()} once, {@link #close()} (idempotent) closes every
 * transport. The command line that runs a router is {@code org.vigie.examples.RouterMain}.
 */
public final class RouterRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouterRunner.class);
    private static final int RING_BYTES = 1 << 20;

    private final class Link implements TransportListener, FrameParser.Listener {
        final Endpoint endpoint;
        final Transport transport;
        final ByteRing ring = new ByteRing(RING_BYTES);
        final FrameParser parser = new FrameParser(this);
        final AtomicLong overflow = new AtomicLong();
        final AtomicLong discarded = new AtomicLong();
        final boolean burstEnds;
        final boolean datagrams;
        volatile @Nullable TransportState state;

        Link(Endpoint endpoint, Transport transport) {
            this.endpoint = endpoint;
            this.transport = transport;
            this.burstEnds = transport.signalsBurstEnd();
            this.datagrams = transport.datagrams();
        }

        @Override
        public void onBytes(byte[] data, int offset, int length) {
            if (!ring.offer(data, offset, length)) {
                overflow.addAndGet(length);
            }
            if (!burstEnds) {
                drain();
            }
        }

        @Override
        public void onBurstEnd() {
            drain();
        }

        /** Drainer only: routes what the ring holds. */
        void drainRing() {
            if (ring.drainTo(parser) > 0 && datagrams) {
                parser.flush();
            }
        }

        @Override
        public void onState(TransportState s, String detail) {
            state = s;
            LOG.info("router endpoint {}: {} ({})", endpoint.name(), s, detail);
        }

        @Override
        public void onFrame(FrameView frame) {
            router.route(endpoint, frame);
        }

        @Override
        public void onDiscard(DiscardReason reason, int byteCount) {
            discarded.addAndGet(byteCount);
        }
    }

    private final Router router;
    private final List<Link> links = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Link[] linkArray = new Link[0];
    private volatile boolean closed;
    private boolean started;

    /**
     * Creates a runner around a router (which it then owns: nothing else may route through it).
     *
     * @param router the routing logic, with de-duplication configured as wanted
     */
    public RouterRunner(Router router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    /** @return the router (for its endpoints and stats) */
    public Router router() {
        return router;
    }

    /**
     * Adds an endpoint over a transport (not yet started), no filters.
     *
     * @param name endpoint name, unique
     * @param transport the transport; the runner starts and closes it
     * @return the endpoint
     * @throws IllegalStateException if the runner was already started
     */
    public Endpoint add(String name, Transport transport) {
        return add(name, transport, EndpointFilter.allowAll(), EndpointFilter.allowAll());
    }

    /**
     * Adds an endpoint over a transport (not yet started).
     *
     * @param name endpoint name, unique
     * @param transport the transport; the runner starts and closes it
     * @param inFilter filter on frames received from it
     * @param outFilter filter on frames sent to it
     * @return the endpoint
     * @throws IllegalStateException if the runner was already started
     * @throws IllegalArgumentException if the name is taken
     */
    public synchronized Endpoint add(String name, Transport transport, EndpointFilter inFilter,
            EndpointFilter outFilter) {
        Objects.requireNonNull(transport, "transport");
        if (started || closed) {
            throw new IllegalStateException("endpoints must be added before start()");
        }
        Endpoint e = router.addEndpoint(name, transport::write, inFilter, outFilter);
        links.add(new Link(e, transport));
        linkArray = links.toArray(new Link[0]);
        return e;
    }

    /**
     * Opens a transport from a connection string and adds it.
     *
     * @param name endpoint name
     * @param connection e.g. {@code udpin://0.0.0.0:14550}
     * @return the endpoint
     * @throws IOException if the transport cannot be opened
     * @throws IllegalArgumentException if the string is malformed
     */
    public Endpoint add(String name, String connection) throws IOException {
        Transport t = Transports.open(connection, TransportOptions.defaults());
        try {
            return add(name, t);
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /**
     * Starts every transport.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("router runner already started or closed");
        }
        started = true;
        for (Link l : links) {
            l.transport.start(l);
        }
    }

    /**
     * Queue-drain: exactly one thread routes at a time; it loops until no thread added work meanwhile. Each pass
     * routes every ring, then flushes every endpoint's transport, so nothing written stays queued when it returns.
     */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        Link[] ls = linkArray;
        int missed = 1;
        while (true) {
            for (Link l : ls) {
                try {
                    l.drainRing();
                } catch (RuntimeException e) {
                    LOG.error("routing failed on endpoint {}", l.endpoint.name(), e);
                }
            }
            for (Link l : ls) {
                try {
                    l.transport.flush();
                } catch (RuntimeException e) {
                    LOG.error("flush failed on endpoint {}", l.endpoint.name(), e);
                }
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    /**
     * Bytes a transport read that were dropped because the routing thread was behind by more than the ring.
     *
     * @param endpoint an endpoint of this runner
     * @return bytes dropped
     */
    public long overflowBytes(Endpoint endpoint) {
        return link(endpoint).overflow.get();
    }

    /**
     * Bytes read from an endpoint that the parser discarded (garbage, bad CRC, bad length).
     *
     * @param endpoint an endpoint of this runner
     * @return bytes discarded
     */
    public long discardedBytes(Endpoint endpoint) {
        return link(endpoint).discarded.get();
    }

    /**
     * The last state an endpoint's transport reported.
     *
     * @param endpoint an endpoint of this runner
     * @return the state, or null before the first report
     */
    public @Nullable TransportState state(Endpoint endpoint) {
        return link(endpoint).state;
    }

    private Link link(Endpoint e) {
        for (Link l : linkArray) {
            if (l.endpoint == e) {
                return l;
            }
        }
        throw new IllegalArgumentException(e + " is not an endpoint of this runner");
    }

    /** Closes every transport. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Link l : links) {
            l.transport.close();
        }
        stopped.countDown();
    }

    /**
     * Blocks until {@link #close()} has run (from any thread, e.g. a shutdown hook). For a program whose main thread
     * has nothing else to do; see {@code org.vigie.examples.RouterMain}.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitClosed() throws InterruptedException {
        stopped.await();
    }
}
