package org.vigie.misb;

/**
 * Platform pitch angle, full range (tag 90): nose up positive, degrees in [-90, 90]; NaN or out of range encodes the error value 0x80000000.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees, nose up positive; NaN when decoded from the standard's error indicator
 */
public record PlatformPitchFull(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 90;

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

    static PlatformPitchFull decode(byte[] src, int offset) {
        return new PlatformPitchFull(MAPPING.read(src, offset));
    }
}
