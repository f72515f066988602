package org.vigie.misb;

/**
 * Sensor vertical field of view (tag 17), degrees in [0, 180]; out of range: omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees; NaN when decoded from the standard's error indicator
 */
public record VerticalFov(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 17;

    static final LinearMapping MAPPING = LinearMapping.unsigned(2, 0, 180);

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

    static VerticalFov decode(byte[] src, int offset) {
        return new VerticalFov(MAPPING.read(src, offset));
    }
}
