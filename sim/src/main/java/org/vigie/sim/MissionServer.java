package org.vigie.sim;

import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.util.EnumValue;
import io.dronefleet.mavlink.common.MavCmd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The autopilot side of the MAVLink mission protocol for the mission, fence and rally lists, with ArduPilot's
 * behaviour (MissionItemProtocol): uploads are driven with legacy MISSION_REQUEST (id 40), an out-of-order item gets
 * MAV_MISSION_INVALID_SEQUENCE, a silent client gets the request re-sent every second and the upload cancelled
 * (MAV_MISSION_OPERATION_CANCELLED) after 8 s, a second uploader is DENIED, downloads are answered for both
 * MISSION_REQUEST_INT (with MISSION_ITEM_INT) and MISSION_REQUEST (with MISSION_ITEM plus a one-time warning), the
 * mission's item 0 is home, frames are stored in their non-INT numbering and fence items read back with
 * autocontinue 0. In the PX4 flavour uploads use MISSION_REQUEST_INT, the mission has no home item and frames are
 * kept as uploaded.
 *
 * <p>Threading: confined to the simulator's event thread.
 */
final class MissionServer {

    static final int MISSION = 0;
    static final int FENCE = 1;
    static final int RALLY = 2;
    static final long UPLOAD_TIMEOUT_NS = 8_000_000_000L;
    static final long REQUEST_RESEND_NS = 1_000_000_000L;

    /** What the server needs from the vehicle. */
    interface Host {
        void reply(int channel, Object message);

        void statustext(int severity, String text);

        void setParam(String name, double value);

        long nowNs();

        int systemId();

        int componentId();

        /** @return home as mission item 0 (zeros before the EKF origin is set) */
        SimMissionItem homeItem();

        /** A list was replaced (upload complete or clear). */
        void listChanged(int missionType);

        /** The autopilot software stopped, as ArduPilot SITL's AP_HAL::panic does: silence from now on. */
        void panic(String message);
    }

    private static final class Transfer {
        final int type;
        int channel;
        int destSys;
        int destComp;
        int count;
        int requestI;
        long lastReceiveNs;
        long lastRequestNs;
        final List<SimMissionItem> buffer = new ArrayList<>();

        Transfer(int type) {
            this.type = type;
        }
    }

    private final Host host;
    private final Flavour flavour;
    private final int fenceStorageBytes;
    private final boolean statesFenceCapacity;
    private final List<List<SimMissionItem>> lists = new ArrayList<>();
    private final Transfer[] receiving = new Transfer[3];
    private final boolean[] legacyWarned = new boolean[16];

    MissionServer(Host host, Flavour flavour, int fenceStorageBytes, boolean statesFenceCapacity) {
        this.fenceStorageBytes = fenceStorageBytes;
        this.statesFenceCapacity = statesFenceCapacity;
        this.host = host;
        this.flavour = flavour;
        for (int i = 0; i < 3; i++) {
            lists.add(new ArrayList<>());
        }
    }

    /** @return the stored items of a list (mission item 0 is the home placeholder in the ArduCopter flavour) */
    List<SimMissionItem> items(int type) {
        return Collections.unmodifiableList(lists.get(type));
    }

    /** @return the number of items a download reports */
    int count(int type) {
        return lists.get(type).size();
    }

    boolean receiving(int type) {
        return receiving[type] != null;
    }

    /** Ensures the ArduCopter mission holds its home item 0 (called when home is first set). */
    void ensureHomeItem() {
        if (flavour == Flavour.ARDUCOPTER && lists.get(MISSION).isEmpty()) {
            lists.get(MISSION).add(host.homeItem());
            host.setParam("MIS_TOTAL", 1);
        }
    }

    /**
     * Clears a list. As AP_Mission::clear, the ArduCopter mission is left empty, home item included (a download
     * reports 0 items), until home is next written (set again, or an upload's item 0).
     */
    void clearAll(int type) {
        lists.get(type).clear();
        if (type == MISSION) {
            host.setParam("MIS_TOTAL", 0);
        }
        host.listChanged(type);
    }

    // ---- incoming messages ----

    void onCount(int channel, int sysId, int compId, int count, int type) {
        if (type < 0 || type > 2) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_UNSUPPORTED, type);
            return;
        }
        Transfer t = receiving[type];
        if (t != null && (t.destSys != sysId || t.destComp != compId)) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_DENIED, type);
            return;
        }
        int max = type == MISSION ? 700 : type == FENCE ? fenceMaxItems() : 20;
        if (count > max) {
            if (type != FENCE || statesFenceCapacity) {
                host.statustext(4, "Only " + max + " items are supported");
            }
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_NO_SPACE, type);
            return;
        }
        if (type == MISSION && flavour == Flavour.ARDUCOPTER) {
            List<SimMissionItem> m = lists.get(MISSION);
            while (m.size() > Math.max(count, 1)) {
                m.remove(m.size() - 1);
            }
        }
        if (count == 0) {
            receiving[type] = null;
            clearAll(type);
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_ACCEPTED, type);
            return;
        }
        t = new Transfer(type);
        t.channel = channel;
        t.destSys = sysId;
        t.destComp = compId;
        t.count = count;
        t.requestI = 0;
        t.lastReceiveNs = host.nowNs();
        receiving[type] = t;
        sendRequest(t);
    }

    private void sendRequest(Transfer t) {
        t.lastRequestNs = host.nowNs();
        if (flavour == Flavour.PX4) {
            host.reply(t.channel, MissionRequestInt.builder().targetSystem(t.destSys).targetComponent(t.destComp)
                    .seq(t.requestI).missionType(EnumValue.create(t.type)).build());
        } else {
            host.reply(t.channel, MissionRequest.builder().targetSystem(t.destSys).targetComponent(t.destComp)
                    .seq(t.requestI).missionType(EnumValue.create(t.type)).build());
        }
    }

    void onItem(int channel, int sysId, int compId, SimMissionItem item) {
        int type = item.missionType();
        if (type < 0 || type > 2) {
            return;
        }
        Transfer t = receiving[type];
        if (t == null) {
            // ArduPilot answers an unexpected item with an error ack on the link it came from
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_ERROR, type);
            return;
        }
        if (item.seq() != t.requestI) {
            ack(t.channel, sysId, compId, MavMissionResult.MAV_MISSION_INVALID_SEQUENCE, type);
            return;
        }
        if (sysId != t.destSys || compId != t.destComp) {
            ack(t.channel, sysId, compId, MavMissionResult.MAV_MISSION_DENIED, type);
            return;
        }
        MavMissionResult check = validate(item);
        if (check != MavMissionResult.MAV_MISSION_ACCEPTED) {
            ack(t.channel, sysId, compId, check, type);
            receiving[type] = null;
            return;
        }
        SimMissionItem stored = store(item);
        if (type == MISSION && flavour == Flavour.ARDUCOPTER) {
            List<SimMissionItem> m = lists.get(MISSION);
            if (item.seq() == 0) {
                if (m.isEmpty()) {
                    m.add(host.homeItem());
                }
            } else if (item.seq() < m.size()) {
                m.set(item.seq(), stored);
            } else {
                m.add(stored);
                host.setParam("MIS_TOTAL", m.size());
            }
        } else {
            t.buffer.add(stored);
        }
        t.lastReceiveNs = host.nowNs();
        t.requestI++;
        if (t.requestI >= t.count) {
            complete(t);
            return;
        }
        sendRequest(t);
    }

    private void complete(Transfer t) {
        receiving[t.type] = null;
        MavMissionResult result = MavMissionResult.MAV_MISSION_ACCEPTED;
        if (t.type == FENCE) {
            GeoNe probe = new GeoNe(0, 0);
            if (FenceModel.compile(t.buffer, probe) == null) {
                result = MavMissionResult.MAV_MISSION_ERROR;
            } else if (flavour == Flavour.ARDUCOPTER && arduPilotFenceBytes(t.buffer) > fenceStorageBytes) {
                host.statustext(4, "Fence exceeds storage size");
                result = MavMissionResult.MAV_MISSION_ERROR;
            } else if (flavour == Flavour.ARDUCOPTER && arduPilotFenceBytes(t.buffer) + 1 > fenceStorageBytes) {
                // AC_PolyFence_loader checks the size without the one-byte end-of-storage marker: a fence that fills
                // the area exactly is stored without it, and the SITL build panics re-indexing it, before the ACK
                receiving[t.type] = null;
                host.panic("did not find end-of-storage-marker before running out of space");
                return;
            }
        }
        if (result == MavMissionResult.MAV_MISSION_ACCEPTED) {
            if (t.type != MISSION || flavour == Flavour.PX4) {
                List<SimMissionItem> l = lists.get(t.type);
                l.clear();
                l.addAll(t.buffer);
            }
            if (t.type == MISSION && flavour == Flavour.ARDUCOPTER) {
                host.statustext(6, "Flight plan received");
            } else if (t.type == FENCE && flavour == Flavour.ARDUCOPTER) {
                host.setParam("FENCE_TOTAL", t.count + 2);
                host.statustext(7, "Fence Indexed OK");
            } else if (t.type == RALLY && flavour == Flavour.ARDUCOPTER) {
                host.setParam("RALLY_TOTAL", t.count);
            }
            host.listChanged(t.type);
        }
        ack(t.channel, t.destSys, t.destComp, result, t.type);
    }

    /** PX4's geofence item limit (dataman). */
    static final int PX4_FENCE_ITEMS = 64;

    private int fenceMaxItems() {
        return flavour == Flavour.ARDUCOPTER ? fenceStorageBytes / 8 : PX4_FENCE_ITEMS;
    }

    /**
     * Bytes a fence takes in AC_PolyFence_loader's storage: a 4-byte header, per polygon a type byte, a count byte and
     * 8 bytes per vertex, per circle 13 bytes, per return point 9.
     */
    static int arduPilotFenceBytes(List<SimMissionItem> items) {
        int bytes = 4;
        int i = 0;
        while (i < items.size()) {
            int cmd = items.get(i).command();
            if (cmd == FenceModel.CMD_POLY_INCLUSION || cmd == FenceModel.CMD_POLY_EXCLUSION) {
                int n = Math.max(1, Math.round(items.get(i).param1()));
                bytes += 2 + 8 * n;
                i += n;
            } else {
                bytes += cmd == FenceModel.CMD_RETURN_POINT ? 9 : 13;
                i++;
            }
        }
        return bytes;
    }

    private MavMissionResult validate(SimMissionItem item) {
        int cmd = item.command();
        if (item.missionType() == FENCE) {
            if (cmd < 5000 || cmd > 5004) {
                return MavMissionResult.MAV_MISSION_UNSUPPORTED;
            }
        } else if (item.missionType() == RALLY) {
            if (cmd != 5100) {
                return MavMissionResult.MAV_MISSION_UNSUPPORTED;
            }
        } else if (!SUPPORTED_MISSION_COMMANDS.contains(cmd)) {
            return MavMissionResult.MAV_MISSION_UNSUPPORTED;
        }
        int frame = item.frame();
        if (frame != 0 && frame != 2 && frame != 3 && frame != 5 && frame != 6 && frame != 10 && frame != 11) {
            return MavMissionResult.MAV_MISSION_UNSUPPORTED_FRAME;
        }
        if (Math.abs((long) item.x()) > 900_000_000L) {
            return MavMissionResult.MAV_MISSION_INVALID_PARAM5_X;
        }
        if (Math.abs((long) item.y()) > 1_800_000_000L) {
            return MavMissionResult.MAV_MISSION_INVALID_PARAM6_Y;
        }
        return MavMissionResult.MAV_MISSION_ACCEPTED;
    }

    static final java.util.Set<Integer> SUPPORTED_MISSION_COMMANDS = java.util.Set.of(16, 17, 18, 19, 20, 21, 22,
            82, 92, 93, 112, 113, 114, 115, 176, 177, 178, 179, 181, 183, 189, 195, 197, 201, 205, 206, 207, 211,
            212, 2000, 2001, 2500, 2501);

    private SimMissionItem store(SimMissionItem in) {
        if (flavour == Flavour.PX4) {
            return new SimMissionItem(in.seq(), in.frame(), in.command(), in.autocontinue(), in.param1(),
                    in.param2(), in.param3(), in.param4(), in.x(), in.y(), in.z(), in.missionType());
        }
        int frame = switch (in.frame()) {
            case 5, 2 -> 0;
            case 6 -> 3;
            case 11 -> 10;
            default -> in.frame();
        };
        int cmd = in.command();
        float p1 = in.param1();
        float p2 = in.param2();
        float p3 = in.param3();
        float p4 = in.param4();
        int x = in.x();
        int y = in.y();
        float z = in.z();
        if (in.missionType() == FENCE) {
            return new SimMissionItem(in.seq(), 0, cmd, 0, p1, 0, 0, 0, x, y, 0, FENCE);
        }
        if (in.missionType() == RALLY) {
            return new SimMissionItem(in.seq(), frame, cmd, 0, 0, 0, 0, 0, x, y, z, RALLY);
        }
        switch (cmd) {
            case 22 -> { // TAKEOFF: location ignored, altitude kept
                x = 0;
                y = 0;
                p1 = 0;
                p2 = 0;
                p3 = 0;
                p4 = 0;
            }
            case 16 -> { // WAYPOINT: hold time, acceptance and pass-by radii stored as bytes, no yaw
                p1 = Math.max(0, Math.min(255, Math.round(p1)));
                p2 = Math.max(0, Math.min(255, Math.round(p2)));
                p3 = Math.max(0, Math.min(255, Math.round(p3)));
                p4 = 0;
            }
            case 19 -> { // LOITER_TIME: direction sign in param3
                p3 = p3 < 0 ? -1 : 1;
            }
            case 20, 197 -> { // RTL, ROI_NONE carry nothing
                frame = 0;
                x = 0;
                y = 0;
                z = 0;
                p1 = 0;
                p2 = 0;
                p3 = 0;
                p4 = 0;
            }
            default -> { }
        }
        return new SimMissionItem(in.seq(), frame, cmd, 1, p1, p2, p3, p4, x, y, z, MISSION);
    }

    void onRequest(int channel, int sysId, int compId, int seq, int type, boolean legacy) {
        if (type < 0 || type > 2) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_UNSUPPORTED, type);
            return;
        }
        if (receiving[type] != null) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_DENIED, type);
            return;
        }
        List<SimMissionItem> l = lists.get(type);
        if (seq < 0 || seq >= l.size()) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_INVALID_SEQUENCE, type);
            return;
        }
        SimMissionItem it = l.get(seq);
        if (type == MISSION && seq == 0 && flavour == Flavour.ARDUCOPTER) {
            it = host.homeItem();
        }
        if (legacy) {
            if (flavour == Flavour.ARDUCOPTER && channel >= 0 && channel < legacyWarned.length
                    && !legacyWarned[channel]) {
                legacyWarned[channel] = true;
                host.statustext(4, "got MISSION_REQUEST; use MISSION_REQUEST_INT!");
            }
            boolean global = isGlobalFrame(it.frame());
            host.reply(channel, MissionItem.builder().targetSystem(sysId).targetComponent(compId).seq(seq)
                    .frame(EnumValue.<MavFrame>create(it.frame())).command(EnumValue.<MavCmd>create(it.command()))
                    .current(0).autocontinue(it.autocontinue()).param1(it.param1()).param2(it.param2())
                    .param3(it.param3()).param4(it.param4())
                    .x(global ? (float) (it.x() * 1e-7) : it.x()).y(global ? (float) (it.y() * 1e-7) : it.y())
                    .z(it.z()).missionType(EnumValue.<MavMissionType>create(type)).build());
        } else {
            host.reply(channel, MissionItemInt.builder().targetSystem(sysId).targetComponent(compId).seq(seq)
                    .frame(EnumValue.<MavFrame>create(it.frame())).command(EnumValue.<MavCmd>create(it.command()))
                    .current(0).autocontinue(it.autocontinue()).param1(it.param1()).param2(it.param2())
                    .param3(it.param3()).param4(it.param4()).x(it.x()).y(it.y()).z(it.z())
                    .missionType(EnumValue.<MavMissionType>create(type)).build());
        }
    }

    private static boolean isGlobalFrame(int frame) {
        return frame == 0 || frame == 3 || frame == 10 || frame == 5 || frame == 6 || frame == 11;
    }

    void onRequestList(int channel, int sysId, int compId, int type) {
        if (type < 0 || type > 2) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_UNSUPPORTED, type);
            return;
        }
        if (receiving[type] != null) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_DENIED, type);
            return;
        }
        host.reply(channel, MissionCount.builder().targetSystem(sysId).targetComponent(compId)
                .count(lists.get(type).size()).missionType(EnumValue.<MavMissionType>create(type)).build());
    }

    void onClearAll(int channel, int sysId, int compId, int type) {
        if (type < 0 || type > 2) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_UNSUPPORTED, type);
            return;
        }
        if (receiving[type] != null) {
            ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_ERROR, type);
            return;
        }
        clearAll(type);
        ack(channel, sysId, compId, MavMissionResult.MAV_MISSION_ACCEPTED, type);
    }

    /** Re-sends requests and cancels stalled uploads; called every physics step. */
    void update() {
        long now = host.nowNs();
        for (int type = 0; type < 3; type++) {
            Transfer t = receiving[type];
            if (t == null) {
                continue;
            }
            if (now - t.lastReceiveNs > UPLOAD_TIMEOUT_NS) {
                receiving[type] = null;
                ack(t.channel, t.destSys, t.destComp, MavMissionResult.MAV_MISSION_OPERATION_CANCELLED, type);
            } else if (now - t.lastRequestNs > REQUEST_RESEND_NS) {
                sendRequest(t);
            }
        }
    }

    /** Abandons every transfer (reboot). */
    void reset() {
        for (int i = 0; i < 3; i++) {
            receiving[i] = null;
        }
        java.util.Arrays.fill(legacyWarned, false);
    }

    private void ack(int channel, int sysId, int compId, MavMissionResult result, int type) {
        host.reply(channel, MissionAck.builder().targetSystem(sysId).targetComponent(compId).type(result)
                .missionType(EnumValue.<MavMissionType>create(Math.max(0, type))).build());
    }
}
