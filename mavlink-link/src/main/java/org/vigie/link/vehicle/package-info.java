/**
 * The autopilot a link is attached to: {@link org.vigie.link.vehicle.Vehicle} snapshots from its HEARTBEAT,
 * {@link org.vigie.link.vehicle.AutopilotFlavour} (ArduPilot, PX4, generic) and the flight-mode tables of
 * {@link org.vigie.link.vehicle.FlightModes} (ArduCopter mode numbers, PX4 main/sub modes). Pure values and immutable
 * tables: thread-safe, no I/O.
 */
package org.vigie.link.vehicle;
