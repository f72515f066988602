package org.vigie.mission.flight.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.plan.Route;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionType;
import org.vigie.link.mission.TransferOutcome;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.flight.FlightPlan;

/** The fence and the mission as MAVLink mission items, and the read-back comparison. Stateless. */
public final class PlanItems {

    private static final int CMD_WAYPOINT = 16;
    private static final int CMD_LOITER_TIME = 19;
    private static final int CMD_LAND = 21;
    private static final int CMD_TAKEOFF = 22;
    private static final int CMD_ROI_LOCATION = 195;
    private static final int CMD_ROI_NONE = 197;

    private PlanItems() {
    }

    /** The planned round trip as an AUTO mission: take-off, outbound, ROI, loiter on scene, ROI off, return, land. */
    static List<MissionItem> mission(FlightPlan plan, DispatchRequest request, double transitAltitudeRelM) {
        Route outbound = Objects.requireNonNull(plan.outbound(), "planned before the mission is built");
        List<MissionItem> items = new ArrayList<>();
        items.add(item(CMD_TAKEOFF, 0, 0, 0, transitAltitudeRelM));
        for (GeoPoint p : plan.legPoints(outbound)) {
            items.add(item(CMD_WAYPOINT, 0, p.latDeg(), p.lonDeg(), p.altitudeRelM()));
        }
        items.add(item(CMD_ROI_LOCATION, 0, request.targetLatDeg(), request.targetLonDeg(), 0));
        GeoPoint scene = outbound.waypoints().get(outbound.waypoints().size() - 1).position();
        items.add(item(CMD_LOITER_TIME, (double) request.onSceneTime().toSeconds(), scene.latDeg(), scene.lonDeg(),
                scene.altitudeRelM()));
        // no position: frame 0, as ArduCopter reads it back (capture session 3), so read-back comparisons agree
        items.add(new MissionItem(0, 0, CMD_ROI_NONE, 0, 1, 0, 0, 0, 0, 0, 0, 0, MissionType.MISSION));
        for (GeoPoint p : plan.legPoints(Objects.requireNonNull(plan.inbound(), "planned with the outbound"))) {
            items.add(item(CMD_WAYPOINT, 0, p.latDeg(), p.lonDeg(), p.altitudeRelM()));
        }
        items.add(item(CMD_LAND, 0, 0, 0, 0));
        return items;
    }

    private static MissionItem item(int command, double p1, double latDeg, double lonDeg, double altRelM) {
        return new MissionItem(0, MissionItem.FRAME_GLOBAL_RELATIVE_ALT_INT, command, 0, 1, (float) p1, 0, 0, 0,
                (int) Math.round(latDeg * 1e7), (int) Math.round(lonDeg * 1e7), (float) altRelM, MissionType.MISSION);
    }

    /** @return null when the read-back equals what was sent, else what differs */
    public static @Nullable String compare(List<MissionItem> sent, TransferOutcome read) {
        if (!read.succeeded()) {
            return "read-back failed: " + read.result();
        }
        List<MissionItem> got = read.items();
        if (got.size() != sent.size()) {
            return "sent " + sent.size() + " items, read back " + got.size();
        }
        for (int i = 0; i < sent.size(); i++) {
            MissionItem a = sent.get(i);
            MissionItem b = got.get(i);
            if (a.command() != b.command() || a.x() != b.x() || a.y() != b.y()
                    || Math.abs(a.param1() - b.param1()) > 1e-3 || Math.abs(a.z() - b.z()) > 0.01) {
                return "item " + i + " differs (sent command " + a.command() + " at " + a.x() + "," + a.y()
                        + ", read command " + b.command() + " at " + b.x() + "," + b.y() + ")";
            }
        }
        return null;
    }
}
