package org.vigie.fleet.mqtt;

/** Why a message from the broker, or a frame bound for it, was dropped; each is counted ({@link Rejections}). */
public enum Rejection {
    /** The topic is not one of the city's drone or centre topics, or not one this side reads. */
    UNKNOWN_TOPIC,
    /** A well-formed drone topic of a drone this side does not serve. */
    UNKNOWN_DRONE,
    /** The payload is longer than one signed MAVLink 2 frame ({@link FrameCheck#MAX_FRAME_BYTES} bytes). */
    OVERSIZE,
    /** The payload is not exactly one MAVLink 2 frame (bad magic, truncated, trailing bytes). */
    MALFORMED,
    /** The frame carries no signature. */
    UNSIGNED,
    /** The frame's system id is not the drone the topic names. */
    FOREIGN_SYSTEM,
    /** Telemetry above the bounded rate, dropped before publishing. */
    RATE_LIMITED,
    /** A frame to publish while the client was disconnected (the link's retries and status repeats cover it). */
    OFFLINE,
    /** A frame dropped by the link's signature check: wrong or foreign key, replayed or stale timestamp. */
    BAD_SIGNATURE
}
