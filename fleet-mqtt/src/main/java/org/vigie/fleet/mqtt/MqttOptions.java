package org.vigie.fleet.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How one side connects to the broker.
 *
 * @param host               broker host name or address
 * @param port               broker port (1883 plain, 8883 TLS)
 * @param username           this client's user name in the broker's password file (one per drone, one per centre)
 * @param password           its password
 * @param tls                whether to connect with TLS (the JVM's trust store verifies the broker's certificate)
 * @param sessionExpiry      how long the broker keeps this client's session (subscriptions, queued QoS 1 messages)
 *                           after it disconnects; a persistent session, resumed on reconnect
 * @param keepAlive          MQTT keep-alive: the broker publishes the Last Will after 1.5 times this without a packet
 * @param reconnectInitial   first reconnection delay; it doubles up to {@code reconnectMax}
 * @param reconnectMax       longest reconnection delay
 * @param telemetryPerSecond bound on QoS 0 telemetry frames published per second (drone side); more are dropped and
 *                           counted ({@link Rejection#RATE_LIMITED})
 */
public record MqttOptions(String host, int port, String username, String password, boolean tls,
                          Duration sessionExpiry, Duration keepAlive, Duration reconnectInitial,
                          Duration reconnectMax, int telemetryPerSecond) {

    /**
     * @throws IllegalArgumentException naming a value out of range
     */
    public MqttOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " must be 1-65535");
        }
        if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65535) {
            throw new IllegalArgumentException("keepAlive " + keepAlive + " must be 1-65535 s");
        }
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sessionExpiry " + sessionExpiry + " must be 0-4294967295 s");
        }
        if (reconnectInitial.isNegative() || reconnectInitial.isZero() || reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new IllegalArgumentException("reconnect delays " + reconnectInitial + ".." + reconnectMax
                    + " must be positive and ordered");
        }
        if (telemetryPerSecond < 1 || telemetryPerSecond > 1000) {
            throw new IllegalArgumentException("telemetryPerSecond " + telemetryPerSecond + " must be 1-1000");
        }
    }

    /**
     * Plain MQTT on a host and port with a user's credentials: session kept 1 h, keep-alive 5 s, reconnection 0.5 s
     * doubling to 10 s, telemetry bounded at 20 frames/s.
     *
     * @param host     broker host
     * @param port     broker port
     * @param username user name
     * @param password password
     * @return the options
     */
    public static MqttOptions of(String host, int port, String username, String password) {
        return new MqttOptions(host, port, username, password, false, Duration.ofHours(1), Duration.ofSeconds(5),
                Duration.ofMillis(500), Duration.ofSeconds(10), 20);
    }

    /** @param v keep-alive @return a copy with it */
    public MqttOptions withKeepAlive(Duration v) {
        return new MqttOptions(host, port, username, password, tls, sessionExpiry, v, reconnectInitial, reconnectMax,
                telemetryPerSecond);
    }

    /**
     * @param initial first delay
     * @param max     longest delay
     * @return a copy with them
     */
    public MqttOptions withReconnect(Duration initial, Duration max) {
        return new MqttOptions(host, port, username, password, tls, sessionExpiry, keepAlive, initial, max,
                telemetryPerSecond);
    }

    /** @param v frames per second @return a copy with it */
    public MqttOptions withTelemetryPerSecond(int v) {
        return new MqttOptions(host, port, username, password, tls, sessionExpiry, keepAlive, reconnectInitial,
                reconnectMax, v);
    }

    /** @param v whether to use TLS @return a copy with it */
    public MqttOptions withTls(boolean v) {
        return new MqttOptions(host, port, username, password, v, sessionExpiry, keepAlive, reconnectInitial,
                reconnectMax, telemetryPerSecond);
    }
}
