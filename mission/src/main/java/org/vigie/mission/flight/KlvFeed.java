package org.vigie.mission.flight;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigie.mission.camera.CameraModel;
import org.vigie.mission.camera.GimbalAttitude;
import org.vigie.mission.camera.VehiclePose;
import org.vigie.mission.klv.MetadataSnapshot;
import org.vigie.mission.klv.MetadataStreamer;

/**
 * Feeds a {@link MetadataStreamer} (MISB ST 0601 KLV) from a flight's telemetry at every ATTITUDE: vehicle
 * position (AMSL) and attitude from GLOBAL_POSITION_INT and ATTITUDE, gimbal attitude from
 * GIMBAL_DEVICE_ATTITUDE_STATUS (nadir when the autopilot reports none), time from SYSTEM_TIME (the scheduler's clock
 * when the autopilot has not reported UTC), and the dispatch alert id as mission id. Nothing is fed before the first
 * position or after the flight ends; the streamer itself paces the packets (10 Hz by default).
 *
 * <p>Threading: called on the flight's event thread; register it with {@link FlightView#addTelemetryObserver}.
 *
 * @param streamer the streamer to feed
 * @param camera   the camera's field of view and mounting
 */
public record KlvFeed(MetadataStreamer streamer, CameraModel camera) implements Consumer<FlightView> {

    /** Rejects nulls. */
    public KlvFeed {
        Objects.requireNonNull(streamer, "streamer");
        Objects.requireNonNull(camera, "camera");
    }

    @Override
    public void accept(FlightView c) {
        snapshot(c, camera).ifPresent(streamer::update);
    }

    /**
     * The metadata snapshot for the flight's current telemetry.
     *
     * @param c      the flight
     * @param camera the camera model
     * @return the snapshot, empty when position or attitude are not known yet
     */
    public static Optional<MetadataSnapshot> snapshot(FlightView c, CameraModel camera) {
        VehicleTelemetry t = c.telemetry();
        if (Double.isNaN(t.latDeg()) || Double.isNaN(t.altitudeAmslM()) || t.attitudeAgeMs() > 2000) {
            return Optional.empty();
        }
        VehiclePose pose = new VehiclePose(t.latDeg(), t.lonDeg(), t.altitudeAmslM(), Math.toDegrees(t.rollRad()),
                Math.toDegrees(t.pitchRad()), Math.toDegrees(t.yawRad()));
        float[] q = t.gimbalQuaternion();
        GimbalAttitude gimbal = q != null && t.gimbalAgeMs() < 2000
                ? GimbalAttitude.fromGimbalDeviceAttitudeStatus(q, t.gimbalFlags()) : GimbalAttitude.nadir();
        long utc = t.utcMicros();
        if (utc < 0) {
            java.time.Instant now = c.scheduler().now();
            utc = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        }
        return Optional.of(new MetadataSnapshot(utc, c.request().alertId(), pose, gimbal, camera,
                t.groundSpeedMps()));
    }
}
