package org.vigie.link.codec;

import io.dronefleet.mavlink.ardupilotmega.EkfStatusFlags;
import io.dronefleet.mavlink.ardupilotmega.EkfStatusReport;
import io.dronefleet.mavlink.ardupilotmega.MountStatus;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.AttitudeQuaternion;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.EstimatorStatus;
import io.dronefleet.mavlink.common.EstimatorStatusFlags;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.FenceBreach;
import io.dronefleet.mavlink.common.FenceMitigate;
import io.dronefleet.mavlink.common.FenceStatus;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GimbalDeviceErrorFlags;
import io.dronefleet.mavlink.common.GimbalDeviceFlags;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsFixType;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.LocalPositionNed;
import io.dronefleet.mavlink.common.MavBatteryChargeState;
import io.dronefleet.mavlink.common.MavBatteryFault;
import io.dronefleet.mavlink.common.MavBatteryFunction;
import io.dronefleet.mavlink.common.MavBatteryMode;
import io.dronefleet.mavlink.common.MavBatteryType;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavLandedState;
import io.dronefleet.mavlink.common.MavMountMode;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.MavPowerStatus;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.MavSysStatusSensor;
import io.dronefleet.mavlink.common.MavSysStatusSensorExtended;
import io.dronefleet.mavlink.common.MavVtolState;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionState;
import io.dronefleet.mavlink.common.MountOrientation;
import io.dronefleet.mavlink.common.NavControllerOutput;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.common.PowerStatus;
import io.dronefleet.mavlink.common.RawImu;
import io.dronefleet.mavlink.common.RcChannels;
import io.dronefleet.mavlink.common.ScaledPressure;
import io.dronefleet.mavlink.common.ServoOutputRaw;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.SystemTime;
import io.dronefleet.mavlink.common.Timesync;
import io.dronefleet.mavlink.common.VfrHud;
import io.dronefleet.mavlink.common.Vibration;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;


/**
 * Hand-written (generated once from the dialect, then kept as source) decoders for the telemetry messages an
 * autopilot streams continuously. Each builds the same dronefleet object as the reflection deserializer would,
 * including its quirks (uint64 fields as a signed {@code BigInteger}, char arrays as UTF-8 up to the first NUL), at a
 * small fraction of the cost: direct little-endian reads with MAVLink 2 zero-extension, cached enum values.
 * {@code FastDecoderTest} proves equality with the reflection decode on every frame of the captures and on random
 * payloads. Stateless and thread-safe.
 */
final class FastDecoders {

    private static final EnumCache<MavType> MAV_TYPE = new EnumCache<>(MavType.class);
    private static final EnumCache<MavAutopilot> MAV_AUTOPILOT = new EnumCache<>(MavAutopilot.class);
    private static final EnumCache<MavModeFlag> MAV_MODE_FLAG = new EnumCache<>(MavModeFlag.class);
    private static final EnumCache<MavState> MAV_STATE = new EnumCache<>(MavState.class);
    private static final EnumCache<MavSysStatusSensor> MAV_SYS_STATUS_SENSOR = new EnumCache<>(MavSysStatusSensor.class);
    private static final EnumCache<MavSysStatusSensorExtended> MAV_SYS_STATUS_SENSOR_EXTENDED = new EnumCache<>(MavSysStatusSensorExtended.class);
    private static final EnumCache<MavParamType> MAV_PARAM_TYPE = new EnumCache<>(MavParamType.class);
    private static final EnumCache<GpsFixType> GPS_FIX_TYPE = new EnumCache<>(GpsFixType.class);
    private static final EnumCache<MissionState> MISSION_STATE = new EnumCache<>(MissionState.class);
    private static final EnumCache<MavCmd> MAV_CMD = new EnumCache<>(MavCmd.class);
    private static final EnumCache<MavResult> MAV_RESULT = new EnumCache<>(MavResult.class);
    private static final EnumCache<MavPowerStatus> MAV_POWER_STATUS = new EnumCache<>(MavPowerStatus.class);
    private static final EnumCache<MavBatteryFunction> MAV_BATTERY_FUNCTION = new EnumCache<>(MavBatteryFunction.class);
    private static final EnumCache<MavBatteryType> MAV_BATTERY_TYPE = new EnumCache<>(MavBatteryType.class);
    private static final EnumCache<MavBatteryChargeState> MAV_BATTERY_CHARGE_STATE = new EnumCache<>(MavBatteryChargeState.class);
    private static final EnumCache<MavBatteryMode> MAV_BATTERY_MODE = new EnumCache<>(MavBatteryMode.class);
    private static final EnumCache<MavBatteryFault> MAV_BATTERY_FAULT = new EnumCache<>(MavBatteryFault.class);
    private static final EnumCache<MavMountMode> MAV_MOUNT_MODE = new EnumCache<>(MavMountMode.class);
    private static final EnumCache<FenceBreach> FENCE_BREACH = new EnumCache<>(FenceBreach.class);
    private static final EnumCache<FenceMitigate> FENCE_MITIGATE = new EnumCache<>(FenceMitigate.class);
    private static final EnumCache<EkfStatusFlags> EKF_STATUS_FLAGS = new EnumCache<>(EkfStatusFlags.class);
    private static final EnumCache<EstimatorStatusFlags> ESTIMATOR_STATUS_FLAGS = new EnumCache<>(EstimatorStatusFlags.class);
    private static final EnumCache<MavVtolState> MAV_VTOL_STATE = new EnumCache<>(MavVtolState.class);
    private static final EnumCache<MavLandedState> MAV_LANDED_STATE = new EnumCache<>(MavLandedState.class);
    private static final EnumCache<MavSeverity> MAV_SEVERITY = new EnumCache<>(MavSeverity.class);
    private static final EnumCache<GimbalDeviceErrorFlags> GIMBAL_DEVICE_ERROR_FLAGS = new EnumCache<>(GimbalDeviceErrorFlags.class);
    private static final EnumCache<GimbalDeviceFlags> GIMBAL_DEVICE_FLAGS = new EnumCache<>(GimbalDeviceFlags.class);

    /** Message ids with a fast decoder. */
    static final int[] IDS = {0, 1, 2, 22, 24, 27, 29, 30, 31, 32, 33, 36, 42, 46, 62, 65, 74, 77, 111, 125, 147, 158, 162, 193, 230, 241, 242, 245, 253, 265, 285};

    private FastDecoders() {}

    /**
     * Decodes a payload if a fast decoder exists for its id.
     *
     * @param msgId message id
     * @param b buffer holding the payload
     * @param o payload offset in {@code b}
     * @param n payload length on the wire (may be truncated, or longer than the dialect's)
     * @return the dronefleet message, or null if this id has no fast decoder
     */
    static @Nullable Object decode(int msgId, byte[] b, int o, int n) {
        return switch (msgId) {
            case 0 -> heartbeat(b, o, n);
            case 1 -> sysStatus(b, o, n);
            case 2 -> systemTime(b, o, n);
            case 22 -> paramValue(b, o, n);
            case 24 -> gpsRawInt(b, o, n);
            case 27 -> rawImu(b, o, n);
            case 29 -> scaledPressure(b, o, n);
            case 30 -> attitude(b, o, n);
            case 31 -> attitudeQuaternion(b, o, n);
            case 32 -> localPositionNed(b, o, n);
            case 33 -> globalPositionInt(b, o, n);
            case 36 -> servoOutputRaw(b, o, n);
            case 42 -> missionCurrent(b, o, n);
            case 46 -> missionItemReached(b, o, n);
            case 62 -> navControllerOutput(b, o, n);
            case 65 -> rcChannels(b, o, n);
            case 74 -> vfrHud(b, o, n);
            case 77 -> commandAck(b, o, n);
            case 111 -> timesync(b, o, n);
            case 125 -> powerStatus(b, o, n);
            case 147 -> batteryStatus(b, o, n);
            case 158 -> mountStatus(b, o, n);
            case 162 -> fenceStatus(b, o, n);
            case 193 -> ekfStatusReport(b, o, n);
            case 230 -> estimatorStatus(b, o, n);
            case 241 -> vibration(b, o, n);
            case 242 -> homePosition(b, o, n);
            case 245 -> extendedSysState(b, o, n);
            case 253 -> statustext(b, o, n);
            case 265 -> mountOrientation(b, o, n);
            case 285 -> gimbalDeviceAttitudeStatus(b, o, n);

            default -> null;
        };
    }

    /** Heartbeat (id 0, 9 bytes). */
    static Heartbeat heartbeat(byte[] b, int o, int n) {
        return Heartbeat.builder()
                .customMode(Le.u32(b, o, n, 0))
                .type(MAV_TYPE.get(Le.u8(b, o, n, 4)))
                .autopilot(MAV_AUTOPILOT.get(Le.u8(b, o, n, 5)))
                .baseMode(MAV_MODE_FLAG.get(Le.u8(b, o, n, 6)))
                .systemStatus(MAV_STATE.get(Le.u8(b, o, n, 7)))
                .mavlinkVersion(Le.u8(b, o, n, 8))
                .build();
    }

    /** SysStatus (id 1, 43 bytes). */
    static SysStatus sysStatus(byte[] b, int o, int n) {
        return SysStatus.builder()
                .onboardControlSensorsPresent(MAV_SYS_STATUS_SENSOR.get((int) Le.u32(b, o, n, 0)))
                .onboardControlSensorsEnabled(MAV_SYS_STATUS_SENSOR.get((int) Le.u32(b, o, n, 4)))
                .onboardControlSensorsHealth(MAV_SYS_STATUS_SENSOR.get((int) Le.u32(b, o, n, 8)))
                .load(Le.u16(b, o, n, 12))
                .voltageBattery(Le.u16(b, o, n, 14))
                .currentBattery(Le.i16(b, o, n, 16))
                .dropRateComm(Le.u16(b, o, n, 18))
                .errorsComm(Le.u16(b, o, n, 20))
                .errorsCount1(Le.u16(b, o, n, 22))
                .errorsCount2(Le.u16(b, o, n, 24))
                .errorsCount3(Le.u16(b, o, n, 26))
                .errorsCount4(Le.u16(b, o, n, 28))
                .batteryRemaining(Le.i8(b, o, n, 30))
                .onboardControlSensorsPresentExtended(MAV_SYS_STATUS_SENSOR_EXTENDED.get((int) Le.u32(b, o, n, 31)))
                .onboardControlSensorsEnabledExtended(MAV_SYS_STATUS_SENSOR_EXTENDED.get((int) Le.u32(b, o, n, 35)))
                .onboardControlSensorsHealthExtended(MAV_SYS_STATUS_SENSOR_EXTENDED.get((int) Le.u32(b, o, n, 39)))
                .build();
    }

    /** SystemTime (id 2, 12 bytes). */
    static SystemTime systemTime(byte[] b, int o, int n) {
        return SystemTime.builder()
                .timeUnixUsec(BigInteger.valueOf(Le.i64(b, o, n, 0)))
                .timeBootMs(Le.u32(b, o, n, 8))
                .build();
    }

    /** ParamValue (id 22, 25 bytes). */
    static ParamValue paramValue(byte[] b, int o, int n) {
        return ParamValue.builder()
                .paramValue(Le.f32(b, o, n, 0))
                .paramCount(Le.u16(b, o, n, 4))
                .paramIndex(Le.u16(b, o, n, 6))
                .paramId(Le.string(b, o, n, 8, 16))
                .paramType(MAV_PARAM_TYPE.get(Le.u8(b, o, n, 24)))
                .build();
    }

    /** GpsRawInt (id 24, 52 bytes). */
    static GpsRawInt gpsRawInt(byte[] b, int o, int n) {
        return GpsRawInt.builder()
                .timeUsec(BigInteger.valueOf(Le.i64(b, o, n, 0)))
                .lat(Le.i32(b, o, n, 8))
                .lon(Le.i32(b, o, n, 12))
                .alt(Le.i32(b, o, n, 16))
                .eph(Le.u16(b, o, n, 20))
                .epv(Le.u16(b, o, n, 22))
                .vel(Le.u16(b, o, n, 24))
                .cog(Le.u16(b, o, n, 26))
                .fixType(GPS_FIX_TYPE.get(Le.u8(b, o, n, 28)))
                .satellitesVisible(Le.u8(b, o, n, 29))
                .altEllipsoid(Le.i32(b, o, n, 30))
                .hAcc(Le.u32(b, o, n, 34))
                .vAcc(Le.u32(b, o, n, 38))
                .velAcc(Le.u32(b, o, n, 42))
                .hdgAcc(Le.u32(b, o, n, 46))
                .yaw(Le.u16(b, o, n, 50))
                .build();
    }

    /** RawImu (id 27, 29 bytes). */
    static RawImu rawImu(byte[] b, int o, int n) {
        return RawImu.builder()
                .timeUsec(BigInteger.valueOf(Le.i64(b, o, n, 0)))
                .xacc(Le.i16(b, o, n, 8))
                .yacc(Le.i16(b, o, n, 10))
                .zacc(Le.i16(b, o, n, 12))
                .xgyro(Le.i16(b, o, n, 14))
                .ygyro(Le.i16(b, o, n, 16))
                .zgyro(Le.i16(b, o, n, 18))
                .xmag(Le.i16(b, o, n, 20))
                .ymag(Le.i16(b, o, n, 22))
                .zmag(Le.i16(b, o, n, 24))
                .id(Le.u8(b, o, n, 26))
                .temperature(Le.i16(b, o, n, 27))
                .build();
    }

    /** ScaledPressure (id 29, 16 bytes). */
    static ScaledPressure scaledPressure(byte[] b, int o, int n) {
        return ScaledPressure.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .pressAbs(Le.f32(b, o, n, 4))
                .pressDiff(Le.f32(b, o, n, 8))
                .temperature(Le.i16(b, o, n, 12))
                .temperaturePressDiff(Le.i16(b, o, n, 14))
                .build();
    }

    /** Attitude (id 30, 28 bytes). */
    static Attitude attitude(byte[] b, int o, int n) {
        return Attitude.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .roll(Le.f32(b, o, n, 4))
                .pitch(Le.f32(b, o, n, 8))
                .yaw(Le.f32(b, o, n, 12))
                .rollspeed(Le.f32(b, o, n, 16))
                .pitchspeed(Le.f32(b, o, n, 20))
                .yawspeed(Le.f32(b, o, n, 24))
                .build();
    }

    /** AttitudeQuaternion (id 31, 48 bytes). */
    static AttitudeQuaternion attitudeQuaternion(byte[] b, int o, int n) {
        return AttitudeQuaternion.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .q1(Le.f32(b, o, n, 4))
                .q2(Le.f32(b, o, n, 8))
                .q3(Le.f32(b, o, n, 12))
                .q4(Le.f32(b, o, n, 16))
                .rollspeed(Le.f32(b, o, n, 20))
                .pitchspeed(Le.f32(b, o, n, 24))
                .yawspeed(Le.f32(b, o, n, 28))
                .reprOffsetQ(Le.listOfFloat(b, o, n, 32, 4, 4, false))
                .build();
    }

    /** LocalPositionNed (id 32, 28 bytes). */
    static LocalPositionNed localPositionNed(byte[] b, int o, int n) {
        return LocalPositionNed.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .x(Le.f32(b, o, n, 4))
                .y(Le.f32(b, o, n, 8))
                .z(Le.f32(b, o, n, 12))
                .vx(Le.f32(b, o, n, 16))
                .vy(Le.f32(b, o, n, 20))
                .vz(Le.f32(b, o, n, 24))
                .build();
    }

    /** GlobalPositionInt (id 33, 28 bytes). */
    static GlobalPositionInt globalPositionInt(byte[] b, int o, int n) {
        return GlobalPositionInt.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .lat(Le.i32(b, o, n, 4))
                .lon(Le.i32(b, o, n, 8))
                .alt(Le.i32(b, o, n, 12))
                .relativeAlt(Le.i32(b, o, n, 16))
                .vx(Le.i16(b, o, n, 20))
                .vy(Le.i16(b, o, n, 22))
                .vz(Le.i16(b, o, n, 24))
                .hdg(Le.u16(b, o, n, 26))
                .build();
    }

    /** ServoOutputRaw (id 36, 37 bytes). */
    static ServoOutputRaw servoOutputRaw(byte[] b, int o, int n) {
        return ServoOutputRaw.builder()
                .timeUsec(Le.u32(b, o, n, 0))
                .servo1Raw(Le.u16(b, o, n, 4))
                .servo2Raw(Le.u16(b, o, n, 6))
                .servo3Raw(Le.u16(b, o, n, 8))
                .servo4Raw(Le.u16(b, o, n, 10))
                .servo5Raw(Le.u16(b, o, n, 12))
                .servo6Raw(Le.u16(b, o, n, 14))
                .servo7Raw(Le.u16(b, o, n, 16))
                .servo8Raw(Le.u16(b, o, n, 18))
                .port(Le.u8(b, o, n, 20))
                .servo9Raw(Le.u16(b, o, n, 21))
                .servo10Raw(Le.u16(b, o, n, 23))
                .servo11Raw(Le.u16(b, o, n, 25))
                .servo12Raw(Le.u16(b, o, n, 27))
                .servo13Raw(Le.u16(b, o, n, 29))
                .servo14Raw(Le.u16(b, o, n, 31))
                .servo15Raw(Le.u16(b, o, n, 33))
                .servo16Raw(Le.u16(b, o, n, 35))
                .build();
    }

    /** MissionCurrent (id 42, 6 bytes). */
    static MissionCurrent missionCurrent(byte[] b, int o, int n) {
        return MissionCurrent.builder()
                .seq(Le.u16(b, o, n, 0))
                .total(Le.u16(b, o, n, 2))
                .missionState(MISSION_STATE.get(Le.u8(b, o, n, 4)))
                .missionMode(Le.u8(b, o, n, 5))
                .build();
    }

    /** MissionItemReached (id 46, 2 bytes). */
    static MissionItemReached missionItemReached(byte[] b, int o, int n) {
        return MissionItemReached.builder()
                .seq(Le.u16(b, o, n, 0))
                .build();
    }

    /** NavControllerOutput (id 62, 26 bytes). */
    static NavControllerOutput navControllerOutput(byte[] b, int o, int n) {
        return NavControllerOutput.builder()
                .navRoll(Le.f32(b, o, n, 0))
                .navPitch(Le.f32(b, o, n, 4))
                .altError(Le.f32(b, o, n, 8))
                .aspdError(Le.f32(b, o, n, 12))
                .xtrackError(Le.f32(b, o, n, 16))
                .navBearing(Le.i16(b, o, n, 20))
                .targetBearing(Le.i16(b, o, n, 22))
                .wpDist(Le.u16(b, o, n, 24))
                .build();
    }

    /** RcChannels (id 65, 42 bytes). */
    static RcChannels rcChannels(byte[] b, int o, int n) {
        return RcChannels.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .chan1Raw(Le.u16(b, o, n, 4))
                .chan2Raw(Le.u16(b, o, n, 6))
                .chan3Raw(Le.u16(b, o, n, 8))
                .chan4Raw(Le.u16(b, o, n, 10))
                .chan5Raw(Le.u16(b, o, n, 12))
                .chan6Raw(Le.u16(b, o, n, 14))
                .chan7Raw(Le.u16(b, o, n, 16))
                .chan8Raw(Le.u16(b, o, n, 18))
                .chan9Raw(Le.u16(b, o, n, 20))
                .chan10Raw(Le.u16(b, o, n, 22))
                .chan11Raw(Le.u16(b, o, n, 24))
                .chan12Raw(Le.u16(b, o, n, 26))
                .chan13Raw(Le.u16(b, o, n, 28))
                .chan14Raw(Le.u16(b, o, n, 30))
                .chan15Raw(Le.u16(b, o, n, 32))
                .chan16Raw(Le.u16(b, o, n, 34))
                .chan17Raw(Le.u16(b, o, n, 36))
                .chan18Raw(Le.u16(b, o, n, 38))
                .chancount(Le.u8(b, o, n, 40))
                .rssi(Le.u8(b, o, n, 41))
                .build();
    }

    /** VfrHud (id 74, 20 bytes). */
    static VfrHud vfrHud(byte[] b, int o, int n) {
        return VfrHud.builder()
                .airspeed(Le.f32(b, o, n, 0))
                .groundspeed(Le.f32(b, o, n, 4))
                .alt(Le.f32(b, o, n, 8))
                .climb(Le.f32(b, o, n, 12))
                .heading(Le.i16(b, o, n, 16))
                .throttle(Le.u16(b, o, n, 18))
                .build();
    }

    /** CommandAck (id 77, 10 bytes). */
    static CommandAck commandAck(byte[] b, int o, int n) {
        return CommandAck.builder()
                .command(MAV_CMD.get(Le.u16(b, o, n, 0)))
                .result(MAV_RESULT.get(Le.u8(b, o, n, 2)))
                .progress(Le.u8(b, o, n, 3))
                .resultParam2(Le.i32(b, o, n, 4))
                .targetSystem(Le.u8(b, o, n, 8))
                .targetComponent(Le.u8(b, o, n, 9))
                .build();
    }

    /** Timesync (id 111, 18 bytes). */
    static Timesync timesync(byte[] b, int o, int n) {
        return Timesync.builder()
                .tc1(Le.i64(b, o, n, 0))
                .ts1(Le.i64(b, o, n, 8))
                .targetSystem(Le.u8(b, o, n, 16))
                .targetComponent(Le.u8(b, o, n, 17))
                .build();
    }

    /** PowerStatus (id 125, 6 bytes). */
    static PowerStatus powerStatus(byte[] b, int o, int n) {
        return PowerStatus.builder()
                .vcc(Le.u16(b, o, n, 0))
                .vservo(Le.u16(b, o, n, 2))
                .flags(MAV_POWER_STATUS.get(Le.u16(b, o, n, 4)))
                .build();
    }

    /** BatteryStatus (id 147, 54 bytes). */
    static BatteryStatus batteryStatus(byte[] b, int o, int n) {
        return BatteryStatus.builder()
                .currentConsumed(Le.i32(b, o, n, 0))
                .energyConsumed(Le.i32(b, o, n, 4))
                .temperature(Le.i16(b, o, n, 8))
                .voltages(Le.listOfInt(b, o, n, 10, 10, 2, false))
                .currentBattery(Le.i16(b, o, n, 30))
                .id(Le.u8(b, o, n, 32))
                .batteryFunction(MAV_BATTERY_FUNCTION.get(Le.u8(b, o, n, 33)))
                .type(MAV_BATTERY_TYPE.get(Le.u8(b, o, n, 34)))
                .batteryRemaining(Le.i8(b, o, n, 35))
                .timeRemaining(Le.i32(b, o, n, 36))
                .chargeState(MAV_BATTERY_CHARGE_STATE.get(Le.u8(b, o, n, 40)))
                .voltagesExt(Le.listOfInt(b, o, n, 41, 4, 2, false))
                .mode(MAV_BATTERY_MODE.get(Le.u8(b, o, n, 49)))
                .faultBitmask(MAV_BATTERY_FAULT.get((int) Le.u32(b, o, n, 50)))
                .build();
    }

    /** MountStatus (id 158, 15 bytes). */
    static MountStatus mountStatus(byte[] b, int o, int n) {
        return MountStatus.builder()
                .pointingA(Le.i32(b, o, n, 0))
                .pointingB(Le.i32(b, o, n, 4))
                .pointingC(Le.i32(b, o, n, 8))
                .targetSystem(Le.u8(b, o, n, 12))
                .targetComponent(Le.u8(b, o, n, 13))
                .mountMode(MAV_MOUNT_MODE.get(Le.u8(b, o, n, 14)))
                .build();
    }

    /** FenceStatus (id 162, 9 bytes). */
    static FenceStatus fenceStatus(byte[] b, int o, int n) {
        return FenceStatus.builder()
                .breachTime(Le.u32(b, o, n, 0))
                .breachCount(Le.u16(b, o, n, 4))
                .breachStatus(Le.u8(b, o, n, 6))
                .breachType(FENCE_BREACH.get(Le.u8(b, o, n, 7)))
                .breachMitigation(FENCE_MITIGATE.get(Le.u8(b, o, n, 8)))
                .build();
    }

    /** EkfStatusReport (id 193, 26 bytes). */
    static EkfStatusReport ekfStatusReport(byte[] b, int o, int n) {
        return EkfStatusReport.builder()
                .velocityVariance(Le.f32(b, o, n, 0))
                .posHorizVariance(Le.f32(b, o, n, 4))
                .posVertVariance(Le.f32(b, o, n, 8))
                .compassVariance(Le.f32(b, o, n, 12))
                .terrainAltVariance(Le.f32(b, o, n, 16))
                .flags(EKF_STATUS_FLAGS.get(Le.u16(b, o, n, 20)))
                .airspeedVariance(Le.f32(b, o, n, 22))
                .build();
    }

    /** EstimatorStatus (id 230, 42 bytes). */
    static EstimatorStatus estimatorStatus(byte[] b, int o, int n) {
        return EstimatorStatus.builder()
                .timeUsec(BigInteger.valueOf(Le.i64(b, o, n, 0)))
                .velRatio(Le.f32(b, o, n, 8))
                .posHorizRatio(Le.f32(b, o, n, 12))
                .posVertRatio(Le.f32(b, o, n, 16))
                .magRatio(Le.f32(b, o, n, 20))
                .haglRatio(Le.f32(b, o, n, 24))
                .tasRatio(Le.f32(b, o, n, 28))
                .posHorizAccuracy(Le.f32(b, o, n, 32))
                .posVertAccuracy(Le.f32(b, o, n, 36))
                .flags(ESTIMATOR_STATUS_FLAGS.get(Le.u16(b, o, n, 40)))
                .build();
    }

    /** Vibration (id 241, 32 bytes). */
    static Vibration vibration(byte[] b, int o, int n) {
        return Vibration.builder()
                .timeUsec(BigInteger.valueOf(Le.i64(b, o, n, 0)))
                .vibrationX(Le.f32(b, o, n, 8))
                .vibrationY(Le.f32(b, o, n, 12))
                .vibrationZ(Le.f32(b, o, n, 16))
                .clipping0(Le.u32(b, o, n, 20))
                .clipping1(Le.u32(b, o, n, 24))
                .clipping2(Le.u32(b, o, n, 28))
                .build();
    }

    /** HomePosition (id 242, 60 bytes). */
    static HomePosition homePosition(byte[] b, int o, int n) {
        return HomePosition.builder()
                .latitude(Le.i32(b, o, n, 0))
                .longitude(Le.i32(b, o, n, 4))
                .altitude(Le.i32(b, o, n, 8))
                .x(Le.f32(b, o, n, 12))
                .y(Le.f32(b, o, n, 16))
                .z(Le.f32(b, o, n, 20))
                .q(Le.listOfFloat(b, o, n, 24, 4, 4, false))
                .approachX(Le.f32(b, o, n, 40))
                .approachY(Le.f32(b, o, n, 44))
                .approachZ(Le.f32(b, o, n, 48))
                .timeUsec(BigInteger.valueOf(Le.i64(b, o, n, 52)))
                .build();
    }

    /** ExtendedSysState (id 245, 2 bytes). */
    static ExtendedSysState extendedSysState(byte[] b, int o, int n) {
        return ExtendedSysState.builder()
                .vtolState(MAV_VTOL_STATE.get(Le.u8(b, o, n, 0)))
                .landedState(MAV_LANDED_STATE.get(Le.u8(b, o, n, 1)))
                .build();
    }

    /** Statustext (id 253, 54 bytes). */
    static Statustext statustext(byte[] b, int o, int n) {
        return Statustext.builder()
                .severity(MAV_SEVERITY.get(Le.u8(b, o, n, 0)))
                .text(Le.string(b, o, n, 1, 50))
                .id(Le.u16(b, o, n, 51))
                .chunkSeq(Le.u8(b, o, n, 53))
                .build();
    }

    /** MountOrientation (id 265, 20 bytes). */
    static MountOrientation mountOrientation(byte[] b, int o, int n) {
        return MountOrientation.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .roll(Le.f32(b, o, n, 4))
                .pitch(Le.f32(b, o, n, 8))
                .yaw(Le.f32(b, o, n, 12))
                .yawAbsolute(Le.f32(b, o, n, 16))
                .build();
    }

    /** GimbalDeviceAttitudeStatus (id 285, 48 bytes). */
    static GimbalDeviceAttitudeStatus gimbalDeviceAttitudeStatus(byte[] b, int o, int n) {
        return GimbalDeviceAttitudeStatus.builder()
                .timeBootMs(Le.u32(b, o, n, 0))
                .q(Le.listOfFloat(b, o, n, 4, 4, 4, false))
                .angularVelocityX(Le.f32(b, o, n, 20))
                .angularVelocityY(Le.f32(b, o, n, 24))
                .angularVelocityZ(Le.f32(b, o, n, 28))
                .failureFlags(GIMBAL_DEVICE_ERROR_FLAGS.get((int) Le.u32(b, o, n, 32)))
                .flags(GIMBAL_DEVICE_FLAGS.get(Le.u16(b, o, n, 36)))
                .targetSystem(Le.u8(b, o, n, 38))
                .targetComponent(Le.u8(b, o, n, 39))
                .deltaYaw(Le.f32(b, o, n, 40))
                .deltaYawVelocity(Le.f32(b, o, n, 44))
                .build();
    }
}
