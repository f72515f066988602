package org.vigie.link.transport;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Common lifecycle of the threaded transports: one start, one reader thread, idempotent close, de-duplicated state
 * reports, listener exceptions contained.
 */
abstract class AbstractTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractTransport.class);
    private static final long JOIN_MS = 2000;

    private final String description;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private volatile @Nullable TransportListener listener;
    private volatile @Nullable TransportState lastState;
    private volatile @Nullable Thread reader;

    AbstractTransport(String description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final void start(TransportListener l) {
        Objects.requireNonNull(l, "listener");
        if (closed.get()) {
            throw new IllegalStateException(description + " is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(description + " already started");
        }
        listener = l;
        Thread t = new Thread(this::runReader, "vigie-reader " + description);
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    private void runReader() {
        try {
            readLoop();
        } catch (Throwable t) {
            if (!isClosed()) {
                LOG.error("{}: reader thread died", description, t);
            }
        }
    }

    /** The reader thread body: runs until {@link #isClosed()}; may return early on close. */
    abstract void readLoop() throws Exception;

    /** Releases OS resources; called once from {@link #close()}; must unblock the reader thread. */
    abstract void closeResources();

    final boolean isClosed() {
        return closed.get();
    }

    /** Reports a state change to the listener once (repeats of the same state are not reported). */
    final void reportState(TransportState state, String detail) {
        if (lastState == state || (isClosed() && state != TransportState.CLOSED)) {
            return;
        }
        lastState = state;
        TransportListener l = listener;
        if (l == null) {
            return;
        }
        if (state == TransportState.CONNECTED) {
            LOG.info("{}: {}", description, detail);
        } else if (state == TransportState.RECONNECTING) {
            LOG.warn("{}: lost, reconnecting ({})", description, detail);
        }
        try {
            l.onState(state, detail);
        } catch (RuntimeException e) {
            LOG.error("{}: listener failed in onState", description, e);
        }
    }

    /** Hands bytes to the listener; a listener exception is logged and reading goes on. */
    final void deliver(byte[] data, int offset, int length) {
        try {
            Objects.requireNonNull(listener, "set by start").onBytes(data, offset, length);
        } catch (RuntimeException e) {
            LOG.error("{}: listener failed in onBytes", description, e);
        }
    }

    /** Tells the listener a burst of deliveries ended; a listener exception is logged and reading goes on. */
    final void deliverBurstEnd() {
        try {
            Objects.requireNonNull(listener, "set by start").onBurstEnd();
        } catch (RuntimeException e) {
            LOG.error("{}: listener failed in onBurstEnd", description, e);
        }
    }

    /**
     * Waits for a retry delay unless the transport closes first.
     *
     * @param delayMs delay
     * @return true if still open after the wait
     */
    final boolean pause(long delayMs) {
        try {
            return !closedSignal.await(delayMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public final void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closedSignal.countDown();
        try {
            closeResources();
        } catch (RuntimeException e) {
            LOG.warn("{}: error while closing", description, e);
        }
        Thread t = reader;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (started.get()) {
            reportState(TransportState.CLOSED, description + " closed");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
