package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import org.vigie.geofence.export.FenceShape;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionType;

/**
 * Maps an exported fence ({@link FenceShape}s, neutral to any protocol) to the MAVLink mission items of mission type
 * FENCE: MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION / _EXCLUSION (param1 = the polygon's vertex count, one item per
 * vertex), MAV_CMD_NAV_FENCE_CIRCLE_INCLUSION / _EXCLUSION (param1 = radius, metres), MAV_CMD_NAV_FENCE_RETURN_POINT;
 * frame MAV_FRAME_GLOBAL (0), autocontinue 1, altitude 0, positions in degrees × 10^7, in the shapes' order.
 *
 * <p>Stateless and thread-safe.
 */
public final class FenceMissionItems {

    /** MAV_CMD_NAV_FENCE_RETURN_POINT. */
    public static final int RETURN_POINT = 5000;
    /** MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION. */
    public static final int POLYGON_VERTEX_INCLUSION = 5001;
    /** MAV_CMD_NAV_FENCE_POLYGON_VERTEX_EXCLUSION. */
    public static final int POLYGON_VERTEX_EXCLUSION = 5002;
    /** MAV_CMD_NAV_FENCE_CIRCLE_INCLUSION. */
    public static final int CIRCLE_INCLUSION = 5003;
    /** MAV_CMD_NAV_FENCE_CIRCLE_EXCLUSION. */
    public static final int CIRCLE_EXCLUSION = 5004;

    private FenceMissionItems() {
    }

    /**
     * @param shapes the fence, in upload order
     * @return one mission item per polygon vertex, circle and return point, numbered from 0
     */
    public static List<MissionItem> of(List<FenceShape> shapes) {
        List<MissionItem> out = new ArrayList<>();
        for (FenceShape s : shapes) {
            if (s instanceof FenceShape.Polygon p) {
                int cmd = p.role() == FenceShape.Role.INCLUSION ? POLYGON_VERTEX_INCLUSION : POLYGON_VERTEX_EXCLUSION;
                for (FenceShape.LatLonE7 v : p.vertices()) {
                    out.add(item(out.size(), cmd, p.vertices().size(), v));
                }
            } else if (s instanceof FenceShape.Circle c) {
                out.add(item(out.size(), c.role() == FenceShape.Role.INCLUSION ? CIRCLE_INCLUSION : CIRCLE_EXCLUSION,
                        c.radiusM(), c.centre()));
            } else if (s instanceof FenceShape.ReturnPoint r) {
                out.add(item(out.size(), RETURN_POINT, 0, r.point()));
            }
        }
        return out;
    }

    private static MissionItem item(int seq, int command, float param1, FenceShape.LatLonE7 at) {
        return new MissionItem(seq, 0, command, 0, 1, param1, 0, 0, 0, at.latE7(), at.lonE7(), 0, MissionType.FENCE);
    }
}
