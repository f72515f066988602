package org.vigie.mission.minimisation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Deletes flight outputs once their retention period has passed, unless their incident is held as evidence. Outputs
 * live in one folder per incident under a root ({@code <root>/<alertId>/flight.klv}, {@code telemetry.jsonl},
 * {@code tracks.geojson}...); a file's age is the clock's time minus its last modification. Every deletion (and every
 * failed one) is told to the listener, the audit trail's seam. Files of unknown kinds and files directly under the
 * root are left alone; an incident folder emptied by a sweep is removed.
 *
 * <p>The clock is injected (the companion's scheduler time, or a test's). {@link #sweep()} does file I/O on the
 * caller's thread: run it from a maintenance thread, never the event thread. Not for concurrent sweeps of one root.
 */
public final class RetentionSweeper {

    private final Path root;
    private final RetentionPolicy policy;
    private final EvidenceHolds holds;
    private final Supplier<Instant> clock;
    private final Consumer<RetentionEvent> listener;

    /**
     * What one sweep did.
     *
     * @param deleted        files deleted
     * @param keptAsEvidence files past retention kept because their incident is held
     * @param failed         files that could not be deleted
     */
    public record SweepReport(List<Path> deleted, List<Path> keptAsEvidence, List<Path> failed) {
        /** Copies the lists. */
        public SweepReport {
            deleted = List.copyOf(deleted);
            keptAsEvidence = List.copyOf(keptAsEvidence);
            failed = List.copyOf(failed);
        }
    }

    /**
     * @param root     the folder holding one folder per incident
     * @param policy   retention periods
     * @param holds    the incidents held as evidence
     * @param clock    the time now (injected)
     * @param listener told of each deletion and failure (the audit trail)
     */
    public RetentionSweeper(Path root, RetentionPolicy policy, EvidenceHolds holds, Supplier<Instant> clock,
                            Consumer<RetentionEvent> listener) {
        this.root = Objects.requireNonNull(root, "root");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.holds = Objects.requireNonNull(holds, "holds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Sweeps once.
     *
     * @return what was deleted, kept as evidence, or failed
     * @throws IOException if the root cannot be listed (nothing is deleted then)
     */
    public SweepReport sweep() throws IOException {
        Instant now = clock.get();
        List<Path> deleted = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        List<Path> failed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new SweepReport(deleted, kept, failed);
        }
        List<Path> incidents = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, Files::isDirectory)) {
            ds.forEach(incidents::add);
        }
        incidents.sort(null);
        for (Path incident : incidents) {
            String alertId = String.valueOf(incident.getFileName());
            Optional<String> held = holds.reason(alertId);
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(incident, Files::isRegularFile)) {
                ds.forEach(files::add);
            }
            files.sort(null);
            for (Path f : files) {
                Optional<OutputKind> kind = OutputKind.of(String.valueOf(f.getFileName()));
                if (kind.isEmpty()) {
                    continue;
                }
                Duration age = Duration.between(Files.getLastModifiedTime(f).toInstant(), now);
                if (age.compareTo(policy.of(kind.get())) <= 0) {
                    continue;
                }
                if (held.isPresent()) {
                    kept.add(f);
                    continue;
                }
                try {
                    long bytes = Files.size(f);
                    Files.delete(f);
                    deleted.add(f);
                    listener.accept(new RetentionEvent.Deleted(now, alertId, f, kind.get(), age, bytes));
                } catch (IOException e) {
                    failed.add(f);
                    listener.accept(new RetentionEvent.DeletionFailed(now, alertId, f, e.toString()));
                }
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(incident)) {
                if (!ds.iterator().hasNext()) {
                    Files.delete(incident);
                }
            }
        }
        return new SweepReport(deleted, kept, failed);
    }
}
