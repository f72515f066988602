package org.vigie.sim;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.common.ParamRequestList;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.SetMode;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.common.SetupSigning;
import io.dronefleet.mavlink.common.Timesync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;

/**
 * Incoming frames, as an autopilot takes them: nothing while rebooting or closed, frames refused by signing dropped,
 * frames addressed to another system or component ignored (SET_MODE is taken whatever its component), then each
 * message decoded and handed to the part that handles it. A handler's exception is logged, never thrown.
 *
 * <p>Threading: event thread only.
 */
final class FrameRouter {

    /** Logged under the vehicle's name. */
    private static final Logger LOG = LoggerFactory.getLogger(SimVehicle.class);
    private static final MessageCodec CODEC = Outbox.CODEC;
    private static final MessageTable TABLE = CODEC.table();

    private final SimState state;
    private final Outbox out;
    private final int sysId;
    private final int compId;
    private final SimSigning signing;
    private final ParamServer params;
    private final MissionServer missions;
    private final TelemetryStreams streams;
    private final CommandHandler commands;
    private final GuidedController guided;
    private final AutoController auto;
    private final Failsafes failsafes;
    private final SimRemoteId remoteId;

    FrameRouter(SimConfig config, SimState state, Outbox out, SimSigning signing, ParamServer params,
                MissionServer missions, TelemetryStreams streams, CommandHandler commands, GuidedController guided,
                AutoController auto, Failsafes failsafes, SimRemoteId remoteId) {
        this.state = state;
        this.out = out;
        this.sysId = config.systemId();
        this.compId = config.componentId();
        this.signing = signing;
        this.params = params;
        this.missions = missions;
        this.streams = streams;
        this.commands = commands;
        this.guided = guided;
        this.auto = auto;
        this.failsafes = failsafes;
        this.remoteId = remoteId;
    }

    /** A whole frame arrived on a channel. */
    void onFrame(MavlinkFrame frame, int channel) {
        if (state.closed || state.silent) {
            return;
        }
        int msgId = frame.msgId();
        if (!signing.accepts(frame, channel)) {
            return;
        }
        int tsOff = TABLE.targetSystemOffset(msgId);
        if (tsOff != MessageTable.NONE) {
            int ts = frame.payloadByte(tsOff);
            if (ts != 0 && ts != sysId) {
                return;
            }
            int tcOff = TABLE.targetComponentOffset(msgId);
            if (tcOff != MessageTable.NONE) {
                int tc = frame.payloadByte(tcOff);
                if (tc != 0 && tc != compId && msgId != 11) {
                    return;
                }
            }
        }
        try {
            dispatch(frame, channel, msgId);
        } catch (RuntimeException e) {
            LOG.warn("sim {}: error handling message {}: {}", sysId, msgId, e.toString());
        }
    }

    private void dispatch(MavlinkFrame f, int ch, int msgId) {
        switch (msgId) {
            case 0 -> failsafes.onGcsHeartbeat(state.now());
            case 11 -> CODEC.decode(f, SetMode.class).ifPresent(m -> commands.onSetMode(ch, m, f));
            case 20 -> CODEC.decode(f, ParamRequestRead.class).ifPresent(m -> params.onParamRead(ch, m));
            case 21 -> CODEC.decode(f, ParamRequestList.class).ifPresent(m -> params.onParamList(ch));
            case 23 -> CODEC.decode(f, ParamSet.class).ifPresent(params::onParamSet);
            case 39 -> CODEC.decode(f, MissionItem.class).ifPresent(m -> missions.onItem(ch, f.sysId(), f.compId(),
                    fromFloatItem(m)));
            case 73 -> CODEC.decode(f, MissionItemInt.class).ifPresent(m -> missions.onItem(ch, f.sysId(),
                    f.compId(), new SimMissionItem(m.seq(), m.frame().value(), m.command().value(),
                            m.autocontinue(), m.param1(), m.param2(), m.param3(), m.param4(), m.x(), m.y(), m.z(),
                            m.missionType().value())));
            case 40 -> CODEC.decode(f, MissionRequest.class).ifPresent(m -> missions.onRequest(ch, f.sysId(),
                    f.compId(), m.seq(), m.missionType().value(), true));
            case 51 -> CODEC.decode(f, MissionRequestInt.class).ifPresent(m -> missions.onRequest(ch, f.sysId(),
                    f.compId(), m.seq(), m.missionType().value(), false));
            case 43 -> CODEC.decode(f, MissionRequestList.class).ifPresent(m -> missions.onRequestList(ch,
                    f.sysId(), f.compId(), m.missionType().value()));
            case 44 -> CODEC.decode(f, MissionCount.class).ifPresent(m -> missions.onCount(ch, f.sysId(),
                    f.compId(), m.count(), m.missionType().value()));
            case 45 -> CODEC.decode(f, MissionClearAll.class).ifPresent(m -> {
                missions.onClearAll(ch, f.sysId(), f.compId(), m.missionType().value());
            });
            case 41 -> CODEC.decode(f, MissionSetCurrent.class).ifPresent(m -> auto.onMissionSetCurrent(m.seq()));
            case 66 -> CODEC.decode(f, RequestDataStream.class).ifPresent(m -> streams.onRequestDataStream(ch, m));
            case 75 -> CODEC.decode(f, CommandInt.class).ifPresent(m -> commands.onCommandInt(ch, m, f));
            case 76 -> CODEC.decode(f, CommandLong.class).ifPresent(m -> commands.onCommandLong(ch, m, f));
            case 86 -> CODEC.decode(f, SetPositionTargetGlobalInt.class).ifPresent(guided::onSetPositionTarget);
            case 256 -> CODEC.decode(f, SetupSigning.class).ifPresent(m -> signing.onSetupSigning(m, f));
            case 111 -> CODEC.decode(f, Timesync.class).ifPresent(m -> {
                if (m.tc1() == 0) {
                    out.reply(ch, Timesync.builder().tc1(state.now()).ts1(m.ts1()).targetSystem(f.sysId())
                            .targetComponent(f.compId()).build());
                }
            });
            default -> {
                if (SimRemoteId.handles(msgId)) {
                    remoteId.onFrame(f, CODEC);
                }
            }
        }
    }

    private static SimMissionItem fromFloatItem(MissionItem m) {
        int frame = m.frame().value();
        boolean global = frame == 0 || frame == 3 || frame == 10;
        int x = global ? (int) Math.round(m.x() * 1e7) : Math.round(m.x());
        int y = global ? (int) Math.round(m.y() * 1e7) : Math.round(m.y());
        return new SimMissionItem(m.seq(), frame, m.command().value(), m.autocontinue(), m.param1(), m.param2(),
                m.param3(), m.param4(), x, y, m.z(), m.missionType().value());
    }
}
