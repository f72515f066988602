package org.vigie.misb;

/**
 * Sensor longitude (tag 14), WGS84, degrees in [-180, 180]; NaN or out of range encodes the error value 0x80000000.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, WGS84 longitude in degrees; NaN when decoded from the standard's error indicator
 */
public record SensorLongitude(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 14;

    static final LinearMapping MAPPING = LinearMapping.signed(4, 180);

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

    static SensorLongitude decode(byte[] src, int offset) {
        return new SensorLongitude(MAPPING.read(src, offset));
    }
}
