package org.vigie.misb;

/**
 * Platform roll angle (tag 7): right wing down positive, degrees in [-50, 50]. NaN or out of range encodes the error value 0x8000 (use {@link PlatformRollFull} beyond).
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees, right side down positive; NaN when decoded from the standard's error indicator
 */
public record PlatformRoll(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 7;

    static final LinearMapping MAPPING = LinearMapping.signed(2, 50);

    /** One least-significant bit of the encoding, in the value's unit. */
    public static final double LSB = MAPPING.lsb();

    /**
     * Whether this short form carries a value; outside its range use {@link PlatformRollFull}.
     *
     * @param degrees the angle, degrees
     * @return true when finite and within the tag's range
     */
    public static boolean inRange(double degrees) {
        return MAPPING.inRange(degrees);
    }

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

    static PlatformRoll decode(byte[] src, int offset) {
        return new PlatformRoll(MAPPING.read(src, offset));
    }
}
