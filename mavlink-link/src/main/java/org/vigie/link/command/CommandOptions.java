package org.vigie.link.command;

/**
 * Timing of the command protocol.
 *
 * <p>The MAVLink command protocol leaves the values to the implementation; the defaults follow common ground stations
 * (1500 ms per attempt, 3 resends: 4 sends, 6 s in total), well above ArduCopter's observed ~10 ms ACK latency.
 *
 * @param ackTimeoutMs wait for a COMMAND_ACK after each send, strictly positive
 * @param retries resends after the first send when no ACK arrives, 0..100
 * @param inProgressTimeoutMs after a MAV_RESULT_IN_PROGRESS ACK, wait this long for the next ACK (each progress ACK
 *                            restarts it), strictly positive
 * @param statusTextLingerMs after a final ACK other than ACCEPTED, keep collecting the target's STATUSTEXT this long
 *                           before completing, so the reason the autopilot gives is in the outcome; 0 disables
 */
public record CommandOptions(long ackTimeoutMs, int retries, long inProgressTimeoutMs, long statusTextLingerMs) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public CommandOptions {
        if (ackTimeoutMs <= 0) {
            throw new IllegalArgumentException("ackTimeoutMs must be > 0, was " + ackTimeoutMs);
        }
        if (retries < 0 || retries > 100) {
            throw new IllegalArgumentException("retries must be 0..100, was " + retries);
        }
        if (inProgressTimeoutMs <= 0) {
            throw new IllegalArgumentException("inProgressTimeoutMs must be > 0, was " + inProgressTimeoutMs);
        }
        if (statusTextLingerMs < 0) {
            throw new IllegalArgumentException("statusTextLingerMs must be >= 0, was " + statusTextLingerMs);
        }
    }

    /** @return 1500 ms x (1 + 3 resends), 10 s in progress, 100 ms STATUSTEXT linger */
    public static CommandOptions defaults() {
        return new CommandOptions(1500, 3, 10_000, 100);
    }
}
