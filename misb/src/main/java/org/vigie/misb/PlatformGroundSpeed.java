package org.vigie.misb;

/**
 * Platform ground speed (tag 56), metres per second in [0, 255]; out of range: omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param speedMps the value, metres per second; NaN when decoded from the standard's error indicator
 */
public record PlatformGroundSpeed(double speedMps) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 56;

    static final LinearMapping MAPPING = LinearMapping.unsigned(1, 0, 255);

    /** One least-significant bit of the encoding, in the value's unit. */
    public static final double LSB = MAPPING.lsb();

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return MAPPING.encodedLength(speedMps);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        MAPPING.write(speedMps, dst, offset);
    }

    static PlatformGroundSpeed decode(byte[] src, int offset) {
        return new PlatformGroundSpeed(MAPPING.read(src, offset));
    }
}
