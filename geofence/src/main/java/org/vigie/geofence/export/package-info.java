/**
 * Export of a district to autopilot fence items ({@link org.vigie.geofence.export.FenceItem}, plain values for the
 * mission module to upload with the MAVLink mission protocol, mission type FENCE) within an autopilot's item budget.
 * Simplification is conservative only, and proven with JTS on every export: the exported inclusion lies inside the true
 * one, every exported exclusion contains the true one.
 */
package org.vigie.geofence.export;
