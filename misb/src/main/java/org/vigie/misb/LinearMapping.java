package org.vigie.misb;

/**
 * The integer mapping ST 0601 uses for most of its numeric items: a real range mapped linearly onto a fixed-width
 * big-endian integer.
 *
 * <p>Three shapes exist: an unsigned range {@code [min, max] -> [0, 2^(8n)-1]} with no error value (an out-of-range
 * value cannot be encoded and the item is omitted), a periodic unsigned angle {@code [0, period]} (values are
 * normalised into the period first, which is exact for an angle), and a symmetric signed range
 * {@code [-h, +h] -> [-(2^(8n-1)-1), 2^(8n-1)-1]} whose lowest integer {@code -2^(8n-1)} is the standard's "error"
 * indicator (written for NaN and out-of-range values, decoded as NaN). A value is never wrapped or clamped.
 *
 * <p>Immutable and thread-safe.
 */
final class LinearMapping {

    private final int bytes;
    private final boolean signed;
    private final boolean periodic;
    private final double min;
    private final double max;
    private final double maxRaw;
    private final double scale;

    private LinearMapping(int bytes, boolean signed, boolean periodic, double min, double max) {
        this.bytes = bytes;
        this.signed = signed;
        this.periodic = periodic;
        this.min = min;
        this.max = max;
        this.maxRaw = signed ? Math.pow(2, 8 * bytes - 1) - 1 : Math.pow(2, 8 * bytes) - 1;
        this.scale = signed ? maxRaw / max : maxRaw / (max - min);
    }

    /** Unsigned {@code [min, max]} over {@code bytes} bytes; no error value. */
    static LinearMapping unsigned(int bytes, double min, double max) {
        return new LinearMapping(bytes, false, false, min, max);
    }

    /** Unsigned angle over {@code [0, period]}, normalised into the period before encoding. */
    static LinearMapping angle(int bytes, double period) {
        return new LinearMapping(bytes, false, true, 0, period);
    }

    /** Symmetric signed {@code [-halfRange, +halfRange]} with the lowest integer as error indicator. */
    static LinearMapping signed(int bytes, double halfRange) {
        return new LinearMapping(bytes, true, false, -halfRange, halfRange);
    }

    /** Width in bytes of the integer. */
    int bytes() {
        return bytes;
    }

    /** Lower bound of the real range. */
    double min() {
        return min;
    }

    /** Upper bound of the real range. */
    double max() {
        return max;
    }

    /** One least-significant bit in real units. */
    double lsb() {
        return 1.0 / scale;
    }

    /** Whether the value lies in the encodable range (after normalisation for angles). */
    boolean inRange(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return false;
        }
        double v = normalise(value);
        return v >= min && v <= max;
    }

    /**
     * Bytes the value occupies when encoded: the width if it can be written (in range, or signed with an error value),
     * zero if the item must be omitted.
     */
    int encodedLength(double value) {
        return signed || inRange(value) ? bytes : 0;
    }

    /** Writes the value (or the error indicator) big-endian; callers first check {@link #encodedLength}. */
    void write(double value, byte[] dst, int offset) {
        long raw;
        if (!inRange(value)) {
            if (!signed) {
                throw new IllegalStateException("value " + value + " outside [" + min + ", " + max + "] has no encoding");
            }
            raw = -(1L << (8 * bytes - 1));
        } else {
            double v = normalise(value);
            raw = signed ? Math.round(v * scale) : Math.round((v - min) * scale);
        }
        for (int i = bytes - 1; i >= 0; i--) {
            dst[offset + i] = (byte) raw;
            raw >>= 8;
        }
    }

    /** Reads {@link #bytes()} bytes; NaN for the error indicator. */
    double read(byte[] src, int offset) {
        long raw = 0;
        for (int i = 0; i < bytes; i++) {
            raw = (raw << 8) | (src[offset + i] & 0xFF);
        }
        if (signed) {
            int shift = 64 - 8 * bytes;
            raw = (raw << shift) >> shift;
            if (raw == -(1L << (8 * bytes - 1))) {
                return Double.NaN;
            }
            return raw / scale;
        }
        return raw / scale + min;
    }

    private double normalise(double value) {
        if (!periodic) {
            return value;
        }
        double v = value % max;
        return v < 0 ? v + max : v;
    }
}
