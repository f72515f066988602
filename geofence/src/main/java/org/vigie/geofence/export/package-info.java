/**
 * Export of a district to autopilot fence shapes ({@link org.vigie.geofence.export.FenceShape}: polygons, circles and a
 * return point, inclusion or exclusion, neutral to any protocol; the mission module maps them to MAVLink fence items)
 * within what an autopilot can store ({@link org.vigie.geofence.export.FenceCapacity}: items, bytes of ArduPilot's
 * storage layout, vertices per polygon). Simplification is conservative only, and proven with JTS on every export: the
 * exported inclusion lies inside the true one, every exported exclusion contains the true one.
 */
package org.vigie.geofence.export;
