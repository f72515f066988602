package org.vigie.misb;

/**
 * Offset corner longitude (tags 27, 29, 31, 33): longitude of an image corner as an offset in degrees from the frame centre longitude, in [-0.075, 0.075]; NaN or out of range encodes the error value 0x8000 (then send {@link FullCornerLongitude} instead).
 *
 * <p>Corner points are numbered as in ST 0601: 1 upper left, 2 upper right, 3 lower right, 4 lower left of the image.
 * Immutable value; thread-safe.
 *
 * @param point corner number, 1 to 4
 * @param degrees the value, offset in degrees from the frame centre longitude; NaN when decoded from the error indicator
 */
public record OffsetCornerLongitude(int point, double degrees) implements St0601Value {

    /** Tag of corner point 1; point {@code p} has tag {@code FIRST_TAG + 2 * (p - 1)}. */
    public static final int FIRST_TAG = 27;

    /** The mapping (length, range, error value); read by the jmisb cross-check by reflection. */
    static final LinearMapping MAPPING = LinearMapping.signed(2, 0.075);

    static final CornerItem ITEM = new CornerItem(FIRST_TAG, MAPPING);

    /** One least-significant bit of the encoding, in degrees. */
    public static final double LSB = MAPPING.lsb();

    /**
     * Creates the value.
     *
     * @throws IllegalArgumentException if point is not 1 to 4
     */
    public OffsetCornerLongitude {
        CornerItem.checkPoint(point);
    }

    @Override
    public int tag() {
        return ITEM.tag(point);
    }

    @Override
    public int encodedLength() {
        return ITEM.encodedLength(degrees);
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        ITEM.write(degrees, dst, offset);
    }

    /** Whether the value fits this item's range (false means it would be sent as the error indicator). */
    public static boolean fits(double degrees) {
        return ITEM.fits(degrees);
    }

    static OffsetCornerLongitude decode(int tag, byte[] src, int offset) {
        return new OffsetCornerLongitude(ITEM.point(tag), ITEM.read(src, offset));
    }
}
