package org.vigie.mission.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.vigie.mission.output.Json;
import org.vigie.mission.stream.SingleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only accountability log. Every record is kept in memory (readable with {@link #records()}) and, when a file
 * is given, appended to it as one JSON object per line (JSON Lines) and flushed before {@link #append} returns, so a
 * crash loses nothing already acknowledged. There is no way to remove or rewrite a record.
 *
 * <p>Threading: no lock. Appends are confined to one writer at a time by a {@link SingleWriter} (memory and file in the
 * same order); {@link #append} returns once its record is in memory and flushed, whichever thread wrote it.
 * {@link #records()} and {@link #writeFailures()} may be read from any thread.
 *
 * <p>If the file cannot be written, the record stays in memory, the failure is logged at ERROR and
 * {@link #writeFailures()} counts it: accountability problems must be visible but must not strand a drone in the air.
 */
public final class AccountabilityLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountabilityLog.class);

    private final ConcurrentLinkedQueue<AccountabilityRecord> records = new ConcurrentLinkedQueue<>();
    private final @Nullable Writer writer;
    private final java.time.@Nullable Clock wallClock;
    private final SingleWriter turns = new SingleWriter("accountability log");
    private final AtomicInteger writeFailures = new AtomicInteger();
    /** Writer only. */
    private boolean closed;

    private AccountabilityLog(@Nullable Writer writer, java.time.@Nullable Clock wallClock) {
        this.writer = writer;
        this.wallClock = wallClock;
    }

    /** @return a log kept in memory only */
    public static AccountabilityLog inMemory() {
        return new AccountabilityLog(null, null);
    }

    /**
     * Opens (creating if needed) a JSON Lines file for appending; existing lines are kept.
     *
     * @param file the log file
     * @return the log
     * @throws IOException if the file cannot be opened for appending
     */
    public static AccountabilityLog appendingTo(Path file) throws IOException {
        return appendingTo(file, null);
    }

    /**
     * As {@link #appendingTo(Path)}, and each line also says when it was written by {@code wallClock}
     * ({@code "recordedAt"}): a companion whose scheduler runs faster than real time (a simulation at a speed-up)
     * stamps its records ({@code "at"}) in simulated time, ahead of the real clock.
     *
     * @param file      the log file
     * @param wallClock the real clock, or null for none
     * @return the log
     * @throws IOException if the file cannot be opened for appending
     */
    public static AccountabilityLog appendingTo(Path file, java.time.@Nullable Clock wallClock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new AccountabilityLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), wallClock);
    }

    /**
     * Appends one record (memory first, then the file, flushed).
     *
     * @param r the record
     */
    public void append(AccountabilityRecord r) {
        java.util.Objects.requireNonNull(r, "record");
        turns.postAndWait(() -> write(r));
    }

    private void write(AccountabilityRecord r) {
        records.add(r);
        if (writer == null) {
            return;
        }
        try {
            if (closed) {
                throw new IOException("the log is closed");
            }
            String line = toJson(r);
            if (wallClock != null) {
                line = line.substring(0, line.length() - 1) + ",\"recordedAt\":\"" + wallClock.instant() + "\"}";
            }
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException | UncheckedIOException e) {
            writeFailures.incrementAndGet();
            LOG.error("accountability log write failed for alert {}: {}", r.alertId(), e.toString());
        }
    }

    /** @return a snapshot of every record appended so far, in order; any thread */
    public List<AccountabilityRecord> records() {
        return List.copyOf(records);
    }

    /** @return how many records could not be written to the file; any thread */
    public int writeFailures() {
        return writeFailures.get();
    }

    /**
     * One record as a JSON object on one line.
     *
     * @param r the record
     * @return the JSON text without a line break
     */
    public static String toJson(AccountabilityRecord r) {
        return new Json().beginObject()
                .key("at").value(r.at().toString())
                .key("event").value(r.event().name())
                .key("alertId").value(r.alertId())
                .key("requesterId").value(r.requesterId())
                .key("requesterOrigin").value(r.requesterOrigin())
                .key("targetLatDeg").value(r.targetLatDeg(), 7)
                .key("targetLonDeg").value(r.targetLonDeg(), 7)
                .key("priority").value(r.priority())
                .key("reason").value(r.reason())
                .key("detail").value(r.detail())
                .endObject().toString();
    }

    /** Closes the file, if any. Further appends stay in memory and count as write failures. */
    @Override
    public void close() {
        turns.postAndWait(() -> {
            if (writer == null || closed) {
                return;
            }
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                LOG.warn("closing accountability log: {}", e.toString());
            }
        });
    }
}
