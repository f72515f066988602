package org.vigie.link.mission;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.util.EnumValue;

/**
 * One mission, fence or rally item as the MAVLink mission protocol carries it (the fields of MISSION_ITEM_INT): a
 * plain value, no geometry.
 *
 * <p>{@code x} and {@code y} are integers as in MISSION_ITEM_INT: for global frames latitude and longitude in degE7
 * (degrees x 1e7); for local frames metres x 1e4, as the spec defines. {@code z} is metres (its datum is the frame's).
 * Frames are kept as received: ArduPilot returns items in their non-INT numbering (GLOBAL 0 for GLOBAL_INT 5,
 * GLOBAL_RELATIVE_ALT 3 for 6), see {@link #intFrame()}.
 *
 * <p>Immutable, thread-safe.
 *
 * @param seq position in the list, 0..65535 (uploads renumber items by their position)
 * @param frame MAV_FRAME value
 * @param command MAV_CMD value
 * @param current 1 if this is the current item (0 normally)
 * @param autocontinue 1 to continue to the next item when this one completes
 * @param param1 param 1 (meaning per command)
 * @param param2 param 2
 * @param param3 param 3
 * @param param4 param 4
 * @param x latitude degE7 (global frames) or local x
 * @param y longitude degE7 (global frames) or local y
 * @param z altitude or local z, metres
 * @param missionType the list it belongs to
 */
public record MissionItem(int seq, int frame, int command, int current, int autocontinue, float param1, float param2,
                          float param3, float param4, int x, int y, float z, MissionType missionType) {

    /** MAV_FRAME_GLOBAL_INT. */
    public static final int FRAME_GLOBAL_INT = 5;
    /** MAV_FRAME_GLOBAL_RELATIVE_ALT_INT. */
    public static final int FRAME_GLOBAL_RELATIVE_ALT_INT = 6;
    /** MAV_FRAME_MISSION (items without a position). */
    public static final int FRAME_MISSION = 2;

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException naming a field out of its wire range, or a null mission type
     */
    public MissionItem {
        check(seq, 0, 65535, "seq");
        check(frame, 0, 255, "frame");
        check(command, 0, 65535, "command");
        check(current, 0, 255, "current");
        check(autocontinue, 0, 255, "autocontinue");
        if (missionType == null) {
            throw new IllegalArgumentException("missionType must not be null");
        }
    }

    private static void check(int v, int lo, int hi, String name) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be " + lo + ".." + hi + ", was " + v);
        }
    }

    /**
     * The same item at another position.
     *
     * @param newSeq new seq
     * @return a copy with that seq
     */
    public MissionItem withSeq(int newSeq) {
        return new MissionItem(newSeq, frame, command, current, autocontinue, param1, param2, param3, param4, x, y, z,
                missionType);
    }

    /**
     * The frame in MISSION_ITEM_INT numbering: GLOBAL (0) as GLOBAL_INT (5), GLOBAL_RELATIVE_ALT (3) as
     * GLOBAL_RELATIVE_ALT_INT (6), GLOBAL_TERRAIN_ALT (10) as GLOBAL_TERRAIN_ALT_INT (11); others unchanged. Use it to
     * compare an item read back from ArduPilot with the one sent.
     *
     * @return the INT-numbered frame
     */
    public int intFrame() {
        return switch (frame) {
            case 0 -> 5;
            case 3 -> 6;
            case 10 -> 11;
            default -> frame;
        };
    }

    /** @return true if x/y are latitude/longitude (global frames, either numbering) */
    public boolean globalFrame() {
        int f = intFrame();
        return f == 5 || f == 6 || f == 11;
    }

    /**
     * Builds the MISSION_ITEM_INT message.
     *
     * @param targetSystem target system id
     * @param targetComponent target component id
     * @return the message
     */
    public MissionItemInt toMessage(int targetSystem, int targetComponent) {
        return MissionItemInt.builder().targetSystem(targetSystem).targetComponent(targetComponent).seq(seq)
                .frame(EnumValue.create(frame)).command(EnumValue.create(command)).current(current)
                .autocontinue(autocontinue).param1(param1).param2(param2).param3(param3).param4(param4).x(x).y(y)
                .z(z).missionType(EnumValue.create(missionType.wireValue())).build();
    }

    /**
     * Builds the legacy MISSION_ITEM message (float x/y: degrees for global frames, metres for local ones).
     *
     * @param targetSystem target system id
     * @param targetComponent target component id
     * @return the message
     */
    public io.dronefleet.mavlink.common.MissionItem toLegacyMessage(int targetSystem, int targetComponent) {
        double scale = globalFrame() ? 1e7 : 1e4;
        return io.dronefleet.mavlink.common.MissionItem.builder().targetSystem(targetSystem)
                .targetComponent(targetComponent).seq(seq).frame(EnumValue.create(frame))
                .command(EnumValue.create(command)).current(current).autocontinue(autocontinue).param1(param1)
                .param2(param2).param3(param3).param4(param4).x((float) (x / scale)).y((float) (y / scale)).z(z)
                .missionType(EnumValue.create(missionType.wireValue())).build();
    }

    /**
     * Reads a MISSION_ITEM_INT.
     *
     * @param m the message
     * @return the item
     * @throws IllegalArgumentException if its mission type is not one this library transfers
     */
    public static MissionItem of(MissionItemInt m) {
        return new MissionItem(m.seq(), m.frame().value(), m.command().value(), m.current(), m.autocontinue(),
                m.param1(), m.param2(), m.param3(), m.param4(), m.x(), m.y(), m.z(), type(m.missionType().value()));
    }

    /**
     * Reads a legacy MISSION_ITEM (float x/y), converting x/y to the integer form.
     *
     * @param m the message
     * @return the item
     */
    public static MissionItem of(io.dronefleet.mavlink.common.MissionItem m) {
        int f = m.frame().value();
        boolean global = f == 0 || f == 3 || f == 10 || f == 5 || f == 6 || f == 11;
        double scale = global ? 1e7 : 1e4;
        return new MissionItem(m.seq(), f, m.command().value(), m.current(), m.autocontinue(), m.param1(),
                m.param2(), m.param3(), m.param4(), (int) Math.round(m.x() * scale), (int) Math.round(m.y() * scale),
                m.z(), type(m.missionType().value()));
    }

    private static MissionType type(int wire) {
        MissionType t = MissionType.fromWire(wire);
        if (t == null) {
            throw new IllegalArgumentException("mission type " + wire + " is not MISSION, FENCE or RALLY");
        }
        return t;
    }

    // ------------------------------------------------------------------ factories

    /**
     * A placeholder for ArduPilot's item 0 (home): NAV_WAYPOINT at 0,0,0. ArduPilot discards what is uploaded there.
     *
     * @return the item (seq 0, mission type MISSION)
     */
    public static MissionItem placeholderHome() {
        return new MissionItem(0, FRAME_GLOBAL_INT, cmd(MavCmd.MAV_CMD_NAV_WAYPOINT), 0, 1, 0, 0, 0, 0, 0, 0, 0,
                MissionType.MISSION);
    }

    /**
     * A navigation waypoint (MAV_CMD_NAV_WAYPOINT), altitude above home.
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param altitudeRelM altitude above home, metres
     * @param holdS hold time at the waypoint, seconds (param1)
     * @return the item (seq 0: set by position on upload)
     */
    public static MissionItem waypoint(double latDeg, double lonDeg, double altitudeRelM, double holdS) {
        return new MissionItem(0, FRAME_GLOBAL_RELATIVE_ALT_INT, cmd(MavCmd.MAV_CMD_NAV_WAYPOINT), 0, 1,
                (float) holdS, 0, 0, Float.NaN, degE7(latDeg, 90, "latitude"), degE7(lonDeg, 180, "longitude"),
                (float) altitudeRelM, MissionType.MISSION);
    }

    /**
     * A takeoff item (MAV_CMD_NAV_TAKEOFF) to an altitude above home, here.
     *
     * @param altitudeRelM altitude above home, metres
     * @return the item
     */
    public static MissionItem takeoff(double altitudeRelM) {
        return new MissionItem(0, FRAME_GLOBAL_RELATIVE_ALT_INT, cmd(MavCmd.MAV_CMD_NAV_TAKEOFF), 0, 1, 0, 0, 0,
                Float.NaN, 0, 0, (float) altitudeRelM, MissionType.MISSION);
    }

    /**
     * One vertex of an inclusion polygon (MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION, param1 = vertex count).
     *
     * @param vertexCount vertices in this polygon, &gt;= 3
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @return the item (mission type FENCE)
     */
    public static MissionItem fenceInclusionVertex(int vertexCount, double latDeg, double lonDeg) {
        return fenceVertex(MavCmd.MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION, vertexCount, latDeg, lonDeg);
    }

    /**
     * One vertex of an exclusion polygon (MAV_CMD_NAV_FENCE_POLYGON_VERTEX_EXCLUSION, param1 = vertex count).
     *
     * @param vertexCount vertices in this polygon, &gt;= 3
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @return the item (mission type FENCE)
     */
    public static MissionItem fenceExclusionVertex(int vertexCount, double latDeg, double lonDeg) {
        return fenceVertex(MavCmd.MAV_CMD_NAV_FENCE_POLYGON_VERTEX_EXCLUSION, vertexCount, latDeg, lonDeg);
    }

    /**
     * An exclusion circle (MAV_CMD_NAV_FENCE_CIRCLE_EXCLUSION).
     *
     * @param latDeg centre latitude, degrees
     * @param lonDeg centre longitude, degrees
     * @param radiusM radius, metres, &gt; 0
     * @return the item (mission type FENCE)
     */
    public static MissionItem fenceExclusionCircle(double latDeg, double lonDeg, double radiusM) {
        if (!(radiusM > 0)) {
            throw new IllegalArgumentException("radiusM must be > 0, was " + radiusM);
        }
        return new MissionItem(0, FRAME_GLOBAL_INT, cmd(MavCmd.MAV_CMD_NAV_FENCE_CIRCLE_EXCLUSION), 0, 1,
                (float) radiusM, 0, 0, 0, degE7(latDeg, 90, "latitude"), degE7(lonDeg, 180, "longitude"), 0,
                MissionType.FENCE);
    }

    /**
     * A rally point (MAV_CMD_NAV_RALLY_POINT), altitude above home.
     *
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param altitudeRelM altitude above home, metres
     * @return the item (mission type RALLY)
     */
    public static MissionItem rallyPoint(double latDeg, double lonDeg, double altitudeRelM) {
        return new MissionItem(0, FRAME_GLOBAL_RELATIVE_ALT_INT, cmd(MavCmd.MAV_CMD_NAV_RALLY_POINT), 0, 1, 0, 0, 0,
                0, degE7(latDeg, 90, "latitude"), degE7(lonDeg, 180, "longitude"), (float) altitudeRelM,
                MissionType.RALLY);
    }

    private static MissionItem fenceVertex(MavCmd c, int vertexCount, double latDeg, double lonDeg) {
        if (vertexCount < 3) {
            throw new IllegalArgumentException("a fence polygon needs >= 3 vertices, vertexCount was " + vertexCount);
        }
        return new MissionItem(0, FRAME_GLOBAL_INT, cmd(c), 0, 1, vertexCount, 0, 0, 0,
                degE7(latDeg, 90, "latitude"), degE7(lonDeg, 180, "longitude"), 0, MissionType.FENCE);
    }

    private static int cmd(MavCmd c) {
        return EnumValue.of(c).value();
    }

    private static int degE7(double deg, double limit, String name) {
        if (!(Math.abs(deg) <= limit)) {
            throw new IllegalArgumentException(name + " must be within +-" + limit + " degrees, was " + deg);
        }
        return (int) Math.round(deg * 1e7);
    }
}
