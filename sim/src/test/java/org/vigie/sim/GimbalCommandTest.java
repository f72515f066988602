package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.GuidedExtrasTest.cmdInt;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.util.EnumValue;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

/** MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW (1000) points the simulated gimbal until the next ROI or gimbal command. */
class GimbalCommandTest {

    private static double pitchDeg(GimbalDeviceAttitudeStatus g) {
        double w = g.q().get(0);
        double x = g.q().get(1);
        double y = g.q().get(2);
        double z = g.q().get(3);
        return Math.toDegrees(Math.asin(2 * (w * y - z * x)));
    }

    private static double yawDeg(GimbalDeviceAttitudeStatus g) {
        double w = g.q().get(0);
        double x = g.q().get(1);
        double y = g.q().get(2);
        double z = g.q().get(3);
        return Math.toDegrees(Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z)));
    }

    private static int lastAck(TestGcs gcs) {
        return gcs.last(CommandAck.class).orElseThrow().result().value();
    }

    @Test
    void pitchYawCommandPointsTheGimbalUntilTheNextRoi() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        GeoNe geo = new GeoNe(48.8566, 2.3522);
        gcs.advance(1);
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 20));
        gcs.advance(20);
        gcs.send(cmd(511, 285, 200_000));
        gcs.send(cmdInt(195, 6, 0, geo.latE7(-40), geo.lonE7(0), 0));
        gcs.advance(6);
        GimbalDeviceAttitudeStatus roi = gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow();
        double roiPitch = pitchDeg(roi);
        assertThat(roiPitch).isCloseTo(-Math.toDegrees(Math.atan2(20, 40)), Offset.offset(1.5));
        // following an ROI, this two-axis gimbal has no yaw of its own: yaw 0 in the vehicle frame, the vehicle
        // turns to the ROI (40 m south): the camera looks south, not north as an earth-frame yaw 0 would say
        assertThat(roi.flags().value() & (16 | 32 | 64)).as("ROI yaw in vehicle frame").isEqualTo(32);
        assertThat(yawDeg(roi)).isCloseTo(0, Offset.offset(0.1));
        double headingDeg = v[0].groundTruth().latest().headingDeg();
        assertThat(Math.abs(Math.abs(headingDeg) - 180)).as("vehicle heading towards the ROI").isLessThan(5);

        // vehicle-relative yaw, COMMAND_LONG: param1 pitch, param2 yaw, param5 flags, param7 device
        gcs.send(cmd(1000, -30, 45, 0, 0, 0, 0, 0));
        gcs.advance(1);
        assertThat(lastAck(gcs)).isZero();
        GimbalDeviceAttitudeStatus g = gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow();
        assertThat(pitchDeg(g)).isCloseTo(-30, Offset.offset(0.1));
        assertThat(yawDeg(g)).isCloseTo(45, Offset.offset(0.1));
        assertThat(g.flags().value() & (16 | 32 | 64)).as("yaw in vehicle frame").isEqualTo(32);
        gcs.advance(5);
        assertThat(pitchDeg(gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow()))
                .as("held until another command").isCloseTo(-30, Offset.offset(0.1));

        // earth-frame yaw (YAW_LOCK) as COMMAND_INT
        gcs.send(CommandInt.builder().targetSystem(1).targetComponent(1).frame(EnumValue.<MavFrame>create(0))
                .command(EnumValue.<MavCmd>create(1000)).current(0).autocontinue(0).param1(-60).param2(-90)
                .param3(0).param4(0).x(16).y(0).z(1).build());
        gcs.advance(1);
        assertThat(lastAck(gcs)).isZero();
        g = gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow();
        assertThat(pitchDeg(g)).isCloseTo(-60, Offset.offset(0.1));
        assertThat(yawDeg(g)).isCloseTo(-90, Offset.offset(0.1));
        assertThat(g.flags().value() & (16 | 64)).as("yaw locked to earth").isEqualTo(16 | 64);

        // out of range or another gimbal: denied, attitude unchanged
        gcs.send(cmd(1000, -120, 0, 0, 0, 0, 0, 0));
        gcs.advance(0.5);
        assertThat(lastAck(gcs)).isEqualTo(2);
        gcs.send(cmd(1000, -10, 0, 0, 0, 0, 0, 5));
        gcs.advance(0.5);
        assertThat(lastAck(gcs)).isEqualTo(2);
        assertThat(pitchDeg(gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow())).isCloseTo(-60,
                Offset.offset(0.1));

        // a new ROI takes the gimbal back
        gcs.send(cmdInt(195, 6, 0, geo.latE7(-40), geo.lonE7(0), 0));
        gcs.advance(1);
        assertThat(lastAck(gcs)).isZero();
        assertThat(pitchDeg(gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow())).isCloseTo(roiPitch,
                Offset.offset(1.5));

        // ROI none after a gimbal command: back to level
        gcs.send(cmd(1000, -45, 10, 0, 0, 0, 0, 0));
        gcs.advance(1);
        assertThat(pitchDeg(gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow())).isCloseTo(-45,
                Offset.offset(0.1));
        gcs.send(cmd(197));
        gcs.advance(1);
        assertThat(pitchDeg(gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow())).isCloseTo(0,
                Offset.offset(0.1));
    }
}
