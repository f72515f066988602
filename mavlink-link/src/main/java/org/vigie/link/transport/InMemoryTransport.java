package org.vigie.link.transport;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-memory byte pipe, for tests and for running the simulator in-process. Bytes sent on one end are
 * delivered to the other end's listener synchronously, on the sender's thread (there is no reader thread), so with a
 * {@link org.vigie.link.time.ManualScheduler} everything stays deterministic.
 *
 * <p>Threading: {@link #send} may be called from any thread; delivery happens on that thread.
 */
public final class InMemoryTransport implements Transport {

    private final String name;
    private @Nullable InMemoryTransport peer;
    private volatile @Nullable TransportListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesDropped = new AtomicLong();

    private InMemoryTransport(String name) {
        this.name = name;
    }

    /**
     * Creates two connected ends.
     *
     * @param nameA description of the first end
     * @param nameB description of the second end
     * @return the two ends, [a, b]
     */
    public static InMemoryTransport[] pair(String nameA, String nameB) {
        InMemoryTransport a = new InMemoryTransport(Objects.requireNonNull(nameA));
        InMemoryTransport b = new InMemoryTransport(Objects.requireNonNull(nameB));
        a.peer = b;
        b.peer = a;
        return new InMemoryTransport[] {a, b};
    }

    @Override
    public String description() {
        return "mem://" + name;
    }

    @Override
    public void start(TransportListener l) {
        if (closed.get()) {
            throw new IllegalStateException(description() + " is closed");
        }
        if (listener != null) {
            throw new IllegalStateException(description() + " already started");
        }
        listener = Objects.requireNonNull(l, "listener");
        l.onState(TransportState.CONNECTED, description());
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        InMemoryTransport peer = Objects.requireNonNull(this.peer, "set by pair");
        TransportListener l = peer.listener;
        if (closed.get() || peer.closed.get() || l == null) {
            bytesDropped.addAndGet(length);
            return false;
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        bytesSent.addAndGet(length);
        l.onBytes(copy, 0, length);
        return true;
    }

    @Override
    public boolean isConnected() {
        InMemoryTransport peer = Objects.requireNonNull(this.peer, "set by pair");
        return !closed.get() && !peer.closed.get() && peer.listener != null;
    }

    /** @return bytes delivered to the peer */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** @return bytes dropped because an end was closed or not started */
    public long bytesDropped() {
        return bytesDropped.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            TransportListener l = listener;
            if (l != null) {
                l.onState(TransportState.CLOSED, description());
            }
        }
    }
}
