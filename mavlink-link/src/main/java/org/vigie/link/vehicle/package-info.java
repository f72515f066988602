/**
 * The autopilot a link is attached to: {@link org.vigie.link.vehicle.AttachedAutopilot}, the one owner of which
 * system and component is the autopilot, its flavour and its HEARTBEAT liveness (proven silence, judged in the
 * autopilot's time; event thread, volatile accessors); {@link org.vigie.link.vehicle.Vehicle} snapshots from its
 * HEARTBEAT, {@link org.vigie.link.vehicle.AutopilotFlavour} (ArduPilot, PX4, generic) and the flight-mode tables of
 * {@link org.vigie.link.vehicle.FlightModes} (ArduCopter mode numbers, PX4 main/sub modes): pure values and immutable
 * tables.
 */
package org.vigie.link.vehicle;
