/**
 * The typed telemetry stream for dispatch systems: {@link org.vigie.mission.stream.TelemetrySample} values fed from
 * each flight by {@link org.vigie.mission.stream.FlightTelemetryFeed} (attach it with
 * {@code FlightTelemetryFeed.attach(companion, stream)}; camera footprints come from the KLV streamer's
 * {@code onPacket} through {@code FlightTelemetryFeed.cameraViews(stream)}), delivered at per-subscriber rates through bounded drop-oldest queues
 * ({@link org.vigie.mission.stream.DroppingDispatcher}) to in-process listeners, JSON Lines files or UDP, and MAVLink
 * (NAMED_VALUE_FLOAT / STATUSTEXT through a sender the mission layer connects to the link). A slow consumer never
 * blocks the flight.
 */
package org.vigie.mission.stream;
