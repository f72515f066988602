/**
 * The typed telemetry stream for dispatch systems: {@link org.vigie.mission.stream.TelemetrySample} values fed by the
 * mission layer, delivered at per-subscriber rates through bounded drop-oldest queues
 * ({@link org.vigie.mission.stream.DroppingDispatcher}) to in-process listeners, JSON Lines files or UDP, and MAVLink
 * (NAMED_VALUE_FLOAT / STATUSTEXT through a sender the mission layer connects to the link). A slow consumer never
 * blocks the flight.
 */
package org.vigie.mission.stream;
