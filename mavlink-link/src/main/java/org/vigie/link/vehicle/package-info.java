/**
 * The autopilot a port is attached to: {@link org.vigie.link.vehicle.AttachedAutopilot}, one per port
 * ({@link org.vigie.link.MavlinkPort#autopilot()}) and the one owner of which system and component is the autopilot,
 * its {@link org.vigie.link.vehicle.Vehicle} snapshot (HEARTBEAT, AUTOPILOT_VERSION, connection), its HEARTBEAT
 * liveness (proven silence, judged in the autopilot's time) and its reboots
 * ({@link org.vigie.link.vehicle.AutopilotReboot}); event thread, volatile accessors. Beside it, pure values and
 * immutable tables: {@link org.vigie.link.vehicle.AutopilotFlavour} (ArduPilot, PX4, generic) and the flight-mode
 * tables of {@link org.vigie.link.vehicle.FlightModes} (ArduCopter mode numbers, PX4 main/sub modes).
 */
package org.vigie.link.vehicle;
