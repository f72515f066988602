package org.vigie.link.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.command.CommandOptions;
import org.vigie.link.command.CommandService;
import org.vigie.link.command.Target;
import org.vigie.link.testkit.TestPort;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportState;
import org.vigie.link.vehicle.AutopilotFlavour;

/** The services on the real {@link MavlinkLink}: its reboot event and ours are handled once. */
class TelemetryLinkRebootTest {

    @Test
    void aRebootSeenByBothTheLinkAndTheServiceIsHandledOnce() {
        ManualScheduler s = new ManualScheduler();
        InMemoryTransport[] pair = InMemoryTransport.pair("ground", "autopilot");
        pair[1].start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
            }

            @Override
            public void onState(TransportState state, String detail) {
            }
        });
        MavlinkLink link = MavlinkLink.create(LinkConfig.of(255).withComponentId(190), s, s::execute, pair[0]);
        CommandService commands = new CommandService(link, () -> Target.autopilot(AutopilotFlavour.ARDUPILOT),
                CommandOptions.defaults());
        TelemetryService telemetry = new TelemetryService(link, () -> Target.autopilot(AutopilotFlavour.ARDUPILOT),
                commands, TelemetryOptions.defaults());
        List<String> reboots = new ArrayList<>();
        telemetry.onReboot(reboots::add);
        List<org.vigie.link.LinkEvent> linkReboots = new ArrayList<>();
        link.onEvent(e -> {
            if (e instanceof org.vigie.link.LinkEvent.AutopilotRebooted) {
                linkReboots.add(e);
            }
        });
        FrameWriter w = new FrameWriter();
        Runnable heartbeat = () -> send(pair[1], w, Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA).baseMode(EnumValue.create(0x59))
                .systemStatus(MavState.MAV_STATE_STANDBY).mavlinkVersion(3).build());
        heartbeat.run();
        s.advance(Duration.ofMillis(10));
        send(pair[1], w, Attitude.builder().timeBootMs(100_000).build());
        s.advance(Duration.ofMillis(10));
        assertThat(telemetry.state().attitude()).isNotNull();
        send(pair[1], w, Attitude.builder().timeBootMs(700).build());
        s.advance(Duration.ofMillis(50));
        assertThat(linkReboots).hasSize(1); // the link saw it too
        assertThat(reboots).hasSize(1);
        assertThat(telemetry.state().attitude().timeBootMs()).isEqualTo(700);
        link.close();
        s.advance(Duration.ofMillis(10));
    }

    private static void send(InMemoryTransport t, FrameWriter w, Object message) {
        byte[] raw = w.encodeV2(1, 1, MessageTable.idOf(message.getClass()), TestPort.codec().encodePayload(message),
                null).raw();
        t.send(raw, 0, raw.length);
    }
}
