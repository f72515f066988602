package org.vigie.link.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.testkit.TestPort;
import org.vigie.link.time.ManualScheduler;

class AttachedAutopilotTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final TestPort port = new TestPort(scheduler, 255, 190);
    private final AttachedAutopilot autopilot = port.autopilot();
    private final List<AutopilotReboot> reboots = new ArrayList<>();

    private static Heartbeat heartbeat(MavAutopilot autopilot, MavType type, MavState state, boolean armed) {
        return Heartbeat.builder().type(type).autopilot(autopilot).baseMode(EnumValue.create(armed ? 0x81 : 0x01))
                .customMode(4).systemStatus(state).mavlinkVersion(3).build();
    }

    private static Heartbeat copter(MavState state, boolean armed) {
        return heartbeat(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, MavType.MAV_TYPE_QUADROTOR, state, armed);
    }

    private void run() {
        scheduler.advance(Duration.ofMillis(1));
    }

    @Test
    void locksOntoTheFirstFlyingAutopilotOnComponentOneAndFollowsOnlyIt() {
        port.inject(heartbeat(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, MavType.MAV_TYPE_GIMBAL,
                MavState.MAV_STATE_ACTIVE, false), 1, 1);
        port.inject(heartbeat(MavAutopilot.MAV_AUTOPILOT_INVALID, MavType.MAV_TYPE_GCS, MavState.MAV_STATE_ACTIVE,
                false), 255, 1);
        port.inject(copter(MavState.MAV_STATE_STANDBY, false), 3, 154);
        run();
        assertThat(autopilot.heard()).isFalse();
        assertThat(autopilot.vehicle()).isEmpty();
        assertThat(autopilot.get().systemId()).isEqualTo(1);

        port.inject(heartbeat(MavAutopilot.MAV_AUTOPILOT_PX4, MavType.MAV_TYPE_QUADROTOR, MavState.MAV_STATE_STANDBY,
                false), 7, 1);
        port.inject(copter(MavState.MAV_STATE_STANDBY, true), 8, 1);
        run();
        assertThat(autopilot.sysId()).isEqualTo(7);
        assertThat(autopilot.compId()).isEqualTo(1);
        assertThat(autopilot.flavour()).isEqualTo(AutopilotFlavour.PX4);
        assertThat(autopilot.heartbeats()).isEqualTo(1);
        assertThat(autopilot.vehicle()).get().extracting(Vehicle::armed).isEqualTo(false);
        assertThat(port.vehicle()).isEqualTo(autopilot.vehicle());
    }

    @Test
    void aRequiredSystemIsLockedOntoAndAConflictIsRefused() {
        port.inject(copter(MavState.MAV_STATE_STANDBY, false), 4, 1);
        run();
        assertThat(autopilot.sysId()).isEqualTo(4);
        autopilot.requireSystem(6);
        run();
        assertThat(autopilot.heard()).isFalse();
        port.inject(copter(MavState.MAV_STATE_STANDBY, false), 4, 1);
        port.inject(copter(MavState.MAV_STATE_STANDBY, false), 6, 1);
        run();
        assertThat(autopilot.sysId()).isEqualTo(6);
        assertThat(autopilot.heartbeats()).isEqualTo(2);
        autopilot.requireSystem(6);
        assertThatThrownBy(() -> autopilot.requireSystem(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autopilot system id 9 was asked, but the port is configured for system 6");
        assertThatThrownBy(() -> autopilot.requireSystem(0))
                .hasMessage("autopilot system id 0 must be -1 or 1..255");
    }

    @Test
    void oneRebootIsReportedOnceBeforeTheFirstMessageOfTheNewBootIsDelivered() {
        List<String> order = new ArrayList<>();
        autopilot.subscribeReboots(r -> {
            reboots.add(r);
            order.add("reboot");
        });
        port.subscribe(Attitude.class, (m, f) -> order.add("attitude " + m.timeBootMs()));
        port.inject(copter(MavState.MAV_STATE_ACTIVE, false), 1, 1);
        port.inject(Attitude.builder().timeBootMs(90_000).build(), 1, 1);
        port.inject(GlobalPositionInt.builder().timeBootMs(90_000).build(), 1, 1);
        port.inject(Attitude.builder().timeBootMs(89_200).build(), 1, 1);   // jitter
        run();
        assertThat(reboots).isEmpty();
        port.inject(copter(MavState.MAV_STATE_BOOT, false), 1, 1);         // the BOOT heartbeat shows it...
        port.inject(Attitude.builder().timeBootMs(3000).build(), 1, 1);    // ...its clues are not counted again
        port.inject(GlobalPositionInt.builder().timeBootMs(310).build(), 1, 1);
        port.inject(copter(MavState.MAV_STATE_BOOT, false), 1, 1);
        run();
        assertThat(reboots).singleElement().isEqualTo(new AutopilotReboot(1, 1,
                "HEARTBEAT back in MAV_STATE_BOOT after state 4"));
        assertThat(autopilot.reboots()).isEqualTo(1);
        port.inject(Attitude.builder().timeBootMs(100).build(), 1, 1);
        run();
        assertThat(reboots).hasSize(2);
        assertThat(reboots.get(1).reason()).isEqualTo("time_boot_ms of message 30 went back from 3000 to 100");
        assertThat(order).containsExactly("attitude 90000", "attitude 89200", "reboot", "attitude 3000", "reboot",
                "attitude 100");
    }

    @Test
    void aDisarmedHeartbeatAfterASilenceHighInTheAirIsAReboot() {
        autopilot.subscribeReboots(reboots::add);
        port.inject(copter(MavState.MAV_STATE_ACTIVE, true), 1, 1);
        port.inject(GlobalPositionInt.builder().timeBootMs(5000).relativeAlt(-20_000).build(), 1, 1);
        scheduler.advance(Duration.ofSeconds(4));
        port.inject(copter(MavState.MAV_STATE_STANDBY, false), 1, 1);   // below home: no fall to explain
        run();
        assertThat(reboots).isEmpty();
        port.inject(copter(MavState.MAV_STATE_ACTIVE, true), 1, 1);
        port.inject(GlobalPositionInt.builder().timeBootMs(6000).relativeAlt(30_000).build(), 1, 1);
        scheduler.advance(Duration.ofMillis(2500));
        port.inject(copter(MavState.MAV_STATE_STANDBY, false), 1, 1);
        run();
        assertThat(reboots).singleElement().extracting(AutopilotReboot::reason)
                .isEqualTo("HEARTBEAT disarmed after 2500 ms of silence, last seen armed 30.0 m above home");
        assertThat(autopilot.heartbeatAgeMs()).isEqualTo(1);
    }
}
