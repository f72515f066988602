package org.vigie.mission.stream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each sample as one UDP datagram holding one JSON line (with its trailing newline). Non-blocking: a datagram
 * the socket cannot take is counted as dropped. Thread-safe.
 */
public final class JsonLinesUdpSink implements TelemetrySink {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesUdpSink.class);

    private final DatagramChannel channel;
    private final InetSocketAddress target;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * Opens the socket.
     *
     * @param target destination
     * @throws IOException if the socket cannot be opened
     * @throws IllegalArgumentException if target is null or unresolved
     */
    public JsonLinesUdpSink(InetSocketAddress target) throws IOException {
        if (target == null || target.isUnresolved()) {
            throw new IllegalArgumentException("UDP target " + target + " is missing or unresolved");
        }
        this.target = target;
        this.channel = DatagramChannel.open();
        this.channel.configureBlocking(false);
    }

    @Override
    public void accept(TelemetrySample sample) {
        byte[] line = (TelemetryJson.toJson(sample) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (channel.send(ByteBuffer.wrap(line), target) > 0) {
                sent.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
            LOG.debug("telemetry datagram to {} dropped: {}", target, e.toString());
        }
    }

    /** @return datagrams sent */
    public long sent() {
        return sent.get();
    }

    /** @return datagrams dropped */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing telemetry UDP socket: {}", e.toString());
        }
    }
}
