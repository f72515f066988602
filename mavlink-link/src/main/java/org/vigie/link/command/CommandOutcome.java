package org.vigie.link.command;

import java.util.List;

/**
 * How a command ended.
 *
 * @param commandId the MAV_CMD value
 * @param result final result
 * @param progressPercent last COMMAND_ACK progress field (0..100, 255 = unknown; 0 if no ACK)
 * @param resultParam2 last COMMAND_ACK result_param2 (0 if no ACK)
 * @param ackReceived whether any COMMAND_ACK for it arrived
 * @param attempts how many times the command was sent (1 = no retry)
 * @param elapsedMs scheduler milliseconds from the first send (or from the request if never sent) to the outcome
 * @param statusTexts STATUSTEXT lines the target sent while the command was in flight and shortly after a refusal
 *                    (ArduPilot explains a FAILED arm this way: "Arm: Accels inconsistent"), oldest first
 */
public record CommandOutcome(int commandId, CommandResult result, int progressPercent, int resultParam2,
                             boolean ackReceived, int attempts, long elapsedMs, List<String> statusTexts) {

    /** Copies the list. */
    public CommandOutcome {
        statusTexts = List.copyOf(statusTexts);
    }

    /** @return true if the result is {@link CommandResult#ACCEPTED} */
    public boolean accepted() {
        return result == CommandResult.ACCEPTED;
    }
}
