package org.vigie.link.testkit;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.ParamRequestList;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.mission.MissionItem;
import org.vigie.link.mission.MissionType;

/**
 * A scripted autopilot for service tests, modelled on ArduCopter 4.7 as the captures and its source show it:
 * <ul>
 *   <li>mission server (GCS_MAVLink/MissionItemProtocol.cpp): MISSION_COUNT starts a receive (a new COUNT from the
 *       same sender restarts it); items are asked for with the legacy MISSION_REQUEST; an item of the wrong seq gets
 *       MISSION_ACK INVALID_SEQUENCE and the upload goes on; an item outside an upload gets MISSION_ACK ERROR; the
 *       request is repeated after 1000 ms without an item; 8000 ms without an item ends the upload with
 *       OPERATION_CANCELLED; items are stored as they arrive; downloads are stateless and return frames in their
 *       non-INT numbering; item 0 of a mission is home; fence items come back with autocontinue 0;</li>
 *   <li>commands: every COMMAND_LONG/COMMAND_INT is answered at once with the result of a scriptable handler
 *       (default ACCEPTED), optionally followed by a STATUSTEXT;</li>
 *   <li>parameters: PARAM_REQUEST_READ by name (unknown names get no answer at all) or index, PARAM_REQUEST_LIST
 *       streamed one per 5 ms, PARAM_SET stored and echoed.</li>
 * </ul>
 */
public final class FakeAutopilot {

    /** What a command handler answers. */
    public record CommandReply(int result, String statusText, int progress) {
        /** @return an ACCEPTED reply */
        public static CommandReply accepted() {
            return new CommandReply(0, null, 0);
        }
    }

    private final TestPort port;
    private final Map<MissionType, List<MissionItem>> lists = new EnumMap<>(MissionType.class);
    private final Map<String, float[]> params = new LinkedHashMap<>();
    private final List<String> paramOrder = new ArrayList<>();
    private BiFunction<Integer, Boolean, CommandReply> commandHandler = (c, i) -> CommandReply.accepted();
    private boolean answerCommands = true;
    private boolean answerMissions = true;
    private final int homeLatE7 = 488566000;
    private final int homeLonE7 = 23522000;

    private boolean receiving;
    private MissionType rxType;
    private int requestI;
    private int requestLast;
    private int destSys;
    private int destComp;
    private long lastRequestMs;
    private long lastReceiveMs;
    private final List<MissionItem> rxItems = new ArrayList<>();

    /** Counts for assertions. */
    public int uploadsCompleted;
    private java.util.function.UnaryOperator<MissionItem> storeTransform = java.util.function.UnaryOperator.identity();
    private int dropUploadAcks;

    /**
     * Alters items as they are stored (to model an autopilot that keeps something else than what was sent).
     *
     * @param transform applied to each stored item
     */
    public void storeTransform(java.util.function.UnaryOperator<MissionItem> transform) {
        this.storeTransform = transform;
    }

    /**
     * Makes the next completed uploads end without their MISSION_ACK reaching the wire (a lost final ACK).
     *
     * @param count how many ACKs to swallow
     */
    public void dropUploadAcks(int count) {
        this.dropUploadAcks = count;
    }

    /**
     * Attaches to a port (normally system 1, component 1).
     *
     * @param port the autopilot side
     */
    public FakeAutopilot(TestPort port) {
        this.port = port;
        for (MissionType t : MissionType.values()) {
            lists.put(t, new ArrayList<>());
        }
        lists.get(MissionType.MISSION).add(home());
        port.subscribe(MissionCount.class, this::onCount);
        port.subscribe(MissionItemInt.class, (m, f) -> onItem(MissionItem.of(m), f));
        port.subscribe(io.dronefleet.mavlink.common.MissionItem.class, (m, f) -> onItem(MissionItem.of(m), f));
        port.subscribe(MissionRequestList.class, (m, f) -> {
            if (!answerMissions) {
                return;
            }
            MissionType t = MissionType.fromWire(m.missionType().value());
            if (receiving) {
                ack(f, MavMissionResult.MAV_MISSION_DENIED, t);
                return;
            }
            port.send(MissionCount.builder().targetSystem(f.sysId()).targetComponent(f.compId())
                    .count(lists.get(t).size()).missionType(EnumValue.create(t.wireValue())).build());
        });
        port.subscribe(MissionRequestInt.class, (m, f) -> onDownloadRequest(m.seq(), m.missionType().value(), f));
        port.subscribe(MissionRequest.class, (m, f) -> onDownloadRequest(m.seq(), m.missionType().value(), f));
        port.subscribe(MissionClearAll.class, (m, f) -> {
            if (!answerMissions) {
                return;
            }
            MissionType t = MissionType.fromWire(m.missionType().value());
            boolean ok = !receiving;
            if (ok) {
                lists.get(t).clear();
                if (t == MissionType.MISSION) {
                    lists.get(t).add(home());
                }
            }
            ack(f, ok ? MavMissionResult.MAV_MISSION_ACCEPTED : MavMissionResult.MAV_MISSION_ERROR, t);
        });
        port.subscribe(CommandLong.class, (m, f) -> onCommand(m.command().value(), false, f));
        port.subscribe(CommandInt.class, (m, f) -> onCommand(m.command().value(), true, f));
        port.subscribe(ParamRequestRead.class, this::onParamRead);
        port.subscribe(ParamRequestList.class, (m, f) -> {
            for (int i = 0; i < paramOrder.size(); i++) {
                int idx = i;
                port.scheduler().schedule(Duration.ofMillis(5L * (i + 1)), () -> sendParam(idx));
            }
        });
        port.subscribe(ParamSet.class, (m, f) -> {
            float[] p = params.get(m.paramId());
            if (p == null) {
                return;
            }
            p[0] = m.paramValue();
            sendParam(paramOrder.indexOf(m.paramId()));
        });
        port.scheduler().scheduleAtFixedRate(Duration.ofMillis(100), Duration.ofMillis(100), this::update);
    }

    private MissionItem home() {
        return new MissionItem(0, 0, 16, 0, 1, 0, 0, 0, 0, homeLatE7, homeLonE7, 35.09f, MissionType.MISSION);
    }

    /** @return the list stored for a type (ArduPilot: mission item 0 is home) */
    public List<MissionItem> list(MissionType t) {
        return List.copyOf(lists.get(t));
    }

    /**
     * Replaces how commands are answered.
     *
     * @param handler (command id, was COMMAND_INT) to reply
     */
    public void onCommands(BiFunction<Integer, Boolean, CommandReply> handler) {
        this.commandHandler = handler;
    }

    /** @param on whether commands get any answer */
    public void answerCommands(boolean on) {
        this.answerCommands = on;
    }

    /** @param on whether mission messages get any answer */
    public void answerMissions(boolean on) {
        this.answerMissions = on;
    }

    /**
     * Defines a parameter.
     *
     * @param name id, up to 16 chars
     * @param value value
     * @param mavParamType MAV_PARAM_TYPE value
     */
    public void param(String name, float value, int mavParamType) {
        if (!params.containsKey(name)) {
            paramOrder.add(name);
        }
        params.put(name, new float[] {value, mavParamType});
    }

    /** @return how many parameters are defined */
    public int paramCount() {
        return paramOrder.size();
    }

    /**
     * Sends one parameter by index (as during boot use index 65535 with {@link #sendParamUnsolicited}).
     *
     * @param index index
     */
    public void sendParam(int index) {
        String name = paramOrder.get(index);
        float[] p = params.get(name);
        port.send(ParamValue.builder().paramId(name).paramValue(p[0]).paramType(EnumValue.create((int) p[1]))
                .paramCount(paramOrder.size()).paramIndex(index).build());
    }

    /**
     * Sends a PARAM_VALUE with index 65535, as ArduPilot does while booting.
     *
     * @param name the parameter
     * @param count the param_count to claim
     */
    public void sendParamUnsolicited(String name, int count) {
        float[] p = params.get(name);
        port.send(ParamValue.builder().paramId(name).paramValue(p[0]).paramType(EnumValue.create((int) p[1]))
                .paramCount(count).paramIndex(65535).build());
    }

    /**
     * Sends a STATUSTEXT.
     *
     * @param severity MAV_SEVERITY value
     * @param text up to 50 characters
     */
    public void statusText(int severity, String text) {
        port.send(Statustext.builder().severity(EnumValue.create(severity)).text(text).build());
    }

    // ------------------------------------------------------------------ handlers

    private void onCommand(int cmd, boolean isInt, MavlinkFrame f) {
        if (!answerCommands) {
            return;
        }
        CommandReply r = commandHandler.apply(cmd, isInt);
        if (r == null) {
            return;
        }
        port.send(CommandAck.builder().command(EnumValue.create(cmd)).result(EnumValue.create(r.result()))
                .progress(r.progress()).targetSystem(f.sysId()).targetComponent(f.compId()).build());
        if (r.statusText() != null) {
            port.send(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_CRITICAL).text(r.statusText()).build());
        }
    }

    private void onParamRead(ParamRequestRead m, MavlinkFrame f) {
        if (m.paramIndex() >= 0 && m.paramIndex() < paramOrder.size() && m.paramIndex() != 65535) {
            sendParam(m.paramIndex());
            return;
        }
        int i = paramOrder.indexOf(m.paramId());
        if (i >= 0) {
            sendParam(i);
        }
    }

    private void onCount(MissionCount m, MavlinkFrame f) {
        if (!answerMissions) {
            return;
        }
        MissionType t = MissionType.fromWire(m.missionType().value());
        if (receiving && (f.sysId() != destSys || f.compId() != destComp)) {
            ack(f, MavMissionResult.MAV_MISSION_DENIED, t);
            return;
        }
        rxItems.clear();
        rxType = t;
        if (m.count() == 0) {
            lists.get(t).clear();
            if (t == MissionType.MISSION) {
                lists.get(t).add(home());
            }
            receiving = false;
            ack(f, MavMissionResult.MAV_MISSION_ACCEPTED, t);
            return;
        }
        lists.get(t).clear();
        receiving = true;
        requestI = 0;
        requestLast = m.count() - 1;
        destSys = f.sysId();
        destComp = f.compId();
        lastReceiveMs = port.scheduler().monotonicMs();
        sendRequest();
    }

    private void sendRequest() {
        lastRequestMs = port.scheduler().monotonicMs();
        port.send(MissionRequest.builder().targetSystem(destSys).targetComponent(destComp).seq(requestI)
                .missionType(EnumValue.create(rxType.wireValue())).build());
    }

    private void onItem(MissionItem it, MavlinkFrame f) {
        if (!answerMissions) {
            return;
        }
        if (!receiving) {
            ack(f, MavMissionResult.MAV_MISSION_ERROR, it.missionType());
            return;
        }
        if (it.seq() != requestI) {
            ack(f, MavMissionResult.MAV_MISSION_INVALID_SEQUENCE, rxType);
            return;
        }
        MissionItem stored = it;
        if (rxType == MissionType.MISSION) {
            stored = it.seq() == 0 ? home() : new MissionItem(it.seq(), nonInt(it.frame()), it.command(), 0,
                    it.autocontinue(), it.param1(), it.param2(), it.param3(), it.param4(), it.x(), it.y(), it.z(),
                    it.missionType());
        } else if (rxType == MissionType.FENCE) {
            stored = new MissionItem(it.seq(), nonInt(it.frame()), it.command(), 0, 0, it.param1(), 0, 0, 0, it.x(),
                    it.y(), 0, it.missionType());
        }
        lists.get(rxType).add(storeTransform.apply(stored));
        lastReceiveMs = port.scheduler().monotonicMs();
        requestI++;
        if (requestI > requestLast) {
            receiving = false;
            uploadsCompleted++;
            if (dropUploadAcks > 0) {
                dropUploadAcks--;
                return;
            }
            ack(f, MavMissionResult.MAV_MISSION_ACCEPTED, rxType);
            return;
        }
        sendRequest();
    }

    private static int nonInt(int frame) {
        return switch (frame) {
            case 5 -> 0;
            case 6 -> 3;
            case 11 -> 10;
            default -> frame;
        };
    }

    private void update() {
        if (!receiving) {
            return;
        }
        long now = port.scheduler().monotonicMs();
        if (now - lastReceiveMs > 8000) {
            receiving = false;
            port.send(MissionAck.builder().targetSystem(destSys).targetComponent(destComp)
                    .type(MavMissionResult.MAV_MISSION_OPERATION_CANCELLED)
                    .missionType(EnumValue.create(rxType.wireValue())).build());
            return;
        }
        if (now - lastRequestMs > 1000) {
            sendRequest();
        }
    }

    private void onDownloadRequest(int seq, int type, MavlinkFrame f) {
        if (!answerMissions) {
            return;
        }
        MissionType t = MissionType.fromWire(type);
        if (receiving) {
            ack(f, MavMissionResult.MAV_MISSION_DENIED, t);
            return;
        }
        List<MissionItem> l = lists.get(t);
        if (seq >= l.size()) {
            ack(f, MavMissionResult.MAV_MISSION_INVALID_SEQUENCE, t);
            return;
        }
        MissionItem it = l.get(seq);
        port.send(new MissionItem(it.seq(), it.frame(), it.command(), it.current(), it.autocontinue(), it.param1(),
                it.param2(), it.param3(), it.param4(), it.x(), it.y(), it.z(), t).toMessage(f.sysId(), f.compId()));
    }

    private void ack(MavlinkFrame f, MavMissionResult r, MissionType t) {
        port.send(MissionAck.builder().targetSystem(f.sysId()).targetComponent(f.compId()).type(r)
                .missionType(EnumValue.create(t == null ? 0 : t.wireValue())).build());
    }

    /** Unused constant kept for the float param type of most ArduPilot params. */
    public static final int REAL32 = EnumValue.of(MavParamType.MAV_PARAM_TYPE_REAL32).value();
}
