/**
 * The lawful conditions of a dispatch: {@link org.vigie.mission.compliance.DispatchGate}, what the
 * {@link org.vigie.mission.Companion} asks before every flight and retask; {@link
 * org.vigie.mission.compliance.ComplianceGate}, the authorisation check and the ED-269 zones in force over the
 * {@link org.vigie.mission.compliance.FlightWindow}; {@link org.vigie.mission.compliance.GateDecision}.
 */
package org.vigie.mission.compliance;
