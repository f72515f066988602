package org.vigie.mission.flight;

import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * Setting autopilot parameters with confirmation, as the flight needs it (an adapter over the link's parameter
 * service). Implementations complete the futures on any thread; the flight hops back to its event thread.
 */
public interface ParamAccess {

    /**
     * Sets a parameter and returns the value the autopilot confirmed in its PARAM_VALUE.
     *
     * @param name  parameter name
     * @param value value to set
     * @return the confirmed value, or empty when the autopilot did not confirm (timeout, unknown name)
     */
    CompletableFuture<OptionalDouble> set(String name, double value);

    /**
     * Reads a parameter.
     *
     * @param name parameter name
     * @return the value, or empty when the autopilot did not answer
     */
    CompletableFuture<OptionalDouble> read(String name);
}
