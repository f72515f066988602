package org.vigie.link.transport;

/**
 * Receives what a {@link Transport} reads. Called on the transport's reader thread: implementations hand the bytes
 * to a parser and return quickly.
 */
public interface TransportListener {

    /**
     * Bytes arrived. The array may be reused after the call returns.
     *
     * @param data buffer
     * @param offset first byte
     * @param length byte count
     */
    void onBytes(byte[] data, int offset, int length);

    /**
     * The reader has delivered a burst (one or more {@link #onBytes} calls, for UDP every datagram that was waiting)
     * and will wait for more. Called only by transports whose {@link Transport#signalsBurstEnd()} is true. A listener
     * that buffers what it is given processes it now. Default: nothing.
     */
    default void onBurstEnd() {}

    /**
     * The transport connected, lost its peer or device, or is retrying.
     *
     * @param state new state
     * @param detail a sentence for logs (device path, peer address, error)
     */
    default void onState(TransportState state, String detail) {}
}
