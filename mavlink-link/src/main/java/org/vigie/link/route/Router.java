package org.vigie.link.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.FrameView;
import org.vigie.link.route.AcceptResult.FilterReason;
import org.vigie.link.time.Scheduler;

/**
 * MAVLink routing between {@link Endpoint}s, as pure logic: frames in (with the endpoint they came from), frames out
 * through the endpoints' {@link FrameSink}s. No sockets, no threads.
 *
 * <p>For each frame received on endpoint S, {@link #route} does, in order:
 * <ol>
 *   <li>counts it in S's {@code framesIn};</li>
 *   <li>SETUP_SIGNING (id 256) stops here, counted {@code rejected} on S (it carries a secret key);</li>
 *   <li>S's input filter: if it says no, counted {@code filtered} on S;</li>
 *   <li>learns (sysid, compid) as reachable through S (system 0 is never learned, component 0 only as the
 *       system);</li>
 *   <li>de-duplication (when enabled): the same bytes already forwarded within the window (typically the same
 *       frame over a redundant link) stop here, counted {@code deduplicated} on S;</li>
 *   <li>offers the frame to every other endpoint through {@link Endpoint#accept}: accepted frames are written
 *       byte-for-byte unchanged; filtered ones count {@code filtered} there; targeted ones whose target was not seen
 *       there count {@code notForHere} there; if a targeted frame goes nowhere, it counts {@code unroutable} on S.</li>
 * </ol>
 *
 * <p>Allocation: {@link #route} allocates nothing. Endpoints are added before routing starts.
 *
 * <p>Threading: not thread-safe. Call {@link #addEndpoint} and {@link #route} from one thread (the routing thread,
 * see {@link RouterRunner}); {@link Endpoint#stats()} may be read from any thread.
 */
public final class Router {

    private final @Nullable Scheduler scheduler;
    private final @Nullable DedupCache dedup;
    private final List<Endpoint> endpointList = new ArrayList<>();
    private Endpoint[] endpoints = new Endpoint[0];

    /**
     * A router without de-duplication.
     */
    public Router() {
        this.scheduler = null;
        this.dedup = null;
    }

    /**
     * A router that de-duplicates frames arriving more than once within a window (redundant links).
     *
     * @param scheduler time source for the window
     * @param dedupWindow window; zero disables de-duplication
     * @throws IllegalArgumentException if the window is negative or longer than 10 s
     */
    public Router(Scheduler scheduler, Duration dedupWindow) {
        Objects.requireNonNull(dedupWindow, "dedupWindow");
        if (dedupWindow.isNegative() || dedupWindow.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("dedupWindow must be in 0..10 s, was " + dedupWindow);
        }
        if (dedupWindow.isZero()) {
            this.scheduler = null;
            this.dedup = null;
        } else {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.dedup = new DedupCache(dedupWindow.toNanos(), 4096);
        }
    }

    /**
     * Adds an endpoint with no filters.
     *
     * @param name a name for logs and stats
     * @param sink where frames routed to it are written
     * @return the endpoint
     */
    public Endpoint addEndpoint(String name, FrameSink sink) {
        return addEndpoint(name, sink, EndpointFilter.allowAll(), EndpointFilter.allowAll());
    }

    /**
     * Adds an endpoint.
     *
     * @param name a name for logs and stats, unique in this router
     * @param sink where frames routed to it are written
     * @param inFilter applied to frames received from it
     * @param outFilter applied to frames going out to it
     * @return the endpoint
     * @throws IllegalArgumentException if the name is already used or there are already 64 endpoints
     */
    public Endpoint addEndpoint(String name, FrameSink sink, EndpointFilter inFilter, EndpointFilter outFilter) {
        for (Endpoint e : endpointList) {
            if (e.name().equals(name)) {
                throw new IllegalArgumentException("endpoint name '" + name + "' is already used");
            }
        }
        if (endpointList.size() >= 64) {
            throw new IllegalArgumentException("a router holds at most 64 endpoints");
        }
        Endpoint e = new Endpoint(endpointList.size(), name, sink, inFilter, outFilter);
        endpointList.add(e);
        endpoints = endpointList.toArray(new Endpoint[0]);
        return e;
    }

    /** @return the endpoints, in creation order (unmodifiable) */
    public List<Endpoint> endpoints() {
        return Collections.unmodifiableList(new ArrayList<>(endpointList));
    }

    /** @return a snapshot of every endpoint's counters */
    public List<EndpointStats> stats() {
        List<EndpointStats> out = new ArrayList<>();
        for (Endpoint e : endpoints) {
            out.add(e.stats());
        }
        return out;
    }

    /**
     * Routes one frame received on {@code source}.
     *
     * @param source the endpoint it came from (of this router)
     * @param frame the frame (valid during the call)
     * @return how many endpoints it was written to
     * @throws IllegalArgumentException if {@code source} belongs to another router
     */
    public int route(Endpoint source, FrameView frame) {
        Endpoint[] eps = endpoints;
        int si = source.index();
        if (si >= eps.length || eps[si] != source) {
            throw new IllegalArgumentException(source + " does not belong to this router");
        }
        byte[] buf = frame.buffer();
        int off = frame.offset();
        int len = frame.length();
        source.inc(Endpoint.FRAMES_IN);
        source.add(Endpoint.BYTES_IN, len);
        int msgId = frame.msgId();
        if (msgId == Endpoint.SETUP_SIGNING_ID) {
            source.inc(Endpoint.REJECTED);
            return 0;
        }
        FilterReason in = source.inFilter().check(frame);
        if (in != null) {
            source.inc(Endpoint.FILTERED);
            return 0;
        }
        source.tapIn(buf, off, len);
        source.learn(frame.sysId(), frame.compId());
        if (dedup != null && scheduler != null && dedup.seenRecently(buf, off, len, scheduler.nanoTime())) {
            source.inc(Endpoint.DEDUPLICATED);
            return 0;
        }
        int written = 0;
        boolean targetFound = frame.targetSystem() <= 0;
        for (Endpoint e : eps) {
            if (e == source) {
                continue;
            }
            AcceptResult r = e.accept(frame);
            if (r == AcceptResult.ACCEPTED) {
                targetFound = true;
                if (e.write(buf, off, len)) {
                    written++;
                }
            } else if (r instanceof AcceptResult.Filtered) {
                targetFound = true;
                e.inc(Endpoint.FILTERED);
            } else {
                e.inc(Endpoint.NOT_FOR_HERE);
            }
        }
        if (!targetFound) {
            source.inc(Endpoint.UNROUTABLE);
        }
        return written;
    }
}
