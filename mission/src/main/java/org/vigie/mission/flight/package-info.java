/**
 * The flight engine: the telemetry view the flight decides from ({@link org.vigie.mission.flight.VehicleTelemetry}),
 * the per-autopilot strategies ({@link org.vigie.mission.flight.FlavourStrategy}), the failsafe decisions
 * ({@link org.vigie.mission.flight.FailsafeMonitor}) and the state machine that flies one dispatch
 * ({@link org.vigie.mission.flight.FlightController}). Everything here runs on the MAVLink link's event thread
 * (the injected scheduler): no locks; public entry points post to that thread.
 */
package org.vigie.mission.flight;
