package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.MissionProtocolTest.item;
import static org.vigie.sim.MissionProtocolTest.upload;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

class AutoMissionTest {

    static ParamSet paramSet(String name, float value) {
        return ParamSet.builder().targetSystem(1).targetComponent(1).paramId(name).paramValue(value)
                .paramType(EnumValue.<MavParamType>create(9)).build();
    }

    /** The session3 mission: takeoff 30 m, ROI, three waypoints, loiter 10 s, ROI none, RTL. */
    static List<io.dronefleet.mavlink.common.MissionItemInt> session3Mission() {
        return List.of(item(0, 0, 16, 0, 488566000, 23522000, 0, 0), item(1, 6, 22, 0, 0, 0, 30, 0),
                item(2, 6, 195, 0, 488560610, 23512443, 0, 0), item(3, 6, 16, 0, 488574085, 23522000, 30, 0),
                item(4, 6, 16, 0, 488569593, 23535653, 30, 0), item(5, 6, 16, 0, 488564203, 23522000, 30, 0),
                item(6, 6, 19, 10, 488564203, 23522000, 30, 0), item(7, 2, 197, 0, 0, 0, 0, 0),
                item(8, 2, 20, 0, 0, 0, 0, 0));
    }

    @Test
    void autoMissionLikeSession3() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(cmd(511, 42, 500000));
        assertThat(upload(gcs, session3Mission(), 0)).last().isEqualTo("<- MISSION_ACK type=0");
        gcs.advance(1);
        assertThat(gcs.last(MissionCurrent.class).get().total()).isEqualTo(8);
        assertThat(gcs.last(MissionCurrent.class).get().missionState().value()).isEqualTo(2);

        int mark = gcs.mark();
        gcs.send(cmd(176, 1, 3));
        gcs.send(cmd(400, 1));
        gcs.advance(0.6);
        assertThat(gcs.since(mark).stream().map(TestGcs.Rx::message).filter(m -> m instanceof CommandAck)
                .map(m -> ((CommandAck) m).result().value())).containsExactly(0, 4);
        assertThat(gcs.texts()).contains("Mission: 1 Takeoff", "Arm: AUTO mode not armable");
        MissionCurrent mc = gcs.last(MissionCurrent.class).get();
        assertThat(mc.seq()).isEqualTo(1);
        assertThat(mc.missionState().value()).isEqualTo(3);

        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(176, 1, 3));
        gcs.advance(3);
        assertThat(v[0].armed()).isTrue();
        assertThat(v[0].groundTruth().latest().altitudeRelM()).isZero();

        gcs.send(cmd(300, 0, 0));
        gcs.advance(200);
        assertThat(gcs.all(MissionItemReached.class)).extracting(MissionItemReached::seq)
                .containsExactly(2, 3, 4, 5, 7, 8);
        assertThat(gcs.texts()).contains("Reached command #3", "Reached command #4", "Reached command #5",
                "Reached command #6", "Mission: 8 RTL").doesNotContain("Reached command #1");
        assertThat(v[0].armed()).isFalse();
        mc = gcs.last(MissionCurrent.class).get();
        assertThat(mc.seq()).isZero();
        assertThat(mc.missionState().value()).isEqualTo(5);
        assertThat(gcs.last(Heartbeat.class).get().customMode()).isEqualTo(3);
        assertThat(gcs.last(Heartbeat.class).get().baseMode().value()).isEqualTo(0x51);
        assertThat(v[0].groundTruth().maxAltitudeRelM()).isBetween(29.5, 30.5);
        // the waypoint 3 (about 84 m north) was really visited
        assertThat(v[0].groundTruth().samples()).anyMatch(t -> Math.abs(t.northM() - 84.0) < 2.5
                && Math.abs(t.eastM()) < 2.5);
        System.out.println("flight ended at " + v[0].groundTruth().latest().timeS());
    }
}
