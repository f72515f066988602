package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.MissionProtocolTest.download;
import static org.vigie.sim.MissionProtocolTest.item;
import static org.vigie.sim.MissionProtocolTest.upload;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

/** The PX4 flavour: autopilot 12, main/sub custom modes, missions without a home item, MISSION_REQUEST_INT. */
class Px4FlavourTest {

    @Test
    void px4MissionAndModes() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().flavour(Flavour.PX4).build(), v);
        gcs.advance(1.1);
        Heartbeat hb = gcs.last(Heartbeat.class).get();
        assertThat(hb.autopilot().value()).isEqualTo(12);
        assertThat(hb.customMode()).isEqualTo(7L << 16);

        List<String> t = upload(gcs, List.of(item(0, 6, 22, 0, 0, 0, 15, 0),
                item(1, 6, 16, 0, 488571000, 23527000, 15, 0), item(2, 2, 20, 0, 0, 0, 0, 0)), 0);
        assertThat(t).containsExactly("<- MISSION_REQUEST_INT seq=0", "<- MISSION_REQUEST_INT seq=1",
                "<- MISSION_REQUEST_INT seq=2", "<- MISSION_ACK type=0");
        List<Object> items = download(gcs, 0, false);
        assertThat(items).hasSize(3);
        assertThat(((MissionItemInt) items.get(1)).frame().value()).isEqualTo(6);
        assertThat(gcs.texts()).doesNotContain("Flight plan received");

        gcs.send(cmd(511, 42, 500_000));
        gcs.send(cmd(176, 1, 4, 4));
        gcs.send(cmd(400, 1));
        gcs.advance(0.5);
        assertThat(gcs.all(CommandAck.class)).extracting(a -> a.result().value()).containsExactly(0, 0, 0);
        assertThat(gcs.last(Heartbeat.class).get().customMode()).isEqualTo((4L << 16) | (4L << 24));
        assertThat(gcs.last(MissionCurrent.class).get().total()).isEqualTo(3);
        gcs.advance(150);
        assertThat(gcs.all(MissionItemReached.class)).extracting(MissionItemReached::seq).containsExactly(0, 1, 2);
        assertThat(v[0].armed()).isFalse();
        // PX4 returns at RTL_RETURN_ALT (60 m by default)
        assertThat(v[0].groundTruth().maxAltitudeRelM()).isBetween(59.5, 60.5);
        assertThat(v[0].groundTruth().samples()).anyMatch(x -> Math.abs(x.altitudeRelM() - 15) < 0.3
                && x.northM() > 50);
        assertThat(v[0].groundTruth().maxDistanceFromHomeM()).isGreaterThan(60);
    }

    @Test
    void px4GeofenceFollowsGfParametersWithBytewiseIntegers() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().flavour(Flavour.PX4).build(), v);
        gcs.advance(1);
        gcs.send(io.dronefleet.mavlink.common.ParamSet.builder().targetSystem(1).targetComponent(1)
                .paramId("GF_ACTION").paramValue(Float.intBitsToFloat(3))
                .paramType(io.dronefleet.mavlink.util.EnumValue.create(6)).build());
        gcs.send(AutoMissionTest.paramSet("GF_MAX_VER_DIST", 40));
        gcs.advance(0.1);
        List<io.dronefleet.mavlink.common.ParamValue> echoes = gcs.all(io.dronefleet.mavlink.common.ParamValue.class);
        assertThat(echoes).hasSize(2);
        // PX4 encodes integer parameters bytewise: the float's bits are the integer
        assertThat(Float.floatToRawIntBits(echoes.get(0).paramValue())).isEqualTo(3);
        assertThat(echoes.get(0).paramType().value()).isEqualTo(6);
        assertThat(echoes.get(1).paramValue()).isEqualTo(40f);
        assertThat(v[0].params().value("FENCE_ACTION")).isEqualTo(1);
        assertThat(v[0].params().value("FENCE_ALT_MAX")).isEqualTo(40);
    }

    @Test
    void px4AcceptsRepositionAsCommandLongAndHolds() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().flavour(Flavour.PX4).build(), v);
        gcs.advance(1);
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 45));   // PX4: AMSL, home is 35 m
        gcs.advance(20);
        assertThat(v[0].groundTruth().latest().altitudeRelM()).isBetween(9.5, 10.5);
        gcs.send(cmd(192, -1, 0, 0, 0, 48.8570f, 2.3522f, 10));
        gcs.advance(30);
        assertThat(gcs.last(CommandAck.class).get().result().value()).isZero();
        assertThat(gcs.last(Heartbeat.class).get().customMode()).isEqualTo((4L << 16) | (3L << 24));
        assertThat(v[0].groundTruth().latest().northM()).isBetween(40.0, 50.0);
    }
}
