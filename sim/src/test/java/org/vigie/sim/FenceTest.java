package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.AutoMissionTest.paramSet;
import static org.vigie.sim.GuidedExtrasTest.cmdInt;
import static org.vigie.sim.MissionProtocolTest.item;
import static org.vigie.sim.MissionProtocolTest.upload;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.FenceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

class FenceTest {

    /** A 400 m square around home: the circle fence (FENCE_RADIUS 150 m) is tighter than the polygon. */
    private static TestGcs withSquareFence(ManualScheduler s, SimVehicle[] v, GeoNe geo) {
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        assertThat(upload(gcs, List.of(item(0, 0, 5001, 4, geo.latE7(200), geo.lonE7(-200), 0, 1),
                item(1, 0, 5001, 4, geo.latE7(200), geo.lonE7(200), 0, 1),
                item(2, 0, 5001, 4, geo.latE7(-200), geo.lonE7(200), 0, 1),
                item(3, 0, 5001, 4, geo.latE7(-200), geo.lonE7(-200), 0, 1)), 1)).last()
                .isEqualTo("<- MISSION_ACK type=0");
        return gcs;
    }

    @Test
    void fenceTypeIsTakenWhenFenceEnableIsSet() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        GeoNe geo = new GeoNe(48.8566, 2.3522);
        TestGcs gcs = withSquareFence(s, v, geo);
        gcs.send(cmd(511, 162, 500_000));
        gcs.advance(1);
        assertThat(gcs.all(FenceStatus.class)).as("no FENCE_STATUS while the fence is disabled").isEmpty();
        gcs.send(paramSet("FENCE_TYPE", 5));
        gcs.send(paramSet("FENCE_ENABLE", 1));
        gcs.send(paramSet("FENCE_TYPE", 7));   // too late: the circle stays off
        gcs.advance(1);
        assertThat(gcs.all(FenceStatus.class)).isNotEmpty();
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 20));
        gcs.advance(20);
        gcs.send(cmdInt(192, 6, -1, geo.latE7(180), geo.lonE7(0), 20));   // 180 m: outside the circle, inside
        gcs.send(cmdInt(192, 6, -1, geo.latE7(250), geo.lonE7(0), 20));   // outside the polygon
        gcs.send(cmdInt(192, 6, -1, geo.latE7(10), geo.lonE7(0), 150));   // above FENCE_ALT_MAX 100
        gcs.advance(0.1);
        assertThat(gcs.all(CommandAck.class)).extracting(a -> a.result().value()).endsWith(0, 4, 4);
    }

    @Test
    void breachSwitchesToRtlAndIgnoresTheFenceForTenSeconds() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        GeoNe geo = new GeoNe(48.8566, 2.3522);
        TestGcs gcs = withSquareFence(s, v, geo);
        gcs.send(paramSet("FENCE_TYPE", 4));
        gcs.send(paramSet("FENCE_ENABLE", 1));
        gcs.send(paramSet("AVOID_ENABLE", 0));
        gcs.send(cmd(511, 162, 200_000));
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 20));
        gcs.advance(20);
        v[0].faults().wind(0, 25, 0);   // blown east across the edge at 200 m
        gcs.advance(40);
        assertThat(gcs.texts()).contains("Polygon fence breached", "Manual recovery started");
        assertThat(v[0].mode()).isEqualTo(CopterMode.RTL);
        FenceStatus st = gcs.lastWhere(FenceStatus.class, f -> f.breachStatus() == 1).orElseThrow();
        assertThat(st.breachType().value()).isEqualTo(3);
        assertThat(st.breachCount()).isEqualTo(1);
    }
}
