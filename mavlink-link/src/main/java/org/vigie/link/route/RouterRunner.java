package org.vigie.link.route;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * latency, no extra context switch per message), and writes go out through {@link Transport#send} from the draining
 * thread. A ring that is full (the drainer is behind by more than its capacity) refuses the chunk, which is counted
 * ({@link #overflowBytes}). Bytes the parser discards are counted too ({@link #discardedBytes}).
 *
 * <p>Lifecycle: {@link #add} endpoints, {@link #start()} once, {@link #close()} (idempotent) closes every
 * transport.
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
        volatile TransportState state;

        Link(Endpoint endpoint, Transport transport) {
            this.endpoint = endpoint;
            this.transport = transport;
        }

        @Override
        public void onBytes(byte[] data, int offset, int length) {
            if (!ring.offer(data, offset, length)) {
                overflow.addAndGet(length);
            }
            drain();
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
     * Creates a runner around a router (which it then owns: do not call its {@code route} elsewhere).
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
        Endpoint e = router.addEndpoint(name, transport::send, inFilter, outFilter);
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

    /** Queue-drain: exactly one thread routes at a time; it loops until no thread added work meanwhile. */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        Link[] ls = linkArray;
        int missed = 1;
        while (true) {
            for (Link l : ls) {
                try {
                    l.ring.drainTo(l.parser);
                } catch (RuntimeException e) {
                    LOG.error("routing failed on endpoint {}", l.endpoint.name(), e);
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
    public TransportState state(Endpoint endpoint) {
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
     * Runs a router from the command line: {@code RouterRunner CONNECTION...}, e.g.
     * {@code serial:///dev/ttyAMA0:921600 udpin://0.0.0.0:14550 tcpin://0.0.0.0:5760}. Endpoints are named by
     * their connection strings. Runs until the JVM is stopped.
     *
     * @param args connection strings
     * @throws Exception if a transport cannot be opened
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RouterRunner CONNECTION CONNECTION... (e.g. serial:///dev/ttyAMA0:921600 "
                    + "udpin://0.0.0.0:14550)");
            System.exit(2);
        }
        RouterRunner runner = new RouterRunner(new Router());
        for (String a : args) {
            runner.add(a, a);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "vigie-router-shutdown"));
        runner.start();
        runner.stopped.await();
    }
}
