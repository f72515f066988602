package org.vigie.mission.stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each sample as one JSON line ({@link TelemetryJson}) to a file, flushed after every line so a crash loses
 * at most one sample. An I/O error is logged once and the sink stops.
 *
 * <p>Threading: no lock. The file and its state are confined to one writer at a time by a {@link SingleWriter}:
 * {@link #accept} (called one sample at a time on its subscription's executor, which writes at once) and
 * {@link #close} post to it; {@link #close} returns once the file is closed, after every sample accepted before it.
 * {@link #written} may be read from any thread.
 */
public final class JsonLinesFileSink implements TelemetrySink {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFileSink.class);

    private final Path path;
    private final BufferedWriter out;
    private final SingleWriter writer;
    private final AtomicLong written = new AtomicLong();
    /** Writer only. */
    private boolean broken;
    /** Writer only. */
    private boolean closed;

    /**
     * Creates (or truncates) the file.
     *
     * @param path the .jsonl file
     * @throws IOException if it cannot be created
     */
    public JsonLinesFileSink(Path path) throws IOException {
        this.path = path;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        this.writer = new SingleWriter("telemetry file " + path);
    }

    /**
     * Appends the sample's line after every line accepted before it; ignored after an I/O error or {@link #close}.
     *
     * @param sample the sample
     */
    @Override
    public void accept(TelemetrySample sample) {
        writer.post(() -> write(sample));
    }

    private void write(TelemetrySample sample) {
        if (broken || closed) {
            return;
        }
        try {
            out.write(TelemetryJson.toJson(sample));
            out.write('\n');
            out.flush();
            written.incrementAndGet();
        } catch (IOException e) {
            broken = true;
            LOG.warn("telemetry file {} failed, no more lines will be written: {}", path, e.toString());
        }
    }

    /** @return lines written; any thread */
    public long written() {
        return written.get();
    }

    /** Closes the file once every line accepted before has been written (idempotent; any thread). */
    @Override
    public void close() {
        writer.postAndWait(() -> {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing telemetry file {}: {}", path, e.toString());
            }
        });
    }
}
