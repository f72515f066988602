package org.vigie.link.vehicle;

import java.util.Objects;

/**
 * The attached autopilot restarted, as judged by {@link AttachedAutopilot}: everything learned from it (parameters,
 * mission, message intervals, telemetry) must be assumed gone. Immutable.
 *
 * @param sysId  its system id
 * @param compId its component id
 * @param reason a sentence saying what showed the reboot, e.g. "time_boot_ms of message 30 went back from 61000 to
 *               300"
 */
public record AutopilotReboot(int sysId, int compId, String reason) {

    /**
     * Validates.
     *
     * @throws NullPointerException if reason is null
     */
    public AutopilotReboot {
        Objects.requireNonNull(reason, "reason");
    }
}
