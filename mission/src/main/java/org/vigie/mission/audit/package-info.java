/**
 * Accountability: an append-only record of every dispatch (who sent it, from where, to where, why, when) and of
 * how it ended. Sending a drone over people's streets must always be traceable to a person and a reason.
 */
package org.vigie.mission.audit;
