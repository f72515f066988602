package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.MissionProtocolTest.item;
import static org.vigie.sim.MissionProtocolTest.upload;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

/** LOITER_TURNS, DO_CHANGE_SPEED, DO_JUMP and NAV_LAND in AUTO, proven on the ground truth. */
class AutoCommandsTest {

    static MissionItemInt full(int seq, int frame, int cmd, float p1, float p2, float p3, int x, int y, float z) {
        return MissionItemInt.builder().targetSystem(1).targetComponent(1).seq(seq)
                .frame(EnumValue.<MavFrame>create(frame)).command(EnumValue.<MavCmd>create(cmd)).current(0)
                .autocontinue(1).param1(p1).param2(p2).param3(p3).param4(0).x(x).y(y).z(z)
                .missionType(EnumValue.<MavMissionType>create(0)).build();
    }

    @Test
    void loiterTurnsJumpSpeedAndLand() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        GeoNe geo = new GeoNe(48.8566, 2.3522);
        gcs.advance(1);
        List<MissionItemInt> m = List.of(item(0, 0, 16, 0, 0, 0, 0, 0),
                item(1, 6, 22, 0, 0, 0, 15, 0),
                full(2, 2, 178, 1, 5, 0, 0, 0, 0),                                   // 5 m/s
                full(3, 6, 16, 0, 0, 0, geo.latE7(60), geo.lonE7(0), 15),          // WP 60 m north
                full(4, 6, 18, 1, 0, 20, geo.latE7(60), geo.lonE7(60), 15),        // one turn, r 20 m
                full(5, 2, 177, 3, 1, 0, 0, 0, 0),                                   // jump to 3 once
                full(6, 6, 21, 0, 0, 0, 0, 0, 0));                                   // land here
        assertThat(upload(gcs, m, 0)).last().isEqualTo("<- MISSION_ACK type=0");
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(176, 1, 3));
        gcs.send(cmd(300));
        gcs.advance(300);
        assertThat(gcs.all(MissionItemReached.class)).extracting(MissionItemReached::seq)
                .containsExactly(2, 3, 4, 3, 4, 6);
        assertThat(v[0].armed()).isFalse();
        List<TruthSample> t = v[0].groundTruth().samples();
        double maxSpeed = t.stream().mapToDouble(TruthSample::groundSpeedMps).max().orElseThrow();
        assertThat(maxSpeed).isCloseTo(5.0, Offset.offset(0.3));
        // the orbit: points 20 m from the loiter centre on both sides of it
        assertThat(t).anyMatch(p -> Math.abs(p.northM() - 80) < 2 && Math.abs(p.eastM() - 60) < 3);
        assertThat(t).anyMatch(p -> Math.abs(p.northM() - 40) < 2 && Math.abs(p.eastM() - 60) < 3);
        TruthSample end = t.get(t.size() - 1);
        assertThat(end.altitudeRelM()).isZero();
        assertThat(Math.hypot(end.northM() - 60, end.eastM() - 40)).isLessThan(25);
    }
}
