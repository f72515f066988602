package org.vigie.sim;

import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the vehicle and its gimbal point: the region of interest (DO_SET_ROI*), a fixed yaw (CONDITION_YAW, a yaw in
 * SET_POSITION_TARGET_GLOBAL_INT, the mission's CONDITION_YAW), a manual gimbal attitude
 * (DO_GIMBAL_MANAGER_PITCHYAW); it steers the flight model's yaw every step and reports GIMBAL_DEVICE_ATTITUDE_STATUS.
 *
 * <p>Threading: event thread only.
 */
final class Pointing {

    private final SimState state;
    private final FlightModel flight;
    private final GeoNe geo;

    /** Region of interest: north, east (m from the origin), altitude above home (m); null when none. */
    private double @Nullable [] roi;
    /** Pitch commanded by DO_GIMBAL_MANAGER_PITCHYAW, degrees; NaN when no manual gimbal command is in force. */
    private double gimbalCmdPitchDeg = Double.NaN;
    /** Yaw commanded by DO_GIMBAL_MANAGER_PITCHYAW, degrees (vehicle-relative, or earth if gimbalCmdEarthYaw). */
    private double gimbalCmdYawDeg;
    private boolean gimbalCmdEarthYaw;
    private double fixedYawDeg = Double.NaN;

    Pointing(SimState state, FlightModel flight, GeoNe geo) {
        this.state = state;
        this.flight = flight;
        this.geo = geo;
    }

    /** At boot: no ROI, no manual gimbal attitude, no fixed yaw. */
    void reset() {
        roi = null;
        gimbalCmdPitchDeg = Double.NaN;
        fixedYawDeg = Double.NaN;
    }

    /** Drops the ROI; a manual gimbal attitude stays. */
    void clearRoi() {
        roi = null;
    }

    /** Drops the ROI and any manual gimbal attitude. */
    void clearRoiAndGimbal() {
        roi = null;
        gimbalCmdPitchDeg = Double.NaN;
    }

    /** Points at a location (0, 0 clears the ROI); ends any manual gimbal attitude. */
    void setRoi(int latE7, int lonE7, float z, int frame) {
        gimbalCmdPitchDeg = Double.NaN;
        if (latE7 == 0 && lonE7 == 0) {
            roi = null;
            return;
        }
        roi = new double[] {geo.northM(latE7), geo.eastM(lonE7), state.altRelFromFrame(frame, z)};
    }

    /** Holds a yaw, degrees (as given: the caller wraps it if needed). */
    void fixYaw(double yawDeg) {
        fixedYawDeg = yawDeg;
    }

    /**
     * MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW: points the single simulated gimbal (device id 0 = all, or 1) at a pitch and
     * yaw until the next ROI or gimbal command. NaN angles keep the current commanded angle (0 if none).
     *
     * @return a MAV_RESULT
     */
    int gimbalPitchYaw(float pitchDeg, float yawDeg, int deviceId, int flags) {
        if (deviceId != 0 && deviceId != 1) {
            return 2;
        }
        if ((!Float.isNaN(pitchDeg) && (pitchDeg < -90 || pitchDeg > 90))
                || (!Float.isNaN(yawDeg) && (yawDeg < -180 || yawDeg > 180))) {
            return 2;
        }
        boolean keep = !Double.isNaN(gimbalCmdPitchDeg);
        gimbalCmdPitchDeg = !Float.isNaN(pitchDeg) ? pitchDeg : keep ? gimbalCmdPitchDeg : 0;
        gimbalCmdYawDeg = !Float.isNaN(yawDeg) ? yawDeg : keep ? gimbalCmdYawDeg : 0;
        gimbalCmdEarthYaw = (flags & 16) != 0;
        return 0;
    }

    /** Sets the flight model's desired yaw for this step: ROI, fixed yaw, along the track, or free. */
    void steerYaw() {
        if (roi != null && !flight.onGround) {
            flight.desiredYawDeg = (Math.toDegrees(Math.atan2(roi[1] - flight.eastM, roi[0] - flight.northM)) + 360)
                    % 360;
        } else if (!Double.isNaN(fixedYawDeg)) {
            flight.desiredYawDeg = fixedYawDeg;
        } else if (flight.target == FlightModel.Target.POSITION && flight.distanceToTargetM() > 2
                && !(state.mode == CopterMode.RTL)) {
            flight.desiredYawDeg = (Math.toDegrees(Math.atan2(flight.tgtEastM - flight.eastM,
                    flight.tgtNorthM - flight.northM)) + 360) % 360;
        } else {
            flight.desiredYawDeg = Double.NaN;
        }
    }

    /** @return GIMBAL_DEVICE_ATTITUDE_STATUS now */
    GimbalDeviceAttitudeStatus gimbalStatus() {
        double pitch = 0;
        double yawRel = 0;
        // roll and pitch locked to the horizon; yaw in the vehicle frame: this two-axis gimbal turns with the vehicle
        int flags = 4 | 8 | 32;
        if (!Double.isNaN(gimbalCmdPitchDeg)) {
            // commanded attitude (DO_GIMBAL_MANAGER_PITCHYAW): this gimbal has a yaw axis for manual pointing
            pitch = Math.toRadians(gimbalCmdPitchDeg);
            yawRel = Math.toRadians(gimbalCmdYawDeg);
            flags = gimbalCmdEarthYaw ? 4 | 8 | 16 | 64 : 4 | 8 | 32;
        } else if (roi != null) {
            double dn = roi[0] - flight.northM;
            double de = roi[1] - flight.eastM;
            double dist = GeoNe.hypot(dn, de);
            double dAlt = roi[2] - flight.altM;
            pitch = Math.max(Math.toRadians(-90), Math.min(Math.toRadians(20), Math.atan2(dAlt, Math.max(dist,
                    0.01))));
            double bearing = Math.toDegrees(Math.atan2(de, dn));
            yawRel = Math.toRadians(GeoNe.wrap180(bearing - flight.yawDeg));
            // two-axis gimbal: no yaw axis, the vehicle yaws to the ROI
            yawRel = 0 * yawRel;
        }
        double cy = Math.cos(yawRel / 2);
        double sy = Math.sin(yawRel / 2);
        double cp = Math.cos(pitch / 2);
        double sp = Math.sin(pitch / 2);
        List<Float> q = Arrays.asList((float) (cp * cy), (float) (-sp * sy), (float) (sp * cy), (float) (cp * sy));
        return GimbalDeviceAttitudeStatus.builder().targetSystem(0).targetComponent(0).timeBootMs(state.bootMs())
                .flags(EnumValue.create(flags)).q(q).angularVelocityX(0).angularVelocityY(0)
                .angularVelocityZ(0).failureFlags(EnumValue.create(0)).build();
    }
}
