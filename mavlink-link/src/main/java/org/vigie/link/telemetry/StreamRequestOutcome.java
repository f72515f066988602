package org.vigie.link.telemetry;

import java.util.Map;
import java.util.Set;
import org.vigie.link.command.CommandResult;

/**
 * How a stream request ended.
 *
 * @param results SET_MESSAGE_INTERVAL result per message id
 * @param viaDataStream message ids requested again with REQUEST_DATA_STREAM because SET_MESSAGE_INTERVAL was
 *                      UNSUPPORTED (old ArduPilot); REQUEST_DATA_STREAM has no acknowledgement
 */
public record StreamRequestOutcome(Map<Integer, CommandResult> results, Set<Integer> viaDataStream) {

    /** Copies. */
    public StreamRequestOutcome {
        results = Map.copyOf(results);
        viaDataStream = Set.copyOf(viaDataStream);
    }

    /** @return true if every message was accepted or requested through the fallback */
    public boolean allRequested() {
        return results.entrySet().stream().allMatch(e -> e.getValue() == CommandResult.ACCEPTED
                || viaDataStream.contains(e.getKey()));
    }
}
