package org.vigie.link.telemetry;

/**
 * A STATUSTEXT message from the autopilot, chunks joined.
 *
 * @param sysId sender system
 * @param compId sender component
 * @param severity MAV_SEVERITY (0 emergency .. 7 debug)
 * @param text the text, all chunks joined
 * @param complete false if some chunks never arrived (emitted after the chunk timeout with what was received)
 * @param receivedMs scheduler monotonic milliseconds of the last chunk
 */
public record StatusText(int sysId, int compId, int severity, String text, boolean complete, long receivedMs) {}
