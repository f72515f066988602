package org.vigie.mission.stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each sample as one JSON line ({@link TelemetryJson}) to a file, flushed after every line so a crash loses
 * at most one sample. An I/O error is logged once and the sink stops. Thread-safe.
 */
public final class JsonLinesFileSink implements TelemetrySink {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFileSink.class);

    private final Path path;
    private final BufferedWriter out;
    private boolean broken;
    private long written;

    /**
     * Creates (or truncates) the file.
     *
     * @param path the .jsonl file
     * @throws IOException if it cannot be created
     */
    public JsonLinesFileSink(Path path) throws IOException {
        this.path = path;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void accept(TelemetrySample sample) {
        if (broken) {
            return;
        }
        try {
            out.write(TelemetryJson.toJson(sample));
            out.write('\n');
            out.flush();
            written++;
        } catch (IOException e) {
            broken = true;
            LOG.warn("telemetry file {} failed, no more lines will be written: {}", path, e.toString());
        }
    }

    /** @return lines written */
    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing telemetry file {}: {}", path, e.toString());
        }
    }
}
