package org.vigie.mission.stream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.vigie.mission.klv.DatagramSender;

/**
 * Sends each sample as one UDP datagram holding one JSON line (with its trailing newline). Non-blocking: a datagram
 * the socket cannot take is counted as dropped ({@link DatagramSender}). Thread-safe.
 */
public final class JsonLinesUdpSink implements TelemetrySink {

    private final DatagramSender sender;

    /**
     * Opens the socket.
     *
     * @param target destination
     * @throws IOException if the socket cannot be opened
     * @throws IllegalArgumentException if target is null or unresolved
     */
    public JsonLinesUdpSink(InetSocketAddress target) throws IOException {
        this.sender = new DatagramSender(target, "telemetry");
    }

    @Override
    public void accept(TelemetrySample sample) {
        sender.send((TelemetryJson.toJson(sample) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** @return datagrams sent */
    public long sent() {
        return sender.sent();
    }

    /** @return datagrams dropped */
    public long dropped() {
        return sender.dropped();
    }

    @Override
    public void close() {
        sender.close();
    }
}
