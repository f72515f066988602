/**
 * Geodesy: WGS84 points ({@link org.vigie.geofence.geodesy.GeoPoint}), the local east-north-up frame around a
 * district's home ({@link org.vigie.geofence.geodesy.LocalFrame}) and geodesic distances and bearings
 * ({@link org.vigie.geofence.geodesy.Geodesy}, on GeographicLib). All types are immutable and thread-safe.
 */
package org.vigie.geofence.geodesy;
