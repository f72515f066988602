package org.vigie.mission.stream;

import org.jspecify.annotations.Nullable;

/**
 * One snapshot of what the dispatch side sees of a flight. Unknown numbers are NaN; absent parts are null. Immutable.
 *
 * @param timeUtcMicros time of the snapshot, microseconds since 1970 UTC
 * @param flightPhase the flight phase name given by the mission layer (e.g. "TRANSIT"), not null
 * @param position position, or null before the first fix
 * @param velocity velocity, or null if unknown
 * @param attitude attitude, or null if unknown
 * @param battery battery, or null if unknown
 * @param linkQualityPct quality of the autopilot link, percent 0..100 (NaN if unknown)
 * @param eta time to the next goal, or null when there is none
 * @param camera camera footprint and privacy state, or null when no metadata is produced
 */
public record TelemetrySample(long timeUtcMicros, String flightPhase, @Nullable Position position,
        @Nullable Velocity velocity, @Nullable Attitude attitude, @Nullable Battery battery, double linkQualityPct,
        @Nullable Eta eta, @Nullable CameraView camera) {

    /**
     * Validates the sample.
     *
     * @throws IllegalArgumentException if the phase is null or blank
     */
    public TelemetrySample {
        if (flightPhase == null || flightPhase.isBlank()) {
            throw new IllegalArgumentException("flight phase is required");
        }
    }

    /**
     * The same sample with another camera view.
     *
     * @param view the view, or null
     * @return a copy
     */
    public TelemetrySample withCamera(CameraView view) {
        return new TelemetrySample(timeUtcMicros, flightPhase, position, velocity, attitude, battery, linkQualityPct,
                eta, view);
    }

    /**
     * Position.
     *
     * @param latitudeDeg WGS84 latitude, degrees
     * @param longitudeDeg WGS84 longitude, degrees
     * @param altitudeAmslM altitude above mean sea level, metres
     * @param altitudeRelM altitude above home, metres
     */
    public record Position(double latitudeDeg, double longitudeDeg, double altitudeAmslM, double altitudeRelM) {
    }

    /**
     * Velocity in the local NED frame.
     *
     * @param northMps north, metres per second
     * @param eastMps east, metres per second
     * @param downMps down, metres per second
     */
    public record Velocity(double northMps, double eastMps, double downMps) {
        /** @return horizontal speed, metres per second */
        public double groundSpeedMps() {
            return Math.hypot(northMps, eastMps);
        }
    }

    /**
     * Attitude (Z-Y-X Euler, NED).
     *
     * @param rollDeg roll, degrees
     * @param pitchDeg pitch, degrees
     * @param yawDeg yaw, degrees from true north
     */
    public record Attitude(double rollDeg, double pitchDeg, double yawDeg) {
    }

    /**
     * Battery.
     *
     * @param voltageV voltage, volts
     * @param remainingPct remaining charge, percent (NaN if unknown)
     */
    public record Battery(double voltageV, double remainingPct) {
    }

    /** What an ETA counts down to. */
    public enum EtaTarget {
        /** The incident scene. */
        SCENE,
        /** Home (landing). */
        HOME
    }

    /**
     * Estimated time of arrival.
     *
     * @param target scene or home
     * @param seconds seconds remaining
     */
    public record Eta(EtaTarget target, double seconds) {
    }
}
