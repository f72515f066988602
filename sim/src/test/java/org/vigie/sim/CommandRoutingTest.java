package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.MissionProtocolTest.item;
import static org.vigie.sim.MissionProtocolTest.upload;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.AutopilotVersion;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MessageInterval;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.common.ParamRequestList;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.Timesync;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

/**
 * The messages and commands each part of the simulator answers that the flight tests do not exercise: message
 * intervals and requests (streams), REQUEST_DATA_STREAM groups, parameter read and list, DO_SET_HOME,
 * DO_FENCE_ENABLE, NAV_RETURN_TO_LAUNCH / NAV_LAND as mode changes, MISSION_SET_CURRENT and TIMESYNC.
 */
class CommandRoutingTest {

    private static TestGcs readyVehicle(ManualScheduler s, SimVehicle[] v) {
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        return gcs;
    }

    private static int lastAck(TestGcs gcs, int command) {
        return gcs.lastWhere(CommandAck.class, a -> a.command().value() == command).orElseThrow().result().value();
    }

    private static List<String> names(List<TestGcs.Rx> received, String... kept) {
        List<String> wanted = List.of(kept);
        return received.stream().map(rx -> rx.message() == null ? "?" : rx.message().getClass().getSimpleName())
                .filter(wanted::contains).toList();
    }

    @Test
    void messageIntervalsAndRequestsAreAnsweredByTheStreams() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = readyVehicle(s, v);

        gcs.send(cmd(510, 33));
        gcs.advance(0.05);
        assertThat(gcs.last(MessageInterval.class).orElseThrow().intervalUs()).isEqualTo(-1);
        gcs.send(cmd(511, 33, 200_000));
        gcs.send(cmd(510, 33));
        gcs.advance(0.05);
        assertThat(gcs.last(MessageInterval.class).orElseThrow().intervalUs()).isEqualTo(200_000);
        gcs.send(cmd(510, 0));
        gcs.advance(0.05);
        assertThat(gcs.last(MessageInterval.class).orElseThrow().intervalUs()).isEqualTo(1_000_000);
        gcs.send(cmd(511, 33, -1));
        gcs.send(cmd(510, 33));
        gcs.advance(0.05);
        assertThat(gcs.last(MessageInterval.class).orElseThrow().intervalUs()).isEqualTo(-1);
        int mark = gcs.mark();
        gcs.advance(1);
        assertThat(gcs.since(mark)).noneMatch(rx -> rx.message() instanceof GlobalPositionInt);
        gcs.send(cmd(511, 77, 100_000));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 511)).as("DENIED: ArduCopter has no ap_message for COMMAND_ACK").isEqualTo(2);
        assertThat(gcs.texts()).contains("No ap_message for mavlink id (77)");

        gcs.send(cmd(512, 148));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 512)).isZero();
        assertThat(gcs.last(AutopilotVersion.class).orElseThrow().flightSwVersion()).isEqualTo(0x04070000L);
        mark = gcs.mark();
        gcs.send(cmd(512, 245));
        gcs.advance(0.01);
        assertThat(names(gcs.since(mark), "CommandAck", "ExtendedSysState"))
                .containsExactly("CommandAck", "ExtendedSysState");
        assertThat(gcs.last(ExtendedSysState.class).orElseThrow().landedState().value()).isEqualTo(1);
        mark = gcs.mark();
        gcs.send(cmd(512, 0));
        gcs.advance(0.01);
        assertThat(names(gcs.since(mark), "CommandAck", "Heartbeat")).containsExactly("CommandAck", "Heartbeat");
        gcs.send(cmd(512, 77));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 512)).isEqualTo(4);
        mark = gcs.mark();
        gcs.send(cmd(520, 1));
        gcs.advance(0.01);
        assertThat(names(gcs.since(mark), "AutopilotVersion", "CommandAck"))
                .containsExactly("AutopilotVersion", "CommandAck");
        gcs.send(cmd(519));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 519)).isEqualTo(3);
    }

    @Test
    void dataStreamGroupsAndParameterReads() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = readyVehicle(s, v);

        gcs.send(RequestDataStream.builder().targetSystem(1).targetComponent(1).reqStreamId(6).reqMessageRate(5)
                .startStop(1).build());
        int mark = gcs.mark();
        gcs.advance(2);
        long positions = gcs.since(mark).stream().filter(rx -> rx.message() instanceof GlobalPositionInt).count();
        assertThat(positions).isBetween(9L, 11L);
        gcs.send(RequestDataStream.builder().targetSystem(1).targetComponent(1).reqStreamId(6).reqMessageRate(5)
                .startStop(0).build());
        mark = gcs.mark();
        gcs.advance(1);
        assertThat(gcs.since(mark)).noneMatch(rx -> rx.message() instanceof GlobalPositionInt);

        mark = gcs.mark();
        gcs.send(ParamRequestRead.builder().targetSystem(1).targetComponent(1).paramId("WPNAV_SPEED")
                .paramIndex(-1).build());
        gcs.advance(0.08);
        assertThat(gcs.since(mark)).noneMatch(rx -> rx.message() instanceof ParamValue);
        gcs.advance(0.02);
        ParamValue read = gcs.last(ParamValue.class).orElseThrow();
        assertThat(read.paramId()).isEqualTo("WPNAV_SPEED");
        assertThat(read.paramIndex()).isEqualTo(65535);
        assertThat(read.paramValue()).isEqualTo((float) v[0].params().value("WPNAV_SPEED"));

        mark = gcs.mark();
        gcs.send(ParamRequestList.builder().targetSystem(1).targetComponent(1).build());
        gcs.advance(0.01);
        List<ParamValue> all = gcs.since(mark).stream().filter(rx -> rx.message() instanceof ParamValue)
                .map(rx -> (ParamValue) rx.message()).toList();
        assertThat(all).hasSize(v[0].params().count());
        assertThat(all).allMatch(p -> p.paramCount() == v[0].params().count());
        assertThat(all).extracting(ParamValue::paramIndex).isSorted();
    }

    @Test
    void homeFenceModeCommandsMissionSetCurrentAndTimesync() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = readyVehicle(s, v);
        gcs.send(cmd(511, 242, 100_000));
        gcs.send(cmd(511, 1, 100_000));
        gcs.advance(0.5);
        assertThat(gcs.last(HomePosition.class).orElseThrow().latitude()).isEqualTo(488566000);

        gcs.send(cmd(179, 0, 0, 0, 0, 48.86f, 2.36f, 50));
        gcs.advance(0.5);
        assertThat(lastAck(gcs, 179)).isZero();
        HomePosition home = gcs.last(HomePosition.class).orElseThrow();
        assertThat(home.latitude()).isCloseTo(488600000, org.assertj.core.data.Offset.offset(10));
        assertThat(home.altitude()).isEqualTo(50_000);
        gcs.send(cmd(179, 0));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 179)).isEqualTo(4);

        gcs.send(cmd(207, 1));
        gcs.advance(0.5);
        assertThat(lastAck(gcs, 207)).isZero();
        assertThat(gcs.last(SysStatus.class).orElseThrow().onboardControlSensorsEnabled().value() & 0x100000)
                .isNotZero();
        gcs.send(cmd(207, 0));
        gcs.advance(0.5);
        assertThat(gcs.last(SysStatus.class).orElseThrow().onboardControlSensorsEnabled().value() & 0x100000)
                .isZero();
        gcs.send(cmd(207, 5));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 207)).isEqualTo(4);

        gcs.send(cmd(20));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 20)).isZero();
        assertThat(v[0].mode()).isEqualTo(CopterMode.RTL);
        gcs.send(cmd(21));
        gcs.advance(0.05);
        assertThat(lastAck(gcs, 21)).isZero();
        assertThat(v[0].mode()).isEqualTo(CopterMode.LAND);
        assertThat(gcs.last(Heartbeat.class).orElseThrow().customMode()).isEqualTo(CopterMode.LAND.number());

        int lat = 488566000;
        int lon = 23522000;
        upload(gcs, List.of(item(0, 0, 16, 0, lat, lon, 0, 0), item(1, 3, 22, 0, 0, 0, 20, 0),
                item(2, 3, 16, 0, lat + 1000, lon, 20, 0), item(3, 3, 16, 0, lat + 2000, lon, 20, 0)), 0);
        int mark = gcs.mark();
        gcs.send(MissionSetCurrent.builder().targetSystem(1).targetComponent(1).seq(3).build());
        gcs.advance(0.01);
        assertThat(gcs.since(mark)).anyMatch(rx -> rx.message() instanceof MissionCurrent c && c.seq() == 3);
        assertThat(gcs.texts()).contains("Mission: 3 WP");

        mark = gcs.mark();
        gcs.send(Timesync.builder().tc1(0).ts1(123_456).targetSystem(1).targetComponent(1).build());
        long sentNs = s.nanoTime();
        gcs.advance(0.01);
        Timesync reply = gcs.since(mark).stream().map(TestGcs.Rx::message).filter(Timesync.class::isInstance)
                .map(Timesync.class::cast).findFirst().orElseThrow();
        assertThat(reply.ts1()).isEqualTo(123_456);
        assertThat(reply.tc1()).isBetween(sentNs, sentNs + 10_000_000L);
    }
}
