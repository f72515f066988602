package org.vigie.centre;

/**
 * Counters of a {@link DispatchCentre} since it started. Immutable snapshot.
 *
 * @param alerts          alerts submitted
 * @param opened          incidents opened
 * @param merged          alerts merged into an open incident
 * @param refusedInvalid  alerts refused at intake: a field missing or out of range
 * @param refusedUnknownButton alerts refused at intake: unknown button id
 * @param refusedOutside  alerts refused at intake: outside every district
 * @param refusedFlood    alerts refused at intake: over the flood limit of their source
 * @param launches        dispatch orders accepted by drones
 * @param retasks         retask orders accepted by drones
 * @param queued          incidents that had to wait in a queue at least once
 * @param onScene         incidents that ended with a drone on scene
 * @param refused         incidents that ended refused
 * @param cancelled       incidents that ended cancelled
 * @param dronesDown      times a drone was judged down
 * @param agentActions    agent actions applied
 * @param agentRefused    agent actions refused
 */
public record CentreStats(long alerts, long opened, long merged, long refusedInvalid, long refusedUnknownButton,
                          long refusedOutside, long refusedFlood, long launches, long retasks, long queued,
                          long onScene, long refused, long cancelled, long dronesDown, long agentActions,
                          long agentRefused) {
}
