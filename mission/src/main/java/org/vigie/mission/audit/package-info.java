/**
 * Accountability on the {@code audit} module's trail: {@link org.vigie.mission.audit.MissionAudit} records who sent
 * the drone, from where, to where, why, every decision, every command to the autopilot, every phase change and
 * failsafe, every privacy event, every district and key change; {@link org.vigie.mission.audit.AuditedPort} catches
 * the commands. Sending a drone over people's streets must always be traceable to a person and a reason.
 */
package org.vigie.mission.audit;
