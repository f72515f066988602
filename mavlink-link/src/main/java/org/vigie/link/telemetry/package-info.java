/**
 * Vehicle telemetry ({@link org.vigie.link.telemetry.TelemetryService}): requesting message streams
 * (SET_MESSAGE_INTERVAL with the REQUEST_DATA_STREAM fallback for old ArduPilot), an immutable timestamped
 * {@link org.vigie.link.telemetry.VehicleState} snapshot, listeners per field group with stale flags, STATUSTEXT
 * events with multi-chunk messages joined, and autopilot reboot detection.
 */
package org.vigie.link.telemetry;
