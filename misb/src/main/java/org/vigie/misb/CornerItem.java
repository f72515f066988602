package org.vigie.misb;

/**
 * What the four corner items ({@link OffsetCornerLatitude}, {@link OffsetCornerLongitude}, {@link FullCornerLatitude},
 * {@link FullCornerLongitude}) share: four tags two apart (corner point {@code p} has tag
 * {@code firstTag + 2 * (p - 1)}), the corner-number check, and one {@link LinearMapping} that does the integer
 * mapping, the range check and the error value. Each value record keeps its own tag numbers and mapping in one
 * constant of this class and delegates here. Immutable; thread-safe.
 *
 * @param firstTag tag of corner point 1
 * @param mapping the item's mapping (length, range, error value)
 */
record CornerItem(int firstTag, LinearMapping mapping) {

    /**
     * Checks a corner number.
     *
     * @param point corner number
     * @throws IllegalArgumentException if point is not 1 to 4
     */
    static void checkPoint(int point) {
        if (point < 1 || point > 4) {
            throw new IllegalArgumentException("corner point " + point + " must be 1 to 4");
        }
    }

    /** @return the tag of corner {@code point} (1 to 4) */
    int tag(int point) {
        return firstTag + 2 * (point - 1);
    }

    /** @return the corner number (1 to 4) of one of this item's tags */
    int point(int tag) {
        return (tag - firstTag) / 2 + 1;
    }

    /** @return the encoded length of a value, bytes */
    int encodedLength(double degrees) {
        return mapping.encodedLength(degrees);
    }

    /** Writes a value (the error value when NaN or out of range). */
    void write(double degrees, byte[] dst, int offset) {
        mapping.write(degrees, dst, offset);
    }

    /** @return the value read at offset, NaN for the error value */
    double read(byte[] src, int offset) {
        return mapping.read(src, offset);
    }

    /** @return whether the value fits the item's range */
    boolean fits(double degrees) {
        return mapping.inRange(degrees);
    }
}
