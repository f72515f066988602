package org.vigie.centre;

import org.vigie.link.time.Scheduler;

/**
 * What the centre's parts share: the event thread and clock, the fleet, the incidents, the options and the log.
 * Immutable holder; the parts it holds are event-thread only (see each).
 *
 * @param scheduler the event thread and the only clock
 * @param fleet     the registered drones and their live state
 * @param book      every incident
 * @param options   the tunables
 * @param log       records, events and counters
 */
record CentreContext(Scheduler scheduler, Fleet fleet, IncidentBook book, CentreOptions options, CentreLog log) {
}
