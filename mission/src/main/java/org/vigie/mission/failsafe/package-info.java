/**
 * The flight's failsafe monitor: {@link org.vigie.mission.failsafe.FailsafeMonitor} watches the autopilot's telemetry
 * and the links (autopilot HEARTBEAT, dispatch side) and says which failsafe fires as a
 * {@link org.vigie.mission.failsafe.FailsafeSignal}; the flight's state machine
 * ({@link org.vigie.mission.flight.FlightController}) decides what to do. Runs on the flight's event thread: no
 * locks.
 */
package org.vigie.mission.failsafe;
