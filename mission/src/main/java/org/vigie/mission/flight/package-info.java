/**
 * The flight engine: which autopilot ({@link org.vigie.mission.flight.AutopilotLock}), the telemetry view the flight
 * decides from ({@link org.vigie.mission.flight.VehicleTelemetry}, read from mavlink-link's
 * {@link org.vigie.link.telemetry.TelemetryService}, the project's one telemetry decoder),
 * the per-autopilot strategies ({@link org.vigie.mission.flight.FlavourStrategy}), the failsafe decisions
 * and breach prediction ({@link org.vigie.mission.flight.BreachPredictor}) and the state machine that flies one dispatch
 * ({@link org.vigie.mission.flight.FlightController}). Parameters are set with mavlink-link's
 * {@link org.vigie.link.param.ParamService}; the district's fence is exported within the autopilot's item budget
 * ({@link org.vigie.mission.flight.FlavourStrategy#fenceItemBudget()}) by geofence's
 * {@link org.vigie.geofence.export.FenceExporter}. Everything here runs on the MAVLink link's event thread
 * (the injected scheduler): no locks; public entry points post to that thread.
 */
package org.vigie.mission.flight;
