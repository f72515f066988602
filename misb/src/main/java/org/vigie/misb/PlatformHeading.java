package org.vigie.misb;

/**
 * Platform heading angle (tag 5): angle between the platform's longitudinal axis and true north, clockwise, degrees. Any finite angle is normalised into [0, 360); NaN or infinity cannot be encoded and the item is omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees clockwise from true north; NaN when decoded from the standard's error indicator
 */
public record PlatformHeading(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 5;

    static final LinearMapping MAPPING = LinearMapping.angle(2, 360);

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

    static PlatformHeading decode(byte[] src, int offset) {
        return new PlatformHeading(MAPPING.read(src, offset));
    }
}
