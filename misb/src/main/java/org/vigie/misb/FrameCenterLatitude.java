package org.vigie.misb;

/**
 * Frame centre latitude (tag 23), WGS84 degrees in [-90, 90]; NaN or out of range encodes the error value 0x80000000.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, WGS84 latitude in degrees; NaN when decoded from the standard's error indicator
 */
public record FrameCenterLatitude(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 23;

    static final LinearMapping MAPPING = LinearMapping.signed(4, 90);

    /** One least-significant bit of the encoding, in the value's unit. */
    public static final double LSB = MAPPING.lsb();

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return MAPPING.encodedLength(degrees);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        MAPPING.write(degrees, dst, offset);
    }

    static FrameCenterLatitude decode(byte[] src, int offset) {
        return new FrameCenterLatitude(MAPPING.read(src, offset));
    }
}
