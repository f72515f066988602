package org.vigie.link.param;

import org.jspecify.annotations.Nullable;

/**
 * Timing of the parameter protocol client.
 *
 * @param timeoutMs wait for a PARAM_VALUE after a read or set, &gt; 0 (default 1500 ms)
 * @param retries resends before TIMEOUT, 0..100 (default 3)
 * @param listGapMs during a read-all, silence after which missing indices are re-requested one by one, &gt; 0
 *                  (default 1000 ms)
 * @param encoding how integer values travel; null = by the target's flavour (PX4 bytewise, others C-cast)
 */
public record ParamOptions(long timeoutMs, int retries, long listGapMs, @Nullable ParamEncoding encoding) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public ParamOptions {
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeoutMs must be > 0, was " + timeoutMs);
        }
        if (retries < 0 || retries > 100) {
            throw new IllegalArgumentException("retries must be 0..100, was " + retries);
        }
        if (listGapMs <= 0) {
            throw new IllegalArgumentException("listGapMs must be > 0, was " + listGapMs);
        }
    }

    /** @return 1500 ms, 3 retries, 1000 ms list gap, encoding by flavour */
    public static ParamOptions defaults() {
        return new ParamOptions(1500, 3, 1000, null);
    }
}
