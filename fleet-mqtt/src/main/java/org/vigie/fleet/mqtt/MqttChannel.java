package org.vigie.fleet.mqtt;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportState;

/**
 * One drone's frames through the broker, as a MAVLink {@link Transport}: every frame the link sends is handed whole
 * to an {@link Outlet} (which picks its topic and QoS), and every checked frame received for this drone is handed to
 * the link as one datagram. The link above signs, checks signatures and keeps its replay memory exactly as over UDP.
 *
 * <p>Threading: {@link #send} from any thread; {@link #deliver} from the session's one inbound thread.
 */
final class MqttChannel implements Transport {

    /** Where a frame the link sends goes. */
    @FunctionalInterface
    interface Outlet {
        /**
         * @param frame one whole MAVLink 2 frame (a copy the outlet may keep)
         * @return false if dropped (counted by the outlet)
         */
        boolean publish(byte[] frame);
    }

    private final String description;
    private final Outlet outlet;
    private final MqttSession session;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable TransportListener listener;

    MqttChannel(String description, MqttSession session, Outlet outlet) {
        this.description = Objects.requireNonNull(description, "description");
        this.session = Objects.requireNonNull(session, "session");
        this.outlet = Objects.requireNonNull(outlet, "outlet");
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void start(TransportListener l) {
        if (closed.get()) {
            throw new IllegalStateException(description + " is closed");
        }
        if (listener != null) {
            throw new IllegalStateException(description + " already started");
        }
        listener = Objects.requireNonNull(l, "listener");
        l.onState(TransportState.CONNECTED, description);
    }

    @Override
    public boolean send(byte[] data, int offset, int length) {
        if (closed.get()) {
            return false;
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        return outlet.publish(copy);
    }

    @Override
    public boolean datagrams() {
        return true;
    }

    @Override
    public boolean isConnected() {
        return !closed.get() && session.connected();
    }

    /** @param frame a checked frame for this drone's link */
    void deliver(byte[] frame) {
        TransportListener l = listener;
        if (l != null && !closed.get()) {
            l.onBytes(frame, 0, frame.length);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            TransportListener l = listener;
            if (l != null) {
                l.onState(TransportState.CLOSED, description);
            }
        }
    }
}
