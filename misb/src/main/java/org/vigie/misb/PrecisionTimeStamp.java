package org.vigie.misb;

/**
 * Precision time stamp (tag 2): microseconds since 1970-01-01T00:00:00Z (MISB ST 0603, leap seconds not counted),
 * an unsigned 64-bit integer. ST 0601 asks for it as the first item of every packet. A negative value cannot be
 * encoded: the item is omitted.
 *
 * <p>Immutable value; thread-safe.
 *
 * @param microsSinceEpoch microseconds since the Unix epoch, UTC
 */
public record PrecisionTimeStamp(long microsSinceEpoch) implements St0601Value {

    /** The ST 0601 tag number. */
    public static final int TAG = 2;

    @Override
    public int tag() {
        return TAG;
    }

    @Override
    public int encodedLength() {
        return microsSinceEpoch >= 0 ? 8 : 0;
    }

    @Override
    public void writeValue(byte[] dst, int offset) {
        if (microsSinceEpoch < 0) {
            throw new IllegalStateException("negative time stamp " + microsSinceEpoch + " has no encoding");
        }
        long v = microsSinceEpoch;
        for (int i = 7; i >= 0; i--) {
            dst[offset + i] = (byte) v;
            v >>>= 8;
        }
    }

    static PrecisionTimeStamp decode(byte[] src, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (src[offset + i] & 0xFF);
        }
        return new PrecisionTimeStamp(v);
    }
}
