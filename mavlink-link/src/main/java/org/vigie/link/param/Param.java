package org.vigie.link.param;

/**
 * One parameter as the autopilot reported it. Immutable.
 *
 * @param name parameter id (up to 16 characters)
 * @param type its type on the autopilot
 * @param value decoded value (exact for every type up to 32 bits)
 * @param index its index, or 65535 when sent unsolicited (ArduPilot while booting)
 * @param count the autopilot's parameter count at the time
 * @param receivedMs scheduler monotonic milliseconds when it was received
 */
public record Param(String name, ParamType type, double value, int index, int count, long receivedMs) {

    /** @return the value as a long (rounded; for integer types exact) */
    public long asLong() {
        return Math.round(value);
    }

    /** @return the value as an int (rounded) */
    public int asInt() {
        return (int) Math.round(value);
    }

    /** @return the value as a double */
    public double asDouble() {
        return value;
    }

    /** @return true if the value is not zero (boolean-style parameters such as FENCE_ENABLE) */
    public boolean asBoolean() {
        return value != 0;
    }
}
