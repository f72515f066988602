package org.vigie.link.param;

import org.jspecify.annotations.Nullable;

/** MAV_PARAM_TYPE: how a parameter's value is typed on the autopilot. */
public enum ParamType {
    /** 8-bit unsigned (1). */
    UINT8(1),
    /** 8-bit signed (2). */
    INT8(2),
    /** 16-bit unsigned (3). */
    UINT16(3),
    /** 16-bit signed (4). */
    INT16(4),
    /** 32-bit unsigned (5). */
    UINT32(5),
    /** 32-bit signed (6). */
    INT32(6),
    /** 64-bit unsigned (7): cannot travel in PARAM_VALUE's 4 bytes exactly. */
    UINT64(7),
    /** 64-bit signed (8): cannot travel in PARAM_VALUE's 4 bytes exactly. */
    INT64(8),
    /** 32-bit float (9). */
    REAL32(9),
    /** 64-bit float (10): carried as a 32-bit float. */
    REAL64(10);

    private final int wire;

    ParamType(int wire) {
        this.wire = wire;
    }

    /** @return the MAV_PARAM_TYPE value */
    public int wireValue() {
        return wire;
    }

    /** @return true for the integer types */
    public boolean isInteger() {
        return this != REAL32 && this != REAL64;
    }

    /**
     * Maps a wire value.
     *
     * @param value MAV_PARAM_TYPE value
     * @return the type, or null if unknown
     */
    public static @Nullable ParamType fromWire(int value) {
        for (ParamType t : values()) {
            if (t.wire == value) {
                return t;
            }
        }
        return null;
    }
}
