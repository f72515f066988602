package org.vigie.mission.klv;

import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.VehiclePose;

/**
 * Everything one metadata packet is computed from, as plain values taken from the latest telemetry (ATTITUDE,
 * GLOBAL_POSITION_INT, GIMBAL_DEVICE_ATTITUDE_STATUS or MOUNT_STATUS, the camera's field of view). Immutable.
 *
 * @param timeUtcMicros time of validity, microseconds since 1970 UTC (autopilot time synced to UTC)
 * @param missionId the dispatch alert id sent as ST 0601 mission id, or null
 * @param pose vehicle position (altitude above mean sea level) and attitude
 * @param gimbal gimbal attitude
 * @param camera camera field of view and mounting
 * @param groundSpeedMps ground speed, metres per second, NaN if unknown
 */
public record MetadataSnapshot(long timeUtcMicros, String missionId, VehiclePose pose, GimbalAttitude gimbal,
        CameraModel camera, double groundSpeedMps) {

    /**
     * Validates the snapshot.
     *
     * @throws IllegalArgumentException if pose, gimbal or camera is null, or the time is negative
     */
    public MetadataSnapshot {
        if (pose == null || gimbal == null || camera == null) {
            throw new IllegalArgumentException("pose, gimbal and camera are required");
        }
        if (timeUtcMicros < 0) {
            throw new IllegalArgumentException("timeUtcMicros " + timeUtcMicros + " is before 1970");
        }
    }
}
