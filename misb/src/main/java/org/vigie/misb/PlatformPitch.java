package org.vigie.misb;

/**
 * Platform pitch angle (tag 6): nose up positive, degrees in [-20, 20]. NaN or out of range encodes the standard's error value 0x8000 (use {@link PlatformPitchFull} for steeper attitudes).
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees, nose up positive; NaN when decoded from the standard's error indicator
 */
public record PlatformPitch(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 6;

    static final LinearMapping MAPPING = LinearMapping.signed(2, 20);

    /** One least-significant bit of the encoding, in the value's unit. */
    public static final double LSB = MAPPING.lsb();

    /**
     * Whether this short form carries a value; outside its range use {@link PlatformPitchFull}.
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

    static PlatformPitch decode(byte[] src, int offset) {
        return new PlatformPitch(MAPPING.read(src, offset));
    }
}
