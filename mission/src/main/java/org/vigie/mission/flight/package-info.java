/**
 * The flight engine. {@link org.vigie.mission.flight.FlightController} is the state machine of one dispatch (the
 * phases and their transition table are {@link org.vigie.dispatch.FlightPhase}'s): a coordinator that runs one
 * work item at a time from {@link org.vigie.mission.flight.step}, consults the failsafe monitor
 * ({@link org.vigie.mission.failsafe.FailsafeMonitor}) at every decision tick and decides what each failsafe does
 * ({@code FailsafeResponse}), and answers the operator ({@code OperatorOrders}: retask, cancel).
 * {@link org.vigie.mission.flight.FlightPlan} holds the routes, the energy budget and the fence as exported for the
 * autopilot ({@link org.vigie.mission.flight.AutopilotFence}); {@link org.vigie.mission.flight.FlightRecorder} what
 * the report needs; {@link org.vigie.mission.flight.FlightConfig} every tunable. Observers get a read-only
 * {@link org.vigie.mission.flight.FlightView}, never the controller ({@link org.vigie.mission.flight.KlvFeed},
 * {@link org.vigie.mission.flight.GimbalSteering}, the telemetry feed).
 *
 * <p>Around it: which autopilot ({@link org.vigie.mission.flight.AutopilotLock}), the telemetry view the flight
 * decides from ({@link org.vigie.mission.flight.VehicleTelemetry}, read from mavlink-link's
 * {@link org.vigie.link.telemetry.TelemetryService}, the project's one telemetry decoder), the per-autopilot strategies
 * ({@link org.vigie.mission.flight.FlavourStrategy}) and breach prediction
 * ({@link org.vigie.mission.flight.BreachPredictor}). Parameters are set with mavlink-link's
 * {@link org.vigie.link.param.ParamService}; the district's fence is exported within what the autopilot stores
 * ({@link org.vigie.mission.flight.FlavourStrategy#defaultFenceCapacity()}, or what the autopilot states) by geofence's
 * {@link org.vigie.geofence.export.FenceExporter}, in one place ({@code FenceUploadStep.export}). Everything here runs
 * on the MAVLink link's event thread (the injected scheduler): no locks; public entry points post to that thread and
 * return futures, and what other threads may read is volatile or immutable.
 */
package org.vigie.mission.flight;
