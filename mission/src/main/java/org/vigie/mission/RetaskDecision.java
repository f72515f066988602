package org.vigie.mission;

/**
 * The answer to a retask (a new target for a flight in progress) or to a dispatch that arrived while a flight was
 * active. Never silent: a refusal carries its reason.
 *
 * @param accepted whether the flight now flies to the new target
 * @param reason   a sentence saying why
 */
public record RetaskDecision(boolean accepted, String reason) {
}
