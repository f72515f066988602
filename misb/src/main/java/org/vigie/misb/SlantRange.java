package org.vigie.misb;

/**
 * Slant range (tag 21): distance in metres from the sensor to the frame centre on the ground, [0, 5,000,000]; out of range: omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param metres the value, metres; NaN when decoded from the standard's error indicator
 */
public record SlantRange(double metres) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 21;

    static final LinearMapping MAPPING = LinearMapping.unsigned(4, 0, 5_000_000);

    /** One least-significant bit of the encoding, in the value's unit. */
    public static final double LSB = MAPPING.lsb();

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return MAPPING.encodedLength(metres);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        MAPPING.write(metres, dst, offset);
    }

    static SlantRange decode(byte[] src, int offset) {
        return new SlantRange(MAPPING.read(src, offset));
    }
}
