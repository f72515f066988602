package org.vigie.misb;

/**
 * Sensor relative azimuth (tag 18): azimuth of the sensor boresight relative to the platform's longitudinal axis, clockwise, degrees normalised into [0, 360); NaN: omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param degrees the value, degrees clockwise from the platform nose; NaN when decoded from the standard's error indicator
 */
public record SensorRelativeAzimuth(double degrees) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 18;

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

    static SensorRelativeAzimuth decode(byte[] src, int offset) {
        return new SensorRelativeAzimuth(MAPPING.read(src, offset));
    }
}
