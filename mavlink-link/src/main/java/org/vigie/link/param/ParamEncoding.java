package org.vigie.link.param;

/**
 * How integer parameter values travel in PARAM_VALUE / PARAM_SET's float field.
 *
 * <p>Pure functions, thread-safe.
 */
public enum ParamEncoding {
    /**
     * The value converted numerically to float (MAV_PROTOCOL_CAPABILITY_PARAM_ENCODE_C_CAST): ArduPilot. Integers
     * beyond 2^24 lose precision.
     */
    C_CAST,
    /**
     * The integer's bytes placed in the float's 4 bytes (MAV_PROTOCOL_CAPABILITY_PARAM_ENCODE_BYTEWISE): PX4.
     */
    BYTEWISE;

    /**
     * Decodes the 4 raw bytes of the value field.
     *
     * @param rawBits the field's bits (little-endian bytes read as an int)
     * @param type the parameter type
     * @return the value
     */
    public double decode(int rawBits, ParamType type) {
        float f = Float.intBitsToFloat(rawBits);
        if (!type.isInteger()) {
            return f;
        }
        if (this == C_CAST) {
            return Math.rint(f);
        }
        return switch (type) {
            case UINT8 -> rawBits & 0xFF;
            case INT8 -> (byte) rawBits;
            case UINT16 -> rawBits & 0xFFFF;
            case INT16 -> (short) rawBits;
            case UINT32 -> rawBits & 0xFFFFFFFFL;
            default -> rawBits;
        };
    }

    /**
     * Encodes a value into the float field.
     *
     * @param value the value (integers must be whole and within the type's range)
     * @param type the parameter type
     * @return the float to put on the wire
     * @throws IllegalArgumentException if an integer value is not whole or out of range for its type
     */
    public float encode(double value, ParamType type) {
        if (!type.isInteger()) {
            return (float) value;
        }
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException("value " + value + " is not whole, but the parameter is " + type);
        }
        long v = (long) value;
        long lo;
        long hi;
        switch (type) {
            case UINT8 -> { lo = 0; hi = 0xFF; }
            case INT8 -> { lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; }
            case UINT16 -> { lo = 0; hi = 0xFFFF; }
            case INT16 -> { lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; }
            case UINT32 -> { lo = 0; hi = 0xFFFFFFFFL; }
            default -> { lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; }
        }
        if (v < lo || v > hi) {
            throw new IllegalArgumentException("value " + value + " is out of range " + lo + ".." + hi + " for " + type);
        }
        if (this == C_CAST) {
            return (float) v;
        }
        int bits = switch (type) {
            case UINT8, INT8 -> (int) (v & 0xFF);
            case UINT16, INT16 -> (int) (v & 0xFFFF);
            default -> (int) v;
        };
        return Float.intBitsToFloat(bits);
    }
}
