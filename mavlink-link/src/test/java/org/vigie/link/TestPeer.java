package org.vigie.link;

import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.ArrayList;
import java.util.List;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;

/** The far end of an in-memory pair: records what the link sent (with the scheduler time) and sends raw frames. */
final class TestPeer {

    record Received(long atNanos, MavlinkFrame frame) {}

    final InMemoryTransport end;
    final List<Received> received = new ArrayList<>();
    final MessageCodec codec = new MessageCodec();
    private final FrameWriter writer = new FrameWriter();
    private final int sysId;
    private final int compId;

    TestPeer(InMemoryTransport end, ManualScheduler scheduler, int sysId, int compId) {
        this.end = end;
        this.sysId = sysId;
        this.compId = compId;
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                received.add(new Received(scheduler.nanoTime(), f.toFrame()));
            }
        });
        end.start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                parser.feed(data, offset, length);
            }
        });
    }

    /** Sends a typed message from this peer's ids. */
    MavlinkFrame send(Object message) {
        MavlinkFrame f = writer.encodeV2(sysId, compId, MessageCodec.messageId(message), codec.encodePayload(message),
                null);
        sendBytes(f.raw());
        return f;
    }

    void sendBytes(byte[] bytes) {
        end.send(bytes, 0, bytes.length);
    }

    List<MavlinkFrame> framesOf(int msgId) {
        List<MavlinkFrame> out = new ArrayList<>();
        for (Received r : received) {
            if (r.frame().msgId() == msgId) {
                out.add(r.frame());
            }
        }
        return out;
    }

    static Heartbeat heartbeat(MavAutopilot autopilot, MavType type, int baseMode, long customMode, MavState state) {
        return Heartbeat.builder()
                .type(type)
                .autopilot(autopilot)
                .baseMode(EnumValue.<MavModeFlag>create(MavModeFlag.class, baseMode))
                .customMode(customMode)
                .systemStatus(state)
                .mavlinkVersion(3)
                .build();
    }

    static Heartbeat arduCopter(long customMode, boolean armed) {
        return heartbeat(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, MavType.MAV_TYPE_QUADROTOR,
                armed ? 0xD9 : 0x59, customMode, MavState.MAV_STATE_STANDBY);
    }
}
