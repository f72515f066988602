package org.vigie.link.transport;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed MAVSDK-style connection string.
 *
 * <ul>
 *   <li>{@code serial:///dev/ttyAMA0:921600} (path, then baud after the last colon; {@code serial://COM3:57600})</li>
 *   <li>{@code udpin://0.0.0.0:14540} (bind there, learn peers from what arrives)</li>
 *   <li>{@code udpout://127.0.0.1:14550} (send there from an ephemeral port)</li>
 *   <li>{@code tcpout://127.0.0.1:5760} (connect there, reconnect on loss)</li>
 *   <li>{@code tcpin://0.0.0.0:5760} (listen there, several clients)</li>
 * </ul>
 * IPv6 hosts go in brackets ({@code udpin://[::]:14540}). Listening schemes accept port 0 (an ephemeral port chosen by
 * the OS); outgoing ones need 1..65535.
 *
 * <p>Immutable value; {@link #toString()} gives back a canonical string.
 *
 * @param scheme the scheme
 * @param host host or address for network schemes, null for serial
 * @param port port for network schemes, -1 for serial
 * @param path device path for serial, null otherwise
 * @param baud baud rate for serial, -1 otherwise
 */
public record ConnectionString(Scheme scheme, @Nullable String host, int port, @Nullable String path, int baud) {

    /** The supported schemes. */
    public enum Scheme {
        /** Serial port. */
        SERIAL("serial"),
        /** UDP server: bind and reply to peers. */
        UDPIN("udpin"),
        /** UDP client: send to a fixed address. */
        UDPOUT("udpout"),
        /** TCP client. */
        TCPOUT("tcpout"),
        /** TCP server. */
        TCPIN("tcpin");

        private final String prefix;

        Scheme(String prefix) {
            this.prefix = prefix;
        }

        /** @return the scheme as written in strings, e.g. {@code udpin} */
        public String prefix() {
            return prefix;
        }

        /** @return whether this scheme listens (accepts port 0) */
        public boolean listening() {
            return this == UDPIN || this == TCPIN;
        }
    }

    /** Validates the fields (same rules as {@link #parse}). */
    public ConnectionString {
        Objects.requireNonNull(scheme, "scheme");
        if (scheme == Scheme.SERIAL) {
            if (path == null || path.isEmpty()) {
                throw new IllegalArgumentException("serial connection needs a device path");
            }
            if (baud <= 0) {
                throw new IllegalArgumentException("serial baud must be positive, was " + baud);
            }
        } else {
            if (host == null || host.isEmpty()) {
                throw new IllegalArgumentException(scheme.prefix + " connection needs a host");
            }
            int min = scheme.listening() ? 0 : 1;
            if (port < min || port > 65535) {
                throw new IllegalArgumentException(scheme.prefix + " port must be in " + min + "..65535, was " + port);
            }
        }
    }

    /**
     * Parses a connection string.
     *
     * @param text e.g. {@code udpin://0.0.0.0:14540}
     * @return the parsed value
     * @throws IllegalArgumentException quoting the string and saying what is wrong (unknown scheme, missing or bad
     *     port, port out of range, empty host, missing or bad baud, empty path)
     */
    public static ConnectionString parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("connection string is null");
        }
        int sep = text.indexOf("://");
        if (sep <= 0) {
            throw bad(text, "no scheme: expected serial://, udpin://, udpout://, tcpin:// or tcpout://");
        }
        String schemeText = text.substring(0, sep).toLowerCase(Locale.ROOT);
        Scheme scheme = null;
        for (Scheme s : Scheme.values()) {
            if (s.prefix.equals(schemeText)) {
                scheme = s;
            }
        }
        if (scheme == null) {
            throw bad(text, "unknown scheme '" + text.substring(0, sep)
                    + "' (expected serial, udpin, udpout, tcpin or tcpout)");
        }
        String rest = text.substring(sep + 3);
        if (scheme == Scheme.SERIAL) {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw bad(text, "missing baud rate after the device path (e.g. serial:///dev/ttyAMA0:921600)");
            }
            String path = rest.substring(0, colon);
            String baudText = rest.substring(colon + 1);
            if (path.isEmpty()) {
                throw bad(text, "empty device path");
            }
            if (baudText.isEmpty()) {
                throw bad(text, "missing baud rate after ':'");
            }
            int baud;
            try {
                baud = Integer.parseInt(baudText);
            } catch (NumberFormatException e) {
                throw bad(text, "baud rate '" + baudText + "' is not a number");
            }
            if (baud <= 0) {
                throw bad(text, "baud rate " + baud + " must be positive");
            }
            return new ConnectionString(scheme, null, -1, path, baud);
        }
        String host;
        String portText;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw bad(text, "unclosed '[' in IPv6 host");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.startsWith(":")) {
                throw bad(text, "missing port after the host (e.g. " + scheme.prefix + "://[::1]:14550)");
            }
            portText = after.substring(1);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw bad(text, "missing port after the host (e.g. " + scheme.prefix + "://127.0.0.1:14550)");
            }
            host = rest.substring(0, colon);
            portText = rest.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw bad(text, "empty host");
        }
        if (portText.isEmpty()) {
            throw bad(text, "missing port after ':'");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw bad(text, "port '" + portText + "' is not a number");
        }
        int min = scheme.listening() ? 0 : 1;
        if (port < min || port > 65535) {
            throw bad(text, "port " + port + " is out of range " + min + "..65535");
        }
        return new ConnectionString(scheme, host, port, null, -1);
    }

    private static IllegalArgumentException bad(String text, String what) {
        return new IllegalArgumentException("bad connection string '" + text + "': " + what);
    }

    @Override
    public String toString() {
        if (scheme == Scheme.SERIAL) {
            return "serial://" + path + ":" + baud;
        }
        String host = Objects.requireNonNull(this.host, "a network scheme has a host");
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme.prefix + "://" + h + ":" + port;
    }
}
