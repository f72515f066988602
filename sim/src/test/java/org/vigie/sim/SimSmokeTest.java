package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.util.EnumValue;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

class SimSmokeTest {

    static CommandLong cmd(int id, float... p) {
        float[] q = java.util.Arrays.copyOf(p, 7);
        return CommandLong.builder().targetSystem(1).targetComponent(1).command(EnumValue.<MavCmd>create(id))
                .confirmation(0).param1(q[0]).param2(q[1]).param3(q[2]).param4(q[3]).param5(q[4]).param6(q[5])
                .param7(q[6]).build();
    }

    @Test
    void guidedTakeoffGotoRtlLand() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        assertThat(gcs.all(Heartbeat.class)).isNotEmpty();
        gcs.send(cmd(511, 33, 250000));
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 20));
        gcs.advance(0.2);
        assertThat(gcs.all(CommandAck.class)).extracting(a -> a.result().value()).containsExactly(0, 0, 0, 0);
        gcs.advance(20);
        assertThat(v[0].groundTruth().latest().altitudeRelM()).isBetween(19.5, 20.5);
        gcs.send(cmd(176, 1, 6));
        gcs.advance(60);
        System.out.println(gcs.texts());
        assertThat(v[0].armed()).isFalse();
        assertThat(gcs.last(GlobalPositionInt.class).get().relativeAlt()).isLessThan(200);
    }
}
