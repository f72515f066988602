package org.vigie.mission.minimisation;

/** The parts of a telemetry sample that can be recorded or left out (the time and the flight phase always are). */
public enum TelemetryPart {
    /** Latitude, longitude, altitudes. */
    POSITION,
    /** Velocity. */
    VELOCITY,
    /** Roll, pitch, yaw. */
    ATTITUDE,
    /** Battery state. */
    BATTERY,
    /** Autopilot link quality. */
    LINK_QUALITY,
    /** Time to the next goal. */
    ETA,
    /** Camera footprint and privacy state: where the camera looked. */
    CAMERA
}
