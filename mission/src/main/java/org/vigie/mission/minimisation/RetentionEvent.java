package org.vigie.mission.minimisation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What retention did to one flight output, for the audit trail (the seam the trail subscribes to:
 * {@link RetentionSweeper}'s listener). Immutable.
 */
public sealed interface RetentionEvent {

    /** @return when */
    Instant at();

    /** @return the incident (the alert id) the output belongs to */
    String alertId();

    /** @return the file */
    Path file();

    /**
     * The output was deleted: its retention period had passed and the incident is not held as evidence.
     *
     * @param at      when
     * @param alertId the incident
     * @param file    the deleted file
     * @param kind    its kind
     * @param age     how old it was
     * @param bytes   its size
     */
    record Deleted(Instant at, String alertId, Path file, OutputKind kind, Duration age, long bytes)
            implements RetentionEvent {}

    /**
     * The output could not be deleted; it is tried again at the next sweep.
     *
     * @param at      when
     * @param alertId the incident
     * @param file    the file
     * @param error   why
     */
    record DeletionFailed(Instant at, String alertId, Path file, String error) implements RetentionEvent {}
}
