package org.vigie.link.transport;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test listener: accumulates bytes and states; waits with bounded timeouts, no sleeps. */
final class Recorder implements TransportListener {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final BlockingQueue<TransportState> states = new LinkedBlockingQueue<>();

    @Override
    public synchronized void onBytes(byte[] data, int offset, int length) {
        bytes.write(data, offset, length);
        notifyAll();
    }

    @Override
    public void onState(TransportState state, String detail) {
        states.add(state);
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    synchronized void clear() {
        bytes.reset();
    }

    /** Waits until at least n bytes arrived; returns them. */
    synchronized byte[] awaitBytes(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bytes.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + timeout + " for " + n + " bytes, got " + bytes.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return bytes.toByteArray();
    }

    /** Waits for a given state, skipping others. */
    void awaitState(TransportState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            TransportState s = left > 0 ? states.poll(left, TimeUnit.NANOSECONDS) : null;
            if (s == null) {
                throw new AssertionError("waited " + timeout + " for state " + wanted);
            }
            if (s == wanted) {
                return;
            }
        }
    }
}
