package org.vigie.mission.klv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes packets back to back into a .klv file (the format FMV tools and jmisb read as a raw KLV stream).
 *
 * <p>Writes are buffered and flushed every {@code flushEvery} packets and on close. A write error is logged once,
 * counted, and the sink stops writing. Thread-safe (synchronized); file I/O can block, so put it behind a
 * {@link org.vigie.mission.stream.DroppingDispatcher} when the disk may be slow.
 */
public final class KlvFileSink implements MetadataSink {

    private static final Logger LOG = LoggerFactory.getLogger(KlvFileSink.class);

    private final Path path;
    private final OutputStream out;
    private final int flushEvery;
    private long written;
    private long failed;
    private boolean broken;

    /**
     * Creates (or truncates) the file.
     *
     * @param path the .klv file
     * @param flushEvery flush after this many packets, 1 or more
     * @throws IOException if the file cannot be created
     * @throws IllegalArgumentException if flushEvery is below 1
     */
    public KlvFileSink(Path path, int flushEvery) throws IOException {
        if (flushEvery < 1) {
            throw new IllegalArgumentException("flushEvery " + flushEvery + " must be at least 1");
        }
        this.path = path;
        this.flushEvery = flushEvery;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
    }

    /**
     * Creates (or truncates) the file, flushing every 10 packets (one second at the default rate).
     *
     * @param path the .klv file
     * @throws IOException if the file cannot be created
     */
    public KlvFileSink(Path path) throws IOException {
        this(path, 10);
    }

    @Override
    public synchronized void accept(MetadataPacket packet) {
        if (broken) {
            failed++;
            return;
        }
        try {
            out.write(packet.klv());
            written++;
            if (written % flushEvery == 0) {
                out.flush();
            }
        } catch (IOException e) {
            broken = true;
            failed++;
            LOG.warn("writing KLV file {} failed, no more packets will be written: {}", path, e.toString());
        }
    }

    /** @return packets written */
    public synchronized long written() {
        return written;
    }

    /** @return packets not written because of an I/O error */
    public synchronized long failed() {
        return failed;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing KLV file {}: {}", path, e.toString());
        }
    }
}
