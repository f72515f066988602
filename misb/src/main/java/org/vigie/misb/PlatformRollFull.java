package org.vigie.misb;

/**
 * Platform roll angle, full range (tag 91): right side down positive, degrees in [-90, 90]; NaN or out of range encodes the error value 0x80000000.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees, right side down positive; NaN when decoded from the standard's error indicator
 */
public record PlatformRollFull(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 91;

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

    static PlatformRollFull decode(byte[] src, int offset) {
        return new PlatformRollFull(MAPPING.read(src, offset));
    }
}
