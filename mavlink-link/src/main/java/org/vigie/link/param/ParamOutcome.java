package org.vigie.link.param;

import org.jspecify.annotations.Nullable;

/**
 * How a single-parameter read or set ended.
 *
 * @param name the parameter id asked for
 * @param result the result
 * @param param the value the autopilot reported last (null on TIMEOUT and local ends)
 * @param attempts requests sent
 * @param elapsedMs scheduler milliseconds from the first send to the outcome
 */
public record ParamOutcome(String name, ParamResult result, @Nullable Param param, int attempts, long elapsedMs) {

    /** @return true on SUCCESS */
    public boolean succeeded() {
        return result == ParamResult.SUCCESS;
    }
}
