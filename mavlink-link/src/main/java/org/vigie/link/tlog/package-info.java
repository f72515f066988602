/**
 * Telemetry logs in the {@code .tlog} format QGroundControl and MAVProxy write: each record is an 8-byte big-endian
 * Unix time in microseconds followed by one whole MAVLink frame. {@link org.vigie.link.tlog.TlogWriter} records any
 * router endpoint (it is a {@link org.vigie.link.route.FrameTap}); {@link org.vigie.link.tlog.TlogReader} replays a
 * file in tests.
 */
package org.vigie.link.tlog;
