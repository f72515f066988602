package org.vigie.mission.minimisation;

import java.util.Locale;
import java.util.Optional;

/** The kinds of flight output kept on the drone, each with its retention period; told apart by file name. */
public enum OutputKind {
    /** MISB ST 0601 KLV files ({@code .klv}). */
    KLV,
    /** Recorded telemetry ({@code .jsonl}, {@code .tlog}). */
    TELEMETRY,
    /** Tracks, reports and maps ({@code .geojson}, {@code .json}, {@code .svg}). */
    TRACKS;

    /**
     * @param fileName a file name
     * @return its kind, or empty for a file that is not a flight output (left alone)
     */
    public static Optional<OutputKind> of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".klv")) {
            return Optional.of(KLV);
        }
        if (n.endsWith(".jsonl") || n.endsWith(".tlog")) {
            return Optional.of(TELEMETRY);
        }
        if (n.endsWith(".geojson") || n.endsWith(".json") || n.endsWith(".svg")) {
            return Optional.of(TRACKS);
        }
        return Optional.empty();
    }
}
