package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.AutoMissionTest.paramSet;
import static org.vigie.sim.PhysicsTest.goTo;
import static org.vigie.sim.SimSmokeTest.cmd;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

/**
 * Each navigation parameter of an aircraft profile changes the simulated flight as it does ArduCopter's: WPNAV_SPEED
 * the cruise speed of a GUIDED position target, WPNAV_SPEED_UP the climb, WPNAV_SPEED_DN the descent, WPNAV_ACCEL the
 * ramp to cruise speed, and a position target with a height change is flown climbing while moving along the straight
 * 3-D line (AC_WPNav). Each figure is measured from the ground truth with the parameter at two values.
 */
class ProfileParamsTest {

    private static final Duration STEP = Duration.ofMillis(50);

    /** A vehicle armed and hovering at {@code altM}, with the parameters set before the take-off. */
    private static final class Rig {
        final ManualScheduler s = new ManualScheduler();
        final SimVehicle sim;
        final TestGcs gcs;
        final GeoNe geo;

        Rig(double altM, Object... params) {
            SimVehicle[] v = new SimVehicle[1];
            gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
            sim = v[0];
            geo = new GeoNe(sim.config().homeLatDeg(), sim.config().homeLonDeg());
            gcs.advance(1);
            for (int i = 0; i < params.length; i += 2) {
                gcs.send(paramSet((String) params[i], ((Number) params[i + 1]).floatValue()));
            }
            gcs.advance(0.5);
            gcs.send(cmd(176, 1, 4));
            gcs.send(cmd(400, 1));
            gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, (float) altM));
            assertThat(s.advanceUntil(() -> truth().altitudeRelM() >= altM - 0.3, STEP, Duration.ofSeconds(120)))
                    .isTrue();
            gcs.advance(3);
        }

        TruthSample truth() {
            return sim.groundTruth().latest();
        }

        double seconds() {
            return s.nanoTime() / 1e9;
        }

        /** Flies to a point north of home at an altitude; returns the seconds until stopped there. */
        double flyNorth(double northM, double altM) {
            gcs.send(goTo(geo.latE7(northM), geo.lonE7(0), (float) altM));
            double t0 = seconds();
            assertThat(s.advanceUntil(() -> Math.abs(truth().northM() - northM) < 1.0
                    && Math.abs(truth().altitudeRelM() - altM) < 0.5 && truth().groundSpeedMps() < 0.5, STEP,
                    Duration.ofSeconds(300))).as("arrived, last %s", truth()).isTrue();
            return seconds() - t0;
        }
    }

    private static double takeoffS(Object... params) {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        for (int i = 0; i < params.length; i += 2) {
            gcs.send(paramSet((String) params[i], ((Number) params[i + 1]).floatValue()));
        }
        gcs.advance(0.5);
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 60));
        double t0 = s.nanoTime() / 1e9;
        assertThat(s.advanceUntil(() -> v[0].groundTruth().latest().altitudeRelM() >= 59.7, STEP,
                Duration.ofSeconds(120))).isTrue();
        return s.nanoTime() / 1e9 - t0;
    }

    @Test
    void wpnavSpeedSetsTheCruiseSpeed() {
        double slow = new Rig(20, "WPNAV_SPEED", 800).flyNorth(600, 20);
        double fast = new Rig(20, "WPNAV_SPEED", 1500).flyNorth(600, 20);
        // 600 m: 8 m/s about 75 + 3.2 s of ramps, 15 m/s about 40 + 6 s
        assertThat(slow).isBetween(75.0, 85.0);
        assertThat(fast).isBetween(42.0, 50.0);
    }

    @Test
    void wpnavSpeedUpSetsTheClimbRate() {
        double slow = takeoffS("WPNAV_SPEED_UP", 250);
        double fast = takeoffS("WPNAV_SPEED_UP", 500);
        // 3 s arming delay and spool-up, then 60 m at 2.5 m/s (24 s) or 5 m/s (12 s) plus the 1 m/s² ramps
        assertThat(slow).isBetween(27.0, 33.0);
        assertThat(fast).isBetween(16.0, 22.0);
    }

    @Test
    void wpnavSpeedDnSetsTheDescentRate() {
        Rig slow = new Rig(60, "WPNAV_SPEED_DN", 150);
        Rig fast = new Rig(60, "WPNAV_SPEED_DN", 300);
        double slowS = slow.flyNorth(0, 15);
        double fastS = fast.flyNorth(0, 15);
        // 45 m down at 1.5 m/s (30 s) or 3 m/s (15 s), plus the ramps
        assertThat(slowS).isBetween(30.0, 36.0);
        assertThat(fastS).isBetween(15.0, 21.0);
    }

    @Test
    void wpnavAccelSetsTheRampToCruiseSpeed() {
        // a short leg never reaches cruise speed: its time is set by the acceleration, 2 sqrt(d / a)
        double soft = new Rig(20, "WPNAV_SPEED", 1500, "WPNAV_ACCEL", 100).flyNorth(60, 20);
        double hard = new Rig(20, "WPNAV_SPEED", 1500, "WPNAV_ACCEL", 400).flyNorth(60, 20);
        assertThat(soft).isBetween(14.0, 20.0); // 2 sqrt(60 / 1) = 15.5 s
        assertThat(hard).isBetween(7.0, 11.0); // 2 sqrt(60 / 4) = 7.7 s
    }

    @Test
    void aPositionTargetWithAClimbIsFlownClimbingWhileMovingAlongTheStraightLine() {
        Rig r = new Rig(10, "WPNAV_SPEED", 1500, "WPNAV_SPEED_UP", 500);
        r.gcs.send(goTo(r.geo.latE7(400), r.geo.lonE7(0), 60));
        double t0 = r.seconds();
        double[] atHalfway = {Double.NaN};
        assertThat(r.s.advanceUntil(() -> {
            if (Double.isNaN(atHalfway[0]) && r.truth().northM() >= 200) {
                atHalfway[0] = r.truth().altitudeRelM();
            }
            return r.truth().northM() > 399 && r.truth().altitudeRelM() > 59.5;
        }, STEP, Duration.ofSeconds(120))).isTrue();
        double s = r.seconds() - t0;
        // the climb happens along the leg, not before it: halfway out, about halfway up (10 + 25 m)
        assertThat(atHalfway[0]).isBetween(30.0, 40.0);
        // the horizontal sets the pace (400 m at 15 m/s + ramps, about 32 s): the 50 m climb (10 s at 5 m/s) is free
        assertThat(s).isBetween(30.0, 36.0);
    }
}
