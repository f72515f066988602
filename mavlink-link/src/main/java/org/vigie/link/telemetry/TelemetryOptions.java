package org.vigie.link.telemetry;

/**
 * Telemetry timing.
 *
 * @param staleAfterMs a group that has not been updated for this long is flagged stale (within 1.1 x this), &gt; 0
 *                     (default 3000 ms)
 * @param statusTextChunkTimeoutMs a multi-chunk STATUSTEXT still incomplete after this long is emitted as it is,
 *                                 &gt; 0 (default 1000 ms)
 * @param rebootBackstepMs time_boot_ms going back by more than this in the same message is a reboot, &gt; 0 (default
 *                         1000 ms)
 */
public record TelemetryOptions(long staleAfterMs, long statusTextChunkTimeoutMs, long rebootBackstepMs) {

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
        if (rebootBackstepMs <= 0) {
            throw new IllegalArgumentException("rebootBackstepMs must be > 0, was " + rebootBackstepMs);
        }
    }

    /** @return 3000 ms stale, 1000 ms chunk timeout, 1000 ms reboot back-step */
    public static TelemetryOptions defaults() {
        return new TelemetryOptions(3000, 1000, 1000);
    }
}
