package org.vigie.link.tlog;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.route.FrameTap;
import org.vigie.link.time.Scheduler;

/**
 * Writes a {@code .tlog}: before each frame, its time as an 8-byte big-endian count of microseconds since the Unix
 * epoch, taken from the injected {@link Scheduler}; then the frame's bytes exactly as on the wire.
 *
 * <p>As a {@link FrameTap}, attach it to a router endpoint ({@code endpoint.tap(writer)}) to log both directions of
 * that endpoint. Output is buffered: call {@link #flush()} or {@link #close()}.
 *
 * <p>Errors: a failing write in {@link #onFrame} is counted ({@link #writeErrors()}) and logged once, never thrown
 * (the routing thread must not die because a disk is full); the explicit {@code write} methods throw
 * {@link UncheckedIOException}. After {@link #close()}, frames are ignored and counted as dropped.
 *
 * <p>Threading: thread-safe (methods are synchronized).
 */
public final class TlogWriter implements FrameTap, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TlogWriter.class);

    private final OutputStream out;
    private final Scheduler scheduler;
    private final byte[] stamp = new byte[8];
    private long records;
    private long writeErrors;
    private long dropped;
    private boolean closed;

    /**
     * Writes to a stream (which the writer then owns and closes).
     *
     * @param out destination
     * @param scheduler time source of the record timestamps
     */
    public TlogWriter(OutputStream out, Scheduler scheduler) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 64 * 1024);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Creates (or truncates) a tlog file.
     *
     * @param file path
     * @param scheduler time source
     * @return the writer
     * @throws IOException if the file cannot be created
     */
    public static TlogWriter create(Path file, Scheduler scheduler) throws IOException {
        return new TlogWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), scheduler);
    }

    /**
     * Microseconds since the Unix epoch of an instant.
     *
     * @param t instant
     * @return microseconds
     */
    public static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    @Override
    public void onFrame(byte[] data, int offset, int length, boolean inbound) {
        try {
            write(data, offset, length);
        } catch (UncheckedIOException e) {
            synchronized (this) {
                if (writeErrors++ == 0) {
                    LOG.error("tlog write failed; further errors are only counted", e);
                }
            }
        }
    }

    /**
     * Writes one record stamped with the scheduler's current time.
     *
     * @param data buffer holding one whole frame
     * @param offset first byte
     * @param length frame length
     * @throws UncheckedIOException if the stream fails
     */
    public void write(byte[] data, int offset, int length) {
        writeAt(epochMicros(scheduler.now()), data, offset, length);
    }

    /**
     * Writes one frame stamped with the scheduler's current time.
     *
     * @param frame the frame
     * @throws UncheckedIOException if the stream fails
     */
    public void write(MavlinkFrame frame) {
        byte[] raw = frame.raw();
        write(raw, 0, raw.length);
    }

    /**
     * Writes one parsed frame stamped with the scheduler's current time.
     *
     * @param frame the frame view
     * @throws UncheckedIOException if the stream fails
     */
    public void write(FrameView frame) {
        write(frame.buffer(), frame.offset(), frame.length());
    }

    /**
     * Writes one record with an explicit timestamp (for converting captures).
     *
     * @param timestampUs Unix time, microseconds
     * @param data buffer
     * @param offset first byte
     * @param length frame length
     * @throws UncheckedIOException if the stream fails
     */
    public synchronized void writeAt(long timestampUs, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed) {
            dropped++;
            return;
        }
        for (int i = 7; i >= 0; i--) {
            stamp[i] = (byte) timestampUs;
            timestampUs >>>= 8;
        }
        try {
            out.write(stamp, 0, 8);
            out.write(data, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records++;
    }

    /** @return records written */
    public synchronized long records() {
        return records;
    }

    /** @return failed writes from {@link #onFrame} */
    public synchronized long writeErrors() {
        return writeErrors;
    }

    /** @return frames ignored because the writer was closed */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * Flushes buffered records to the stream.
     *
     * @throws UncheckedIOException if the stream fails
     */
    public synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the stream. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
