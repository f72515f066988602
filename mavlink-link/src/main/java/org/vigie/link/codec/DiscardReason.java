package org.vigie.link.codec;

/** Why a parser discarded bytes. Each reason has its own counter in {@link ParserStats}. */
public enum DiscardReason {
    /** Bytes before a start byte that belonged to no frame (noise, boot banners, a lost frame's tail). */
    GARBAGE,
    /** A frame whose checksum did not match; only its start byte is dropped and parsing resumes after it. */
    BAD_CRC,
    /** A known message whose payload length is impossible for its id. */
    BAD_LENGTH,
    /** A MAVLink 2 frame with incompatibility flags this implementation does not understand. */
    UNSUPPORTED_INCOMPAT_FLAGS,
    /**
     * A candidate frame of unknown id (its checksum cannot be checked) that is not followed by a start byte, or that
     * would swallow a valid known frame starting inside it: treated as noise, only its start byte is dropped.
     */
    UNKNOWN_NOT_FRAMED
}
