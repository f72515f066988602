package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
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

class GuidedExtrasTest {

    static CommandInt cmdInt(int id, int frame, float p1, int latE7, int lonE7, float z) {
        return CommandInt.builder().targetSystem(1).targetComponent(1).frame(EnumValue.<MavFrame>create(frame))
                .command(EnumValue.<MavCmd>create(id)).current(0).autocontinue(0).param1(p1).param2(0).param3(0)
                .param4(0).x(latE7).y(lonE7).z(z).build();
    }

    @Test
    void roiYawsTheVehicleAndPitchesTheGimbalDown() {
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
        assertThat(gcs.last(CommandAck.class).get().result().value()).isZero();
        assertThat(v[0].groundTruth().latest().headingDeg()).isCloseTo(180, Offset.offset(1.0));
        GimbalDeviceAttitudeStatus g = gcs.last(GimbalDeviceAttitudeStatus.class).orElseThrow();
        double w = g.q().get(0);
        double y = g.q().get(2);
        double pitchDeg = Math.toDegrees(Math.asin(2 * w * y));
        assertThat(pitchDeg).isCloseTo(-Math.toDegrees(Math.atan2(20, 40)), Offset.offset(1.5));

        gcs.send(cmd(197));
        gcs.send(cmd(115, 90, 30, 1, 0));
        gcs.advance(5);
        assertThat(v[0].groundTruth().latest().headingDeg()).isCloseTo(90, Offset.offset(1.0));

        gcs.send(cmd(178, 1, 4));
        gcs.send(cmdInt(192, 6, -1, geo.latE7(100), geo.lonE7(0), 20));
        gcs.advance(15);
        assertThat(v[0].groundTruth().latest().groundSpeedMps()).isCloseTo(4, Offset.offset(0.2));
        gcs.send(cmd(178, 1, 30));
        gcs.advance(0.1);
        assertThat(gcs.all(CommandAck.class)).extracting(a -> a.result().value()).containsOnly(0);
    }

    @Test
    void repositionOutsideGuidedIsDeniedUnlessAskedToChangeMode() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        GeoNe geo = new GeoNe(48.8566, 2.3522);
        gcs.advance(1);
        gcs.send(cmd(176, 1, 5));
        gcs.send(cmdInt(192, 6, -1, geo.latE7(50), geo.lonE7(0), 20));
        CommandInt withFlag = CommandInt.builder().targetSystem(1).targetComponent(1)
                .frame(EnumValue.<MavFrame>create(6)).command(EnumValue.<MavCmd>create(192)).current(0)
                .autocontinue(0).param1(-1).param2(1).param3(0).param4(0).x(geo.latE7(50)).y(geo.lonE7(0)).z(20)
                .build();
        gcs.send(withFlag);
        gcs.advance(0.1);
        assertThat(gcs.all(CommandAck.class)).extracting(a -> a.result().value()).containsExactly(0, 2, 0);
        assertThat(v[0].mode()).isEqualTo(CopterMode.GUIDED);
    }

    /**
     * As ArduCopter's Copter::set_mode (checked against SITL by sitl-suite's GroundProtocolConformanceTest): while
     * disarmed every mode is entered without its checks (the arming checks guard the take-off); armed, a mode that
     * needs a position is refused without one; unknown modes and a missing custom-mode flag are refused.
     */
    @Test
    void modesAcceptedDisarmedRefusedArmedWithoutPositionAndUnknownModes() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().build(), v);
        gcs.advance(3);
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(176, 1, 3));
        gcs.send(cmd(176, 1, 2));
        gcs.send(cmd(176, 1, 42));
        gcs.send(cmd(176, 0, 4));
        gcs.send(cmd(400, 1, 2989));
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(176, 1, 3));
        gcs.advance(0.1);
        assertThat(gcs.all(CommandAck.class)).extracting(a -> a.result().value())
                .containsExactly(0, 0, 0, 4, 2, 0, 4, 4);
        assertThat(gcs.texts()).contains("No such mode 42", "Mode change to GUIDED failed: requires position",
                "Mode change to AUTO failed: requires position");
        assertThat(v[0].mode()).isEqualTo(CopterMode.ALT_HOLD);
        assertThat(v[0].armed()).isTrue();
    }
}
