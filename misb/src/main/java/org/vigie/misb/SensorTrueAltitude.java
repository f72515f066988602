package org.vigie.misb;

/**
 * Sensor true altitude (tag 15): altitude above mean sea level in metres, [-900, 19000]. Out of range or NaN has no encoding in ST 0601: the item is omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param altitudeAmslM the value, metres above mean sea level; NaN when decoded from the standard's error indicator
 */
public record SensorTrueAltitude(double altitudeAmslM) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 15;

    static final LinearMapping MAPPING = LinearMapping.unsigned(2, -900, 19000);

    /** One least-significant bit of the encoding, in the value's unit. */
    public static final double LSB = MAPPING.lsb();

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return MAPPING.encodedLength(altitudeAmslM);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        MAPPING.write(altitudeAmslM, dst, offset);
    }

    static SensorTrueAltitude decode(byte[] src, int offset) {
        return new SensorTrueAltitude(MAPPING.read(src, offset));
    }
}
