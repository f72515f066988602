package org.vigie.misb;

/**
 * One item of a MISB ST 0601 UAS Datalink Local Set: a tag and its value, with the standard's encoding.
 *
 * <p>There is one record per item (jmisb's style). Each record knows its tag, whether and in how many bytes it can be
 * encoded, and how to write its value field. A value that the standard cannot represent is never wrapped or clamped:
 * items with an error indicator encode that indicator, the others report {@link #encodedLength()} zero and are left out
 * of the packet by {@link St0601Encoder}. The checksum (tag 1) is not a value: the encoder always appends it.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface St0601Value
        permits PrecisionTimeStamp, MissionId, PlatformHeading, PlatformPitch, PlatformRoll, PlatformDesignation,
        SensorLatitude, SensorLongitude, SensorTrueAltitude, HorizontalFov, VerticalFov, SensorRelativeAzimuth,
        SensorRelativeElevation, SensorRelativeRoll, SlantRange, FrameCenterLatitude, FrameCenterLongitude,
        FrameCenterElevation, OffsetCornerLatitude, OffsetCornerLongitude, PlatformGroundSpeed, UasLsVersion,
        FullCornerLatitude, FullCornerLongitude, PlatformPitchFull, PlatformRollFull {

    /**
     * The ST 0601 tag number of this item.
     *
     * @return tag, 2 to 127 for the items implemented here
     */
    int tag();

    /**
     * Length in bytes of the encoded value field.
     *
     * @return the length, or 0 when the value cannot be represented and the item must be omitted
     */
    int encodedLength();

    /**
     * Writes the value field ({@link #encodedLength()} bytes) big-endian.
     *
     * @param dst destination array
     * @param offset index of the first byte to write
     * @throws IllegalStateException if {@link #encodedLength()} is 0
     * @throws ArrayIndexOutOfBoundsException if dst is too small
     */
    void writeValue(byte[] dst, int offset);
}
