package org.vigie.mission.stream;

/**
 * A consumer of telemetry samples. Called on its subscription's executor (never on the flight's thread), one sample at
 * a time. May block: only its own queue fills up (and drops its oldest samples).
 */
@FunctionalInterface
public interface TelemetrySink extends AutoCloseable {

    /**
     * Receives a sample.
     *
     * @param sample the sample
     */
    void accept(TelemetrySample sample);

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
