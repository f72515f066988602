/**
 * Vigie geofence: district geometry, compiled fences, geodesy, exact route planning, import and export.
 *
 * <p>Pure computation on JTS: no I/O threads, no MAVLink. Sub-packages: {@code geodesy} (WGS84 points and local
 * ENU frames), {@code zone} (districts and compiled fences), {@code plan} (visibility-graph route planning),
 * {@code io} (GeoJSON, QGroundControl {@code .plan}, WKT, the Paris quartiers) and {@code export} (autopilot fence items
 * within a vertex budget).
 */
package org.vigie.geofence;
