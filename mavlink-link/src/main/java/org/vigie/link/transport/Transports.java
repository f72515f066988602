package org.vigie.link.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Opens transports from MAVSDK-style connection strings (see {@link ConnectionString}). The transport returned is
 * opened (bound, listening, or for serial the device open) but not started: call
 * {@link Transport#start(TransportListener)}.
 */
public final class Transports {

    private Transports() {}

    /**
     * Opens a transport with {@link TransportOptions#defaults()}.
     *
     * @param connection e.g. {@code tcpout://127.0.0.1:5760}
     * @return the transport, not started
     * @throws IllegalArgumentException if the string is malformed (the message quotes it and says why)
     * @throws IOException if the device or socket cannot be opened
     */
    public static Transport open(String connection) throws IOException {
        return open(ConnectionString.parse(connection), TransportOptions.defaults());
    }

    /**
     * Opens a transport.
     *
     * @param connection e.g. {@code serial:///dev/ttyAMA0:921600}
     * @param options reconnect delays and buffers
     * @return the transport, not started
     * @throws IllegalArgumentException if the string is malformed
     * @throws IOException if the device or socket cannot be opened
     */
    public static Transport open(String connection, TransportOptions options) throws IOException {
        return open(ConnectionString.parse(connection), options);
    }

    /**
     * Opens a transport from a parsed connection string.
     *
     * @param c the connection
     * @param options reconnect delays and buffers
     * @return the transport, not started
     * @throws IOException if the device or socket cannot be opened
     * @throws IllegalArgumentException if a host cannot be resolved
     */
    public static Transport open(ConnectionString c, TransportOptions options) throws IOException {
        Objects.requireNonNull(c, "connection");
        Objects.requireNonNull(options, "options");
        return switch (c.scheme()) {
            case SERIAL -> new SerialTransport(Objects.requireNonNull(c.path(), "a serial scheme has a path"), c.baud(),
                    options);
            case UDPIN -> new UdpInTransport(address(c), options);
            case UDPOUT -> new UdpOutTransport(address(c), options);
            case TCPOUT -> new TcpClientTransport(address(c), options);
            case TCPIN -> new TcpServerTransport(address(c), options);
        };
    }

    private static InetSocketAddress address(ConnectionString c) {
        InetSocketAddress a = new InetSocketAddress(c.host(), c.port());
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("bad connection string '" + c + "': cannot resolve host '" + c.host()
                    + "'");
        }
        return a;
    }
}
