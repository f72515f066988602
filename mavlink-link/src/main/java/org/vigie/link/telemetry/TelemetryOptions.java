package org.vigie.link.telemetry;

/**
 * Telemetry timing.
 *
 * @param staleAfterMs a group that has not been updated for this long is flagged stale (within 1.1 x this), &gt; 0
 *                     (default 3000 ms)
 * @param statusTextChunkTimeoutMs a multi-chunk STATUSTEXT still incomplete after this long is emitted as it is,
 *                                 &gt; 0 (default 1000 ms)
 */
public record TelemetryOptions(long staleAfterMs, long statusTextChunkTimeoutMs) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public TelemetryOptions {
        if (staleAfterMs <= 0) {
            throw new IllegalArgumentException("staleAfterMs must be > 0, was " + staleAfterMs);
        }
        if (statusTextChunkTimeoutMs <= 0) {
            throw new IllegalArgumentException("statusTextChunkTimeoutMs must be > 0, was " + statusTextChunkTimeoutMs);
        }
    }

    /** @return 3000 ms stale, 1000 ms chunk timeout (reboots are judged by the attached autopilot) */
    public static TelemetryOptions defaults() {
        return new TelemetryOptions(3000, 1000);
    }
}
