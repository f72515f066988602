package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.AutoMissionTest.paramSet;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.minimal.Heartbeat;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

class FaultsTest {

    private static TestGcs flyingAt20m(ManualScheduler s, SimVehicle[] v) {
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 20));
        gcs.advance(25);
        assertThat(v[0].groundTruth().latest().altitudeRelM()).isGreaterThan(19);
        return gcs;
    }

    @Test
    void linkLossSilencesBothDirectionsButTheVehicleKeepsFlying() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = flyingAt20m(s, v);
        v[0].faults().linkLoss(true);
        int mark = gcs.mark();
        gcs.send(cmd(176, 1, 6));
        gcs.advance(5);
        assertThat(gcs.since(mark)).isEmpty();
        assertThat(v[0].mode()).isEqualTo(CopterMode.GUIDED);
        assertThat(v[0].groundTruth().latest().altitudeRelM()).isGreaterThan(19);
        v[0].faults().linkLoss(false);
        gcs.advance(1.5);
        assertThat(gcs.since(mark)).anyMatch(r -> r.message() instanceof Heartbeat);
    }

    @Test
    void gcsFailsafeReturnsHomeWhenEnabledAndTheLinkIsLost() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = flyingAt20m(s, v);
        gcs.send(paramSet("FS_GCS_ENABLE", 1));
        gcs.send(new io.dronefleet.mavlink.minimal.Heartbeat.Builder().type(io.dronefleet.mavlink.util.EnumValue
                .create(6)).autopilot(io.dronefleet.mavlink.util.EnumValue.create(8)).baseMode(
                io.dronefleet.mavlink.util.EnumValue.create(0)).customMode(0).systemStatus(
                io.dronefleet.mavlink.util.EnumValue.create(4)).mavlinkVersion(3).build());
        gcs.advance(1);
        v[0].faults().linkLoss(true);
        gcs.advance(7);
        assertThat(v[0].mode()).isEqualTo(CopterMode.RTL);
    }

    @Test
    void degradedLinkDropsAndDuplicatesDeterministically() {
        long[] counts = new long[2];
        for (int run = 0; run < 2; run++) {
            ManualScheduler s = new ManualScheduler();
            SimVehicle[] v = new SimVehicle[1];
            TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().seed(42).build(), v);
            v[0].faults().linkQuality(0.3, 0.1, 0.1, 0.1);
            gcs.send(cmd(511, 33, 50_000));
            gcs.advance(0.01);
            gcs.send(cmd(511, 33, 50_000));
            gcs.send(cmd(511, 33, 50_000));
            gcs.advance(20);
            counts[run] = gcs.received.size();
        }
        assertThat(counts[0]).isEqualTo(counts[1]);
        // 20 Hz position + 1 Hz heartbeat for 20 s, minus about 40 % lost or corrupted, plus duplicates
        assertThat(counts[0]).isBetween(200L, 380L);
    }

    @Test
    void rebootForgetsStreamsAndModeButKeepsTheMission() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(cmd(511, 24, 200_000));
        gcs.send(cmd(176, 1, 4));
        gcs.advance(1);
        gcs.send(cmd(246, 1));
        gcs.advance(0.05);
        assertThat(gcs.last(CommandAck.class).get().result().value()).isZero();
        int mark = gcs.mark();
        gcs.advance(1.2);
        assertThat(gcs.since(mark)).isEmpty();
        gcs.advance(3);
        assertThat(v[0].mode()).isEqualTo(CopterMode.STABILIZE);
        long gpsAfter = gcs.since(mark).stream().filter(r -> r.message() instanceof GpsRawInt).count();
        assertThat(gpsAfter).isZero();
        assertThat(gcs.since(mark)).anyMatch(r -> r.message() instanceof Heartbeat);
    }

    @Test
    void rebootInTheAirIsAFall() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = flyingAt20m(s, v);
        v[0].faults().reboot();
        gcs.advance(1.0);
        double alt = v[0].groundTruth().latest().altitudeRelM();
        assertThat(alt).isBetween(10.0, 17.0);
        gcs.advance(2);
        assertThat(v[0].groundTruth().latest().altitudeRelM()).isZero();
        assertThat(v[0].armed()).isFalse();
    }

    @Test
    void rebootIsRefusedWhenArmed() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = flyingAt20m(s, v);
        gcs.send(cmd(246, 1));
        gcs.advance(0.05);
        assertThat(gcs.last(CommandAck.class).get().result().value()).isEqualTo(4);
    }

    @Test
    void gpsLossInFlightLandsThroughTheEkfFailsafe() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = flyingAt20m(s, v);
        v[0].faults().gpsLoss(true);
        gcs.advance(6);
        assertThat(v[0].mode()).isEqualTo(CopterMode.LAND);
        assertThat(gcs.texts()).contains("EKF Failsafe: changed to LAND Mode");
        gcs.send(cmd(176, 1, 4));
        gcs.advance(0.05);
        assertThat(gcs.last(CommandAck.class).get().result().value()).isEqualTo(4);
        assertThat(gcs.texts()).contains("Mode change to GUIDED failed: requires position");
        assertThat(v[0].mode()).isEqualTo(CopterMode.LAND);
        gcs.advance(40);
        assertThat(v[0].armed()).isFalse();
    }

    @Test
    void ekfFailureRefusesArmingInGuided() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(cmd(176, 1, 4));
        gcs.advance(0.1);
        v[0].faults().ekfFailure(true);
        gcs.advance(0.1);
        gcs.send(cmd(400, 1));
        gcs.advance(0.1);
        assertThat(gcs.last(CommandAck.class).get().result().value()).isEqualTo(4);
        assertThat(gcs.texts()).contains("Arm: Need Position Estimate");
    }

    @Test
    void lowBatteryTriggersTheConfiguredFailsafe() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = flyingAt20m(s, v);
        gcs.send(paramSet("BATT_LOW_MAH", 1000));
        gcs.send(paramSet("BATT_FS_LOW_ACT", 2));
        gcs.advance(1);
        assertThat(v[0].mode()).isEqualTo(CopterMode.GUIDED);
        v[0].faults().batteryRemaining(0.1);
        gcs.advance(1);
        assertThat(v[0].mode()).isEqualTo(CopterMode.RTL);
        assertThat(gcs.texts()).anyMatch(t -> t.startsWith("Battery 1 is low"));
    }

    @Test
    void refusedCommandsAndPilotTakeover() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        v[0].faults().refuseCommand(176, 1, 1);
        gcs.send(cmd(176, 1, 4));
        gcs.advance(0.05);
        assertThat(gcs.last(CommandAck.class).get().result().value()).isEqualTo(1);
        assertThat(v[0].mode()).isEqualTo(CopterMode.STABILIZE);
        gcs.send(cmd(176, 1, 4));
        gcs.advance(0.05);
        assertThat(gcs.last(CommandAck.class).get().result().value()).isZero();
        int acks = gcs.all(CommandAck.class).size();
        v[0].faults().pilotTakeover(CopterMode.LOITER);
        gcs.advance(1.1);
        assertThat(gcs.last(Heartbeat.class).get().customMode()).isEqualTo(5);
        assertThat(gcs.all(CommandAck.class)).hasSize(acks);
    }
}
