package org.vigie.link.transport;

/** Connection state of a {@link Transport}. */
public enum TransportState {
    /** Bytes can flow. */
    CONNECTED,
    /** The device or peer is gone; the transport is trying to get it back. */
    RECONNECTING,
    /** Closed by the user; terminal. */
    CLOSED
}
