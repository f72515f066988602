package org.vigie.mission.klv.privacy;

/**
 * A change of privacy state, for the video pipeline (mask or stop recording on {@link Entered}, resume on
 * {@link Left}). Closed set.
 */
public sealed interface PrivacyEvent {

    /** @return the zone name */
    String zoneName();

    /** @return time of the packet that caused the change, microseconds since 1970 UTC */
    long timeUtcMicros();

    /**
     * The footprint started overlapping a zone.
     *
     * @param zoneName the zone
     * @param timeUtcMicros packet time
     */
    record Entered(String zoneName, long timeUtcMicros) implements PrivacyEvent {
    }

    /**
     * The footprint stopped overlapping a zone.
     *
     * @param zoneName the zone
     * @param timeUtcMicros packet time
     */
    record Left(String zoneName, long timeUtcMicros) implements PrivacyEvent {
    }
}
