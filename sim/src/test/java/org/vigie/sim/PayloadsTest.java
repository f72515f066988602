package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.ardupilotmega.EkfStatusReport;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.SystemTime;
import io.dronefleet.mavlink.common.VfrHud;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.util.EnumValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vigie.link.codec.MessageCodec;

/** The hand-written telemetry encoders produce exactly dronefleet's bytes. */
class PayloadsTest {

    private static final MessageCodec CODEC = new MessageCodec();

    @Property(tries = 200)
    void sameBytesAsDronefleet(@ForAll int a, @ForAll int b, @ForAll int c, @ForAll float f, @ForAll float g,
                               @ForAll @IntRange(min = 0, max = 65535) int u16,
                               @ForAll @IntRange(min = 0, max = 255) int u8,
                               @ForAll @IntRange(min = -32768, max = 32767) int s16,
                               @ForAll @IntRange(min = -128, max = 127) int s8) {
        long u32 = a & 0xFFFFFFFFL;
        assertThat(Payloads.heartbeat(u8, 3, u8 ^ 0x51, u32, 4)).isEqualTo(CODEC.encodePayload(Heartbeat.builder()
                .type(EnumValue.create(u8)).autopilot(EnumValue.create(3)).baseMode(EnumValue.create(u8 ^ 0x51))
                .customMode(u32).systemStatus(EnumValue.create(4)).mavlinkVersion(3).build()));
        assertThat(Payloads.sysStatus(a, b, c, u16, u16 ^ 7, s16, s8)).isEqualTo(CODEC.encodePayload(
                SysStatus.builder().onboardControlSensorsPresent(EnumValue.create(a))
                        .onboardControlSensorsEnabled(EnumValue.create(b)).onboardControlSensorsHealth(EnumValue.create(c))
                        .load(u16).voltageBattery(u16 ^ 7).currentBattery(s16).batteryRemaining(s8).dropRateComm(0)
                        .errorsComm(0).build()));
        assertThat(Payloads.systemTime(u32 * 1000, u32)).isEqualTo(CODEC.encodePayload(SystemTime.builder()
                .timeUnixUsec(BigInteger.valueOf(u32 * 1000)).timeBootMs(u32).build()));
        assertThat(Payloads.gpsRawInt(u32, u8 % 7, a, b, c, u16, u16 ^ 1, u16 ^ 2, u16 ^ 3, u8))
                .isEqualTo(CODEC.encodePayload(GpsRawInt.builder().timeUsec(BigInteger.valueOf(u32))
                        .fixType(EnumValue.create(u8 % 7)).lat(a).lon(b).alt(c).eph(u16).epv(u16 ^ 1).vel(u16 ^ 2)
                        .cog(u16 ^ 3).satellitesVisible(u8).build()));
        assertThat(Payloads.attitude(u32, f, g, f, g, f, g)).isEqualTo(CODEC.encodePayload(Attitude.builder()
                .timeBootMs(u32).roll(f).pitch(g).yaw(f).rollspeed(g).pitchspeed(f).yawspeed(g).build()));
        assertThat(Payloads.globalPositionInt(u32, a, b, c, a ^ b, s16, -s16 / 2, s16 / 3, u16))
                .isEqualTo(CODEC.encodePayload(GlobalPositionInt.builder().timeBootMs(u32).lat(a).lon(b).alt(c)
                        .relativeAlt(a ^ b).vx(s16).vy(-s16 / 2).vz(s16 / 3).hdg(u16).build()));
        assertThat(Payloads.missionCurrent(u16, u16 ^ 5, u8 % 6, u8 & 1)).isEqualTo(CODEC.encodePayload(
                MissionCurrent.builder().seq(u16).total(u16 ^ 5).missionState(EnumValue.create(u8 % 6))
                        .missionMode(u8 & 1).build()));
        assertThat(Payloads.vfrHud(f, g, f, g, s16, u16)).isEqualTo(CODEC.encodePayload(VfrHud.builder()
                .airspeed(f).groundspeed(g).alt(f).climb(g).heading(s16).throttle(u16).build()));
        assertThat(Payloads.extendedSysState(u8 % 5, u8 % 4)).isEqualTo(CODEC.encodePayload(ExtendedSysState
                .builder().vtolState(EnumValue.create(u8 % 5)).landedState(EnumValue.create(u8 % 4)).build()));
        assertThat(Payloads.ekfStatusReport(f, g, f, g, f, u16, g)).isEqualTo(CODEC.encodePayload(EkfStatusReport
                .builder().velocityVariance(f).posHorizVariance(g).posVertVariance(f).compassVariance(g)
                .terrainAltVariance(f).flags(EnumValue.create(u16)).airspeedVariance(g).build()));
        assertThat(Payloads.homePosition(a, b, c, f, g, f, new float[] {1, 0, 0, 0}, 0)).isEqualTo(
                CODEC.encodePayload(io.dronefleet.mavlink.common.HomePosition.builder().latitude(a).longitude(b)
                        .altitude(c).x(f).y(g).z(f).q(Arrays.asList(1f, 0f, 0f, 0f)).approachX(0).approachY(0)
                        .approachZ(0).timeUsec(BigInteger.ZERO).build()));
        List<Integer> cells = new ArrayList<>(Arrays.asList(u16, 65535, 65535, 65535, 65535, 65535, 65535, 65535,
                65535, 65535));
        assertThat(Payloads.batteryStatus(a, b, s16, u16, s16 / 2, s8, u8 % 7)).isEqualTo(CODEC.encodePayload(
                BatteryStatus.builder().id(0).batteryFunction(EnumValue.create(0)).type(EnumValue.create(0))
                        .temperature(s16).voltages(cells).currentBattery(s16 / 2).currentConsumed(a)
                        .energyConsumed(b).batteryRemaining(s8).timeRemaining(0)
                        .chargeState(EnumValue.create(u8 % 7)).build()));
    }
}
