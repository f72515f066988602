/**
 * Districts and fences: the editable description of a district ({@link org.vigie.geofence.zone.District}, built and
 * validated by its builder) and its compiled, immutable, thread-safe form ({@link org.vigie.geofence.zone.Geofence}:
 * containment, signed distance, time to breach, privacy-zone queries), computed in the district's local ENU frame with
 * JTS prepared geometries.
 */
package org.vigie.geofence.zone;
