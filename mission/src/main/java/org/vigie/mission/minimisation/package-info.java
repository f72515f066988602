/**
 * Data minimisation (the Law Enforcement Directive; the EDPB's video guidelines; décret 2023-283 for police drones):
 * {@link org.vigie.mission.minimisation.DataMinimisation} (the operator's choices and the city-service defaults; no
 * audio, no face recognition), {@link org.vigie.mission.minimisation.KlvTagSelection} (the ST 0601 tags that leave
 * the drone, applied by {@link org.vigie.mission.klv.MetadataStreamer}), {@link
 * org.vigie.mission.minimisation.SelectedTelemetrySink} (the telemetry parts recorded), {@link
 * org.vigie.mission.minimisation.RetentionSweeper} with {@link org.vigie.mission.minimisation.RetentionPolicy} and
 * {@link org.vigie.mission.minimisation.EvidenceHolds} (outputs deleted after their period unless the incident is
 * evidence; each deletion a {@link org.vigie.mission.minimisation.RetentionEvent} for the audit trail).
 */
package org.vigie.mission.minimisation;
