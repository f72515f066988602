package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.PositionTargetTypemask;
import io.dronefleet.mavlink.common.SetPositionTargetGlobalInt;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

/**
 * Takeoff to 30 m, a 500 m leg, RTL and landing: the times and the energy must be those the parameters imply
 * (WPNAV_SPEED 10 m/s, WPNAV_ACCEL 2.5 m/s², WPNAV_SPEED_UP 2.5 m/s, WPNAV_ACCEL_Z 1 m/s², WPNAV_SPEED_DN 1.5 m/s,
 * LAND_SPEED 0.5 m/s below 10 m, RTL_LOIT_TIME 5 s), and the ground truth must show the path really flown.
 */
class PhysicsTest {

    static SetPositionTargetGlobalInt goTo(int latE7, int lonE7, float altRel) {
        return SetPositionTargetGlobalInt.builder().timeBootMs(0).targetSystem(1).targetComponent(1)
                .coordinateFrame(EnumValue.<MavFrame>create(6))
                .typeMask(EnumValue.<PositionTargetTypemask>create(0x0FF8)).latInt(latE7).lonInt(lonE7)
                .alt(altRel).build();
    }

    @Test
    void takeoffLegRtlAndLandTakeWhatTheParametersImply() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        SimVehicle sim = v[0];
        GroundTruth truth = sim.groundTruth();
        Duration step = Duration.ofMillis(50);
        gcs.advance(1);
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 30));
        double t0 = s.nanoTime() / 1e9;
        assertThat(s.advanceUntil(() -> truth.latest().altitudeRelM() >= 29.7, step, Duration.ofSeconds(60)))
                .isTrue();
        double takeoffS = s.nanoTime() / 1e9 - t0;
        // 2 s spool-up, then 2.5 m/s with 1 m/s² ramps: 2 + 23.75/2.5 + 2*2.5 = 16.5 s (ArduCopter: 16.3 s)
        assertThat(takeoffS).isBetween(14.0, 20.0);

        GeoNe geo = new GeoNe(sim.config().homeLatDeg(), sim.config().homeLonDeg());
        int latE7 = geo.latE7(500);
        int lonE7 = geo.lonE7(0);
        gcs.send(goTo(latE7, lonE7, 30));
        double t1 = s.nanoTime() / 1e9;
        boolean arrived = s.advanceUntil(() -> truth.latest().northM() >= 499.0
                && truth.latest().groundSpeedMps() < 0.5, step, Duration.ofSeconds(120));
        assertThat(arrived).as("arrived, last truth %s", truth.latest()).isTrue();
        double legS = s.nanoTime() / 1e9 - t1;
        // 460 m at 10 m/s + 2 x 4 s of 2.5 m/s² ramps = 54 s
        assertThat(legS).isBetween(52.0, 62.0);
        assertThat(truth.latest().altitudeRelM()).isBetween(29.5, 30.5);

        gcs.send(cmd(176, 1, 6));
        double t2 = s.nanoTime() / 1e9;
        assertThat(s.advanceUntil(() -> !sim.armed(), step, Duration.ofSeconds(200))).isTrue();
        double rtlS = s.nanoTime() / 1e9 - t2;
        // return 54 s + loiter 5 s + 20 m at 1.5 m/s + 10 m at 0.5 m/s + land detection 2 s = 94 s
        assertThat(rtlS).isBetween(88.0, 105.0);
        TruthSample end = truth.latest();
        assertThat(Math.hypot(end.northM(), end.eastM())).isLessThan(1.0);
        assertThat(end.altitudeRelM()).isZero();
        assertThat(truth.maxDistanceFromHomeM()).isBetween(499.0, 501.5);
        assertThat(truth.maxAltitudeRelM()).isBetween(29.7, 30.5);

        // energy: between a hover for the whole airborne time and the cruise/climb draw for all of it
        double airborneS = truth.samples().stream().filter(t -> t.altitudeRelM() > 0).count() * 0.05;
        double hoverA = sim.config().hoverCurrentA();
        double used = end.consumedMah();
        assertThat(used).isGreaterThan(hoverA * airborneS / 3.6);
        assertThat(used).isLessThan(hoverA * 1.3 * (airborneS + 10) / 3.6);
        System.out.printf("takeoff %.1f s, leg %.1f s, rtl+land %.1f s, airborne %.1f s, %.0f mAh%n", takeoffS,
                legS, rtlS, airborneS, used);
    }

    @Test
    void windStrongerThanTheAirframeBlowsItAway() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 20));
        gcs.advance(25);
        v[0].faults().wind(0, 25, 0);
        gcs.advance(20);
        // the airframe flies at most 18 m/s: a 25 m/s easterly drift wins by about 7 m/s
        assertThat(v[0].groundTruth().latest().eastM()).isGreaterThan(60);
        v[0].faults().wind(0, 5, 1.5);
        gcs.advance(60);
        assertThat(Math.abs(v[0].groundTruth().latest().eastM())).isLessThan(5);
    }
}
