package org.vigie.mission.klv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.mission.stream.SingleWriter;

/**
 * Writes packets back to back into a .klv file (the format FMV tools and jmisb read as a raw KLV stream).
 *
 * <p>Writes are buffered and flushed every {@code flushEvery} packets and on close. A write error is logged once,
 * counted, and the sink stops writing.
 *
 * <p>Threading: no lock. The file and its state are confined to one writer at a time by a
 * {@link SingleWriter}: {@link #accept} and {@link #close} post to it (the streamer's thread, which calls
 * {@link #accept} one packet at a time, writes at once); {@link #close} returns once the file is closed, after every
 * packet accepted before it. The counters may be read from any thread. File I/O can block, so put the sink behind a
 * {@link org.vigie.mission.stream.DroppingDispatcher} when the disk may be slow.
 */
public final class KlvFileSink implements MetadataSink {

    private static final Logger LOG = LoggerFactory.getLogger(KlvFileSink.class);

    private final Path path;
    private final OutputStream out;
    private final int flushEvery;
    private final SingleWriter writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Writer only. */
    private boolean broken;
    /** Writer only. */
    private boolean closed;

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
        this.writer = new SingleWriter("KLV file " + path);
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

    /**
     * Writes the packet after every packet accepted before it; after a write error or {@link #close} it is counted as
     * failed instead.
     *
     * @param packet the packet
     */
    @Override
    public void accept(MetadataPacket packet) {
        writer.post(() -> write(packet));
    }

    private void write(MetadataPacket packet) {
        if (broken || closed) {
            failed.incrementAndGet();
            return;
        }
        try {
            out.write(packet.klv());
            if (written.incrementAndGet() % flushEvery == 0) {
                out.flush();
            }
        } catch (IOException e) {
            broken = true;
            failed.incrementAndGet();
            LOG.warn("writing KLV file {} failed, no more packets will be written: {}", path, e.toString());
        }
    }

    /** @return packets written; any thread */
    public long written() {
        return written.get();
    }

    /** @return packets not written because of an I/O error or because the sink was closed; any thread */
    public long failed() {
        return failed.get();
    }

    /** Flushes and closes the file once every packet accepted before has been written (idempotent; any thread). */
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
                LOG.warn("closing KLV file {}: {}", path, e.toString());
            }
        });
    }
}
