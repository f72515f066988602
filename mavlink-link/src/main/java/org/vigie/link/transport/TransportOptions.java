package org.vigie.link.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the real transports: reconnect backoff, UDP peer expiry, TCP output buffering.
 *
 * <p>Reconnecting transports (serial, TCP client) wait {@code reconnectInitialDelay} after the first failure, then
 * double the delay after each further failure up to {@code reconnectMaxDelay}; a successful (re)connection resets it.
 *
 * @param reconnectInitialDelay first retry delay, strictly positive
 * @param reconnectMaxDelay cap of the retry delay, at least {@code reconnectInitialDelay}
 * @param udpPeerTimeout a UDP-in peer not heard from for this long is no longer sent to, strictly positive
 * @param tcpSendBufferBytes bytes a TCP connection may queue while the socket is full; beyond it whole sends are
 *     dropped (and counted), at least 1024
 * @param connectTimeout TCP connect timeout, strictly positive
 */
public record TransportOptions(Duration reconnectInitialDelay, Duration reconnectMaxDelay, Duration udpPeerTimeout,
                               int tcpSendBufferBytes, Duration connectTimeout) {

    /** Validates the values. */
    public TransportOptions {
        Objects.requireNonNull(reconnectInitialDelay, "reconnectInitialDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(udpPeerTimeout, "udpPeerTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (reconnectInitialDelay.isNegative() || reconnectInitialDelay.isZero()) {
            throw new IllegalArgumentException("reconnectInitialDelay must be positive, was " + reconnectInitialDelay);
        }
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay " + reconnectMaxDelay
                    + " is shorter than reconnectInitialDelay " + reconnectInitialDelay);
        }
        if (udpPeerTimeout.isNegative() || udpPeerTimeout.isZero()) {
            throw new IllegalArgumentException("udpPeerTimeout must be positive, was " + udpPeerTimeout);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (tcpSendBufferBytes < 1024) {
            throw new IllegalArgumentException("tcpSendBufferBytes must be at least 1024, was " + tcpSendBufferBytes);
        }
    }

    /**
     * Defaults for flight: retry after 100 ms, doubling up to 5 s; UDP peers expire after 10 s; 256 KiB of TCP
     * output queue; 2 s connect timeout.
     *
     * @return the defaults
     */
    public static TransportOptions defaults() {
        return new TransportOptions(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10),
                256 * 1024, Duration.ofSeconds(2));
    }

    /**
     * A copy with other reconnect delays (tests use a few milliseconds).
     *
     * @param initial first retry delay
     * @param max cap
     * @return the new options
     */
    public TransportOptions withReconnect(Duration initial, Duration max) {
        return new TransportOptions(initial, max, udpPeerTimeout, tcpSendBufferBytes, connectTimeout);
    }

    /**
     * A copy with another UDP peer timeout.
     *
     * @param timeout the timeout
     * @return the new options
     */
    public TransportOptions withUdpPeerTimeout(Duration timeout) {
        return new TransportOptions(reconnectInitialDelay, reconnectMaxDelay, timeout, tcpSendBufferBytes,
                connectTimeout);
    }
}
