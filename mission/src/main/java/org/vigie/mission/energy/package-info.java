/**
 * Energy: how many watt-hours a planned flight needs (out, on scene, back, plus a reserve) and how many the battery
 * still holds according to the autopilot's telemetry. Pure values and functions: no I/O, no threads.
 */
package org.vigie.mission.energy;
