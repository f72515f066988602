/**
 * A simulated multicopter autopilot that speaks MAVLink the way ArduCopter (and, in a second flavour, PX4) does,
 * so that the Vigie library can be tested, demonstrated and integrated without hardware.
 *
 * <p>Entry point: {@link org.vigie.sim.SimVehicle}. It depends only on mavlink-link's codec, time and transports: it
 * judges the library from the outside, like a real flight controller. Everything runs on an injected
 * {@link org.vigie.link.time.Scheduler}; with a {@link org.vigie.link.time.ManualScheduler} a ten-minute flight takes
 * milliseconds. Ground truth ({@link org.vigie.sim.GroundTruth}) records where the simulated drone really went;
 * {@link org.vigie.sim.Faults} injects failures. Inside, {@code SimVehicle} keeps the boot, the heartbeat and the
 * physics loop and wires one package-private class per seam (parameters, telemetry streams, commands, modes and
 * arming, the GUIDED, RTL, AUTO and LAND controllers, failsafes, the mission protocol), all on the event thread and
 * sharing one mutable vehicle state; {@code sim/README.md} lists them.
 */
package org.vigie.sim;
