package org.vigie.link.route;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.FrameView;
import org.vigie.link.route.AcceptResult.FilterReason;
import org.vigie.link.route.AcceptResult.RejectReason;

/**
 * One side of a {@link Router}: a named link with a {@link FrameSink} for output, an input and an output
 * {@link EndpointFilter}, the (system, component) pairs learned from the frames it delivered, and counters.
 * Created by {@link Router#addEndpoint}.
 *
 * <p>Threading: the routing state is changed only by the router's thread; {@link #stats()}, {@link #seenSystem} and
 * {@link #seenComponent} may be read from any thread (values may lag by a frame or so).
 */
public final class Endpoint {

    /** MAVLink SETUP_SIGNING message id: never forwarded. */
    public static final int SETUP_SIGNING_ID = 256;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    static final int FRAMES_IN = 0;
    static final int BYTES_IN = 1;
    static final int FRAMES_OUT = 2;
    static final int BYTES_OUT = 3;
    static final int FILTERED = 4;
    static final int REJECTED = 5;
    static final int DEDUPLICATED = 6;
    static final int UNROUTABLE = 7;
    static final int NOT_FOR_HERE = 8;
    static final int WRITE_FAILURES = 9;

    private final int index;
    private final String name;
    private final FrameSink sink;
    private final EndpointFilter inFilter;
    private final EndpointFilter outFilter;
    private final long[] seenSys = new long[4];
    private final long[] seenComp = new long[1024];
    private final long[] counters = new long[10];
    private volatile @Nullable FrameTap tap;

    Endpoint(int index, String name, FrameSink sink, EndpointFilter inFilter, EndpointFilter outFilter) {
        this.index = index;
        this.name = Objects.requireNonNull(name, "name");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.inFilter = Objects.requireNonNull(inFilter, "inFilter");
        this.outFilter = Objects.requireNonNull(outFilter, "outFilter");
    }

    /** @return position of this endpoint in its router, from 0 */
    public int index() {
        return index;
    }

    /** @return the name given at creation */
    public String name() {
        return name;
    }

    /** @return the filter applied to frames received from this endpoint */
    public EndpointFilter inFilter() {
        return inFilter;
    }

    /** @return the filter applied to frames going out to this endpoint */
    public EndpointFilter outFilter() {
        return outFilter;
    }

    /**
     * Attaches an observer of every frame in and out (e.g. a tlog writer), replacing any previous one.
     *
     * @param frameTap the tap, or null to detach
     */
    public void tap(FrameTap frameTap) {
        this.tap = frameTap;
    }

    /**
     * Whether a frame from this system arrived through this endpoint.
     *
     * @param systemId 0..255
     * @return true if seen
     */
    public boolean seenSystem(int systemId) {
        int s = systemId & 0xFF;
        return ((long) LONGS.getOpaque(seenSys, s >>> 6) & (1L << s)) != 0;
    }

    /**
     * Whether a frame from this (system, component) arrived through this endpoint.
     *
     * @param systemId 0..255
     * @param componentId 0..255
     * @return true if seen
     */
    public boolean seenComponent(int systemId, int componentId) {
        int k = (systemId & 0xFF) << 8 | (componentId & 0xFF);
        return ((long) LONGS.getOpaque(seenComp, k >>> 6) & (1L << k)) != 0;
    }

    void learn(int systemId, int componentId) {
        if (systemId == 0) {
            return;
        }
        int w = systemId >>> 6;
        long bit = 1L << systemId;
        long cur = seenSys[w];
        if ((cur & bit) == 0) {
            LONGS.setRelease(seenSys, w, cur | bit);
        }
        if (componentId == 0) {
            return;
        }
        int k = systemId << 8 | componentId;
        int kw = k >>> 6;
        long kbit = 1L << k;
        long kc = seenComp[kw];
        if ((kc & kbit) == 0) {
            LONGS.setRelease(seenComp, kw, kc | kbit);
        }
    }

    /**
     * Judges a frame offered to this endpoint for output, by the MAVLink routing rules and the output filter:
     * SETUP_SIGNING is rejected; a frame with a non-zero target system goes out only if that system (target
     * component 0 or absent) or that exact (system, component) was seen here, else it is rejected; other frames are
     * broadcast; then the output filter may keep it out.
     * Does not check the source endpoint (the router never offers a frame to its own source). Allocation-free.
     *
     * @param frame the frame
     * @return {@link AcceptResult#ACCEPTED}, a {@link AcceptResult.Filtered} or a {@link AcceptResult.Rejected}
     */
    public AcceptResult accept(FrameView frame) {
        if (frame.msgId() == SETUP_SIGNING_ID) {
            return AcceptResult.Rejected.of(RejectReason.SETUP_SIGNING);
        }
        int ts = frame.targetSystem();
        if (ts > 0) {
            int tc = frame.targetComponent();
            boolean here = tc > 0 ? seenComponent(ts, tc) : seenSystem(ts);
            if (!here) {
                return AcceptResult.Rejected.of(RejectReason.TARGET_NOT_HERE);
            }
        }
        FilterReason fr = outFilter.check(frame);
        if (fr != null) {
            return AcceptResult.Filtered.of(fr);
        }
        return AcceptResult.ACCEPTED;
    }

    boolean write(byte[] data, int offset, int length) {
        boolean ok = sink.write(data, offset, length);
        if (ok) {
            inc(FRAMES_OUT);
            add(BYTES_OUT, length);
            FrameTap t = tap;
            if (t != null) {
                t.onFrame(data, offset, length, false);
            }
        } else {
            inc(WRITE_FAILURES);
        }
        return ok;
    }

    void tapIn(byte[] data, int offset, int length) {
        FrameTap t = tap;
        if (t != null) {
            t.onFrame(data, offset, length, true);
        }
    }

    void inc(int counter) {
        LONGS.setRelease(counters, counter, counters[counter] + 1);
    }

    void add(int counter, long n) {
        LONGS.setRelease(counters, counter, counters[counter] + n);
    }

    private long get(int counter) {
        return (long) LONGS.getAcquire(counters, counter);
    }

    /** @return a snapshot of the counters */
    public EndpointStats stats() {
        return new EndpointStats(name, get(FRAMES_IN), get(BYTES_IN), get(FRAMES_OUT), get(BYTES_OUT), get(FILTERED),
                get(REJECTED), get(DEDUPLICATED), get(UNROUTABLE), get(NOT_FOR_HERE), get(WRITE_FAILURES));
    }

    @Override
    public String toString() {
        return "Endpoint[" + index + " " + name + "]";
    }
}
