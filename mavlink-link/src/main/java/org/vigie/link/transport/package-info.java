/**
 * Byte transports for MAVLink: serial ports (jSerialComm, reopened after the device disappears), UDP in/out, TCP
 * client/server and an in-memory pair, plus MAVSDK-style connection strings ({@link
 * org.vigie.link.transport.ConnectionString}) and the factory {@link org.vigie.link.transport.Transports}.
 *
 * <p>Transports move bytes only; framing is the codec's job. Each real transport owns one reader thread that calls its
 * {@link org.vigie.link.transport.TransportListener}; {@code send} is thread-safe and never blocks for long.
 */
package org.vigie.link.transport;
