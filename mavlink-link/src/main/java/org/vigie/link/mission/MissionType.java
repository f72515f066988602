package org.vigie.link.mission;

import org.jspecify.annotations.Nullable;

/** MAV_MISSION_TYPE: which list a transfer works on. */
public enum MissionType {
    /** MAV_MISSION_TYPE_MISSION (0): navigation and DO items. */
    MISSION(0),
    /** MAV_MISSION_TYPE_FENCE (1): fence polygons, circles and the return point. */
    FENCE(1),
    /** MAV_MISSION_TYPE_RALLY (2): rally (safe) points. */
    RALLY(2);

    private final int wire;

    MissionType(int wire) {
        this.wire = wire;
    }

    /** @return the MAV_MISSION_TYPE value */
    public int wireValue() {
        return wire;
    }

    /**
     * Maps a wire value.
     *
     * @param value MAV_MISSION_TYPE value
     * @return the type, or null for a value this library does not transfer (e.g. 255 ALL)
     */
    public static @Nullable MissionType fromWire(int value) {
        for (MissionType t : values()) {
            if (t.wire == value) {
                return t;
            }
        }
        return null;
    }
}
