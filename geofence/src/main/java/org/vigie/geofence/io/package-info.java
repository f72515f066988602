/**
 * Import and export of districts: GeoJSON (RFC 7946) feature collections with roles, the real Paris quartiers file
 * ({@link org.vigie.geofence.io.ParisQuartiers}), QGroundControl {@code .plan} geoFence sections, and WKT for tests.
 * JSON is read and written with Jackson's streaming core ({@link org.vigie.geofence.io.Json}: strict, errors with line
 * and column). Validation errors name the feature (index and name) and the vertex. All classes are stateless or
 * immutable and thread-safe.
 */
package org.vigie.geofence.io;
