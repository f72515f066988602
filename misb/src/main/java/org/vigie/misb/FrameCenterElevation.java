package org.vigie.misb;

/**
 * Frame centre elevation (tag 25): terrain elevation at the frame centre, metres above mean sea level in [-900, 19000]; out of range: omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param elevationAmslM the value, metres above mean sea level; NaN when decoded from the standard's error indicator
 */
public record FrameCenterElevation(double elevationAmslM) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 25;

    static final LinearMapping MAPPING = LinearMapping.unsigned(2, -900, 19000);

    /** One least-significant bit of the encoding, in the value's unit. */
    public static final double LSB = MAPPING.lsb();

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return MAPPING.encodedLength(elevationAmslM);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        MAPPING.write(elevationAmslM, dst, offset);
    }

    static FrameCenterElevation decode(byte[] src, int offset) {
        return new FrameCenterElevation(MAPPING.read(src, offset));
    }
}
