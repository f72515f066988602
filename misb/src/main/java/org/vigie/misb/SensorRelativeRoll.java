package org.vigie.misb;

/**
 * Sensor relative roll (tag 20): rotation of the sensor about its boresight relative to the platform, clockwise seen from behind, degrees normalised into [0, 360); NaN: omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees; NaN when decoded from the standard's error indicator
 */
public record SensorRelativeRoll(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 20;

    static final LinearMapping MAPPING = LinearMapping.angle(4, 360);

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

    static SensorRelativeRoll decode(byte[] src, int offset) {
        return new SensorRelativeRoll(MAPPING.read(src, offset));
    }
}
