package org.vigie.link.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the real transports: reconnect backoff, UDP peer expiry, TCP output buffering, UDP packing and read
 * coalescing.
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
 * @param udpPackBytes largest datagram, in bytes, into which a UDP transport packs the whole frames queued with
 *     {@link Transport#write} before a {@link Transport#flush} (a frame is never split; a frame longer than this goes
 *     alone); 0 sends one frame per datagram. 0 or 64..65,507. The default, 1,200, stays under the path MTU of IPv4
 *     and IPv6 links, VPN tunnels included, so that a lost fragment never takes several frames with it
 * @param udpReadCoalescing under load (datagrams queueing up: bursts of several, less than 1 ms apart), how long a
 *     UDP reader waits after a burst before reading again instead of blocking at once: the datagrams that arrive
 *     meanwhile are read together, which saves a wake-up per datagram and lets a router pack them into one datagram;
 *     light traffic, one-at-a-time exchanges and the first datagram after a pause are read at once. Zero or at most
 *     10 ms; zero reads each datagram as soon as it arrives
 * @param udpReceiveBufferBytes the receive buffer (SO_RCVBUF) asked for UDP sockets, bytes: what absorbs a burst or a
 *     stall of the reader (4 MiB holds about 15 ms of small frames at 200,000 msg/s); the OS caps it (Linux: at
 *     {@code net.core.rmem_max}, 208 KiB unless raised; a warning names it). 0 keeps the OS default, else
 *     65,536..268,435,456
 */
public record TransportOptions(Duration reconnectInitialDelay, Duration reconnectMaxDelay, Duration udpPeerTimeout,
                               int tcpSendBufferBytes, Duration connectTimeout, int udpPackBytes,
                               Duration udpReadCoalescing, int udpReceiveBufferBytes) {

    /** Default {@link #udpPackBytes()}, bytes. */
    public static final int DEFAULT_UDP_PACK_BYTES = 1200;
    /** Largest UDP payload over IPv4, bytes. */
    public static final int MAX_UDP_PAYLOAD = 65_507;

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
        if (udpPackBytes != 0 && (udpPackBytes < 64 || udpPackBytes > MAX_UDP_PAYLOAD)) {
            throw new IllegalArgumentException("udpPackBytes must be 0 (one frame per datagram) or 64.."
                    + MAX_UDP_PAYLOAD + ", was " + udpPackBytes);
        }
        Objects.requireNonNull(udpReadCoalescing, "udpReadCoalescing");
        if (udpReadCoalescing.isNegative() || udpReadCoalescing.compareTo(Duration.ofMillis(10)) > 0) {
            throw new IllegalArgumentException("udpReadCoalescing must be in 0..10 ms, was " + udpReadCoalescing);
        }
        if (udpReceiveBufferBytes != 0 && (udpReceiveBufferBytes < 65_536 || udpReceiveBufferBytes > 1 << 28)) {
            throw new IllegalArgumentException("udpReceiveBufferBytes must be 0 (OS default) or 65536..268435456, was "
                    + udpReceiveBufferBytes);
        }
    }

    /**
     * Defaults for flight: retry after 100 ms, doubling up to 5 s; UDP peers expire after 10 s; 256 KiB of TCP
     * output queue; 2 s connect timeout; UDP datagrams packed up to 1,200 bytes; UDP reads coalesced for 100 µs after
     * a burst under load; 4 MiB UDP receive buffers.
     *
     * @return the defaults
     */
    public static TransportOptions defaults() {
        return new TransportOptions(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10),
                256 * 1024, Duration.ofSeconds(2), DEFAULT_UDP_PACK_BYTES, Duration.ofNanos(100_000), 4 << 20);
    }

    /**
     * A copy with other reconnect delays (tests use a few milliseconds).
     *
     * @param initial first retry delay
     * @param max cap
     * @return the new options
     */
    public TransportOptions withReconnect(Duration initial, Duration max) {
        return new TransportOptions(initial, max, udpPeerTimeout, tcpSendBufferBytes, connectTimeout, udpPackBytes,
                udpReadCoalescing, udpReceiveBufferBytes);
    }

    /**
     * A copy with another UDP peer timeout.
     *
     * @param timeout the timeout
     * @return the new options
     */
    public TransportOptions withUdpPeerTimeout(Duration timeout) {
        return new TransportOptions(reconnectInitialDelay, reconnectMaxDelay, timeout, tcpSendBufferBytes,
                connectTimeout, udpPackBytes, udpReadCoalescing, udpReceiveBufferBytes);
    }

    /**
     * A copy with other UDP packing and read coalescing.
     *
     * @param packBytes largest packed datagram, bytes; 0 for one frame per datagram
     * @param readCoalescing wait after a burst before reading again; zero to read each datagram at once
     * @return the new options
     * @throws IllegalArgumentException if a value is out of range (see the record's parameters)
     */
    public TransportOptions withUdpPacking(int packBytes, Duration readCoalescing) {
        return new TransportOptions(reconnectInitialDelay, reconnectMaxDelay, udpPeerTimeout, tcpSendBufferBytes,
                connectTimeout, packBytes, readCoalescing, udpReceiveBufferBytes);
    }

    /**
     * A copy with another UDP receive buffer size.
     *
     * @param bytes 0 for the OS default, else 65,536..268,435,456
     * @return the new options
     * @throws IllegalArgumentException if out of range
     */
    public TransportOptions withUdpReceiveBuffer(int bytes) {
        return new TransportOptions(reconnectInitialDelay, reconnectMaxDelay, udpPeerTimeout, tcpSendBufferBytes,
                connectTimeout, udpPackBytes, udpReadCoalescing, bytes);
    }
}
