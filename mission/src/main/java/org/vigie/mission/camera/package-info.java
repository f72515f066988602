/**
 * Camera geometry: where the camera looks and what ground the image covers, from the vehicle attitude, the gimbal
 * attitude and the camera's field of view and mounting. Rotations use EJML; rays are intersected with a pluggable
 * {@link org.vigie.mission.camera.TerrainModel} (flat ground at the home elevation by default). Inputs are plain value
 * records, so the geometry can be driven from any telemetry source. Pure computation: no I/O, no threads.
 */
package org.vigie.mission.camera;
