package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.sim.GuidedExtrasTest.cmdInt;
import static org.vigie.sim.SimSmokeTest.cmd;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.util.EnumValue;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.ManualScheduler;

/**
 * The answers the real ArduCopter SITL gave where the simulator used to differ (found and pinned against SITL by
 * sitl-suite's conformance tests, see sim/README.md "Conformance with ArduCopter"), here on a ManualScheduler so that
 * they hold in every build, deterministically.
 */
class SitlAnswersTest {

    private static int lastAck(TestGcs gcs, int command) {
        return gcs.lastWhere(CommandAck.class, a -> a.command().value() == command).orElseThrow().result().value();
    }

    private static ParamSet paramSet(String name, float value) {
        return ParamSet.builder().targetSystem(1).targetComponent(1).paramId(name).paramValue(value)
                .paramType(MavParamType.MAV_PARAM_TYPE_REAL32).build();
    }

    @Test
    void paramSetTruncatesAndClampsIntegersAndIgnoresWhatIsNotFinite() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        int mark = gcs.mark();
        gcs.send(paramSet("FENCE_ENABLE", 1.7f));
        gcs.send(paramSet("FS_GCS_ENABLE", -1.6f));
        gcs.send(paramSet("FS_GCS_ENABLE", 300f));
        gcs.send(paramSet("RTL_ALT", 1500.6f));
        gcs.send(paramSet("RTL_ALT", Float.NaN));
        gcs.send(paramSet("WPNAV_SPEED", 1234.567f));
        gcs.advance(0.2);
        assertThat(gcs.since(mark).stream().filter(r -> r.message() instanceof ParamValue)
                .map(r -> (ParamValue) r.message()).map(p -> p.paramId() + "=" + p.paramValue() + "/"
                        + p.paramType().value()))
                .containsExactly("FENCE_ENABLE=1.0/2", "FS_GCS_ENABLE=-1.0/2", "FS_GCS_ENABLE=127.0/2",
                        "RTL_ALT=1500.0/6", "WPNAV_SPEED=1234.567/9");
    }

    @Test
    void homeIsAnnouncedWhenSetMovesOnArmingAndStaysOnceLocked() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().build(), v);
        gcs.advance(3);
        gcs.send(cmd(512, 242));
        gcs.advance(0.1);
        assertThat(lastAck(gcs, 512)).as("accepted before home exists").isZero();
        assertThat(gcs.all(HomePosition.class)).isEmpty();
        gcs.advance(20);
        assertThat(gcs.all(HomePosition.class)).as("announced once when home is set").hasSize(1);
        gcs.send(cmd(176, 1, 4));
        gcs.advance(25);
        gcs.send(cmd(400, 1));
        gcs.advance(0.1);
        assertThat(lastAck(gcs, 400)).isZero();
        assertThat(gcs.all(HomePosition.class)).as("and again on arming").hasSize(2);
        gcs.send(cmd(400, 0));
        gcs.send(cmd(179, 1));
        gcs.advance(0.1);
        assertThat(gcs.all(HomePosition.class)).as("DO_SET_HOME announces it").hasSize(3);
        gcs.send(cmd(400, 1));
        gcs.advance(0.1);
        assertThat(v[0].armed()).isTrue();
        assertThat(gcs.all(HomePosition.class)).as("locked: arming no longer moves it").hasSize(3);
    }

    @Test
    void modesAreEnteredWhileDisarmedButRepositionNeedsTheEkfOriginFirst() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        GeoNe geo = new GeoNe(48.8566, 2.3522);
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().build(), v);
        gcs.advance(3);
        gcs.send(cmd(176, 1, 6));
        gcs.advance(0.1);
        assertThat(lastAck(gcs, 176)).isZero();
        assertThat(v[0].mode()).isEqualTo(CopterMode.RTL);
        gcs.send(cmd(176, 1, 0));
        gcs.send(CommandInt.builder().targetSystem(1).targetComponent(1).frame(EnumValue.<MavFrame>create(6))
                .command(EnumValue.<MavCmd>create(192)).param1(-1).param2(1).x(geo.latE7(50)).y(geo.lonE7(0))
                .z(20).build());
        gcs.advance(0.1);
        assertThat(lastAck(gcs, 192)).as("FAILED before the EKF origin, mode unchanged").isEqualTo(4);
        assertThat(v[0].mode()).isEqualTo(CopterMode.STABILIZE);
    }

    @Test
    void takeoffWaitsForTheArmingDelayAndRepositionSpeedIsIgnored() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        GeoNe geo = new GeoNe(48.8566, 2.3522);
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        gcs.send(cmd(176, 1, 4));
        gcs.send(cmd(400, 1));
        gcs.send(cmd(22, 0, 0, 0, 0, 0, 0, 20));
        gcs.advance(0.05);
        double armedS = v[0].groundTruth().latest().timeS();
        gcs.advance(15);
        double liftS = v[0].groundTruth().samples().stream().filter(t -> t.altitudeRelM() >= 0.5).findFirst()
                .orElseThrow().timeS();
        assertThat(liftS - armedS).as("0.5 m about 4 s after arming, as on SITL").isCloseTo(4.0,
                Offset.offset(0.3));
        gcs.send(cmdInt(192, 6, 3, geo.latE7(100), geo.lonE7(0), 20));
        gcs.advance(20);
        assertThat(lastAck(gcs, 192)).isZero();
        double top = v[0].groundTruth().samples().stream().mapToDouble(TruthSample::groundSpeedMps).max()
                .orElseThrow();
        assertThat(top).as("WPNAV_SPEED, not the 3 m/s asked").isCloseTo(10, Offset.offset(0.3));
    }

    @Test
    void missionClearLeavesNoItemsHomeIncluded() {
        ManualScheduler s = new ManualScheduler();
        SimVehicle[] v = new SimVehicle[1];
        TestGcs gcs = TestGcs.withSim(s, SimConfig.builder().fastBoot().build(), v);
        gcs.advance(1);
        assertThat(v[0].storedItems(0)).hasSize(1);
        gcs.send(MissionClearAll.builder().targetSystem(1).targetComponent(1)
                .missionType(EnumValue.<MavMissionType>create(0)).build());
        gcs.send(MissionRequestList.builder().targetSystem(1).targetComponent(1)
                .missionType(EnumValue.<MavMissionType>create(0)).build());
        gcs.advance(0.1);
        assertThat(gcs.last(MissionCount.class).orElseThrow().count()).isZero();
    }
}
