package org.vigie.link.param;

import java.util.Map;

/**
 * How a read-all ended.
 *
 * @param result SUCCESS when every index 0..count-1 arrived, TIMEOUT if some are still missing after the gap
 *               re-requests, or a local end
 * @param params the parameters received, by name (insertion order = index order)
 * @param expectedCount the autopilot's param_count (the latest seen)
 * @param missing indices still missing
 * @param rerequests PARAM_REQUEST_READ by index sent to fill gaps
 * @param elapsedMs scheduler milliseconds from the request to the outcome
 */
public record ParamListOutcome(ParamResult result, Map<String, Param> params, int expectedCount, int missing,
                               int rerequests, long elapsedMs) {

    /** Copies the map. */
    public ParamListOutcome {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
