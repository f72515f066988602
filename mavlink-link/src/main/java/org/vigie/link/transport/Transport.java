package org.vigie.link.transport;

/**
 * A byte pipe to one MAVLink peer or group of peers: serial port, UDP socket, TCP connection or server, in-memory
 * pair. Transports know nothing of frames.
 *
 * <p>Lifecycle: create (opening may throw {@link java.io.IOException} in the factory), {@link #start} once with a
 * listener, {@link #send} any number of times, {@link #close} once. Transports that can lose their device or peer
 * (serial unplugged, TCP reset) reconnect by themselves and report it through {@link TransportListener#onState}.
 *
 * <p>Threading: each transport has its own blocking reader thread that calls the listener; {@link #send} is
 * thread-safe and never blocks for long (it may drop and count bytes if the device is gone).
 */
public interface Transport extends AutoCloseable {

    /**
     * Human-readable description, e.g. {@code udpin://0.0.0.0:14540}.
     *
     * @return the description
     */
    String description();

    /**
     * Starts reading. Must be called exactly once.
     *
     * @param listener receives bytes and state changes on the reader thread
     * @throws IllegalStateException if already started or closed
     */
    void start(TransportListener listener);

    /**
     * Sends bytes to the peer(s). For a UDP server or a TCP server, to every known peer/client.
     *
     * @param data buffer
     * @param offset first byte
     * @param length byte count
     * @return true if the bytes were handed to the OS (or to the in-memory peer), false if dropped because the
     *     transport is disconnected or closed
     */
    boolean send(byte[] data, int offset, int length);

    /**
     * Queues one whole frame to go out with the next {@link #flush()}: a transport that can save system calls by
     * sending several frames at once keeps it until then (UDP packs them into datagrams of at most
     * {@link TransportOptions#udpPackBytes()} bytes, never splitting a frame; TCP writes them with one call); the
     * others send it at once (the default, e.g. serial and in-memory). Frames keep their order, with {@link #send} calls too. The caller must call
     * {@link #flush()} before it waits for anything, or the frame may stay queued.
     *
     * @param data buffer (copied before the call returns)
     * @param offset first byte
     * @param length byte count
     * @return true if queued or sent; false if dropped (no peer, closed, longer than a datagram)
     */
    default boolean write(byte[] data, int offset, int length) {
        return send(data, offset, length);
    }

    /** Sends what {@link #write} queued. Thread-safe; nothing to do by default. */
    default void flush() {}

    /**
     * Whether the reader calls {@link TransportListener#onBurstEnd()} after each burst of deliveries, so that a
     * listener may defer its work to the end of the burst.
     *
     * @return true if it does (UDP); false by default
     */
    default boolean signalsBurstEnd() {
        return false;
    }

    /**
     * Whether each {@link TransportListener#onBytes} call carries one whole datagram (UDP): MAVLink over datagrams
     * puts whole frames in each datagram, so a receiver should end its parser's stream after each call (so that a
     * trailing frame of unknown id, or noise, never holds back frames until the next datagram).
     *
     * @return true for datagram transports; false for byte streams (serial, TCP), the default
     */
    default boolean datagrams() {
        return false;
    }

    /**
     * Whether bytes can currently be sent.
     *
     * @return true if connected (or, for connectionless transports, a peer is known)
     */
    boolean isConnected();

    /** Stops the reader thread and releases the OS resource. Idempotent; never throws. */
    @Override
    void close();
}
