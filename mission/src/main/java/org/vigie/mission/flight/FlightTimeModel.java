package org.vigie.mission.flight;

import java.util.List;
import java.util.Objects;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;

/**
 * How long the aircraft takes to fly legs, from its {@link AircraftProfile}: the one model of the planned times, the
 * ETA and the physical bound. Pure function; immutable, thread-safe.
 *
 * <p>Each leg is a straight 3-D line flown as ArduCopter's waypoint navigation flies a GUIDED position target:
 * horizontal and vertical motion together, the leg taking the longer of the horizontal time (a trapezoid: accelerate
 * at the profile's acceleration from the speed the leg starts with, cruise at the maximum speed, brake to the speed it
 * ends with) and the vertical time (a trapezoid at the climb or descent rate and the vertical acceleration). A waypoint is a corner: the flight sends the next leg
 * once within the acceptance radius, so the aircraft passes it at about {@code sqrt(2 a r)} (it was braking to stop
 * there); the last leg ends at rest. That is the turn cost a route pays per waypoint, beyond its length.
 */
public final class FlightTimeModel {

    /**
     * Time from the take-off command to the climb starting on ArduCopter: motors held 2 s after arming
     * (ARMING_DELAY) and about 1 s of spool-up, as measured on SITL (sitl-suite's GuidedFlightConformanceTest).
     */
    public static final double TAKEOFF_OVERHEAD_S = 3.0;

    private final AircraftProfile profile;
    private final double acceptanceRadiusM;

    /**
     * @param profile           the aircraft
     * @param acceptanceRadiusM distance at which a waypoint counts as reached, metres (&ge; 0)
     */
    public FlightTimeModel(AircraftProfile profile, double acceptanceRadiusM) {
        this.profile = Objects.requireNonNull(profile, "profile");
        if (!(acceptanceRadiusM >= 0) || Double.isInfinite(acceptanceRadiusM)) {
            throw new IllegalArgumentException("acceptanceRadiusM " + acceptanceRadiusM + " must be >= 0 and finite");
        }
        this.acceptanceRadiusM = acceptanceRadiusM;
    }

    /** @return the profile this model times */
    public AircraftProfile profile() {
        return profile;
    }

    /** @return the speed at which the aircraft passes an intermediate waypoint, m/s */
    public double cornerSpeedMps() {
        return Math.min(profile.maxHorizontalSpeedMps(),
                Math.sqrt(2 * profile.horizontalAccelMps2() * acceptanceRadiusM));
    }

    /**
     * @return the time a waypoint costs beyond its distance at cruise speed: braking from the maximum speed to the
     *         corner speed and accelerating back, less the distance covered meanwhile at the maximum speed, seconds;
     *         the planner's turn cost
     */
    public double turnCostS() {
        double v = profile.maxHorizontalSpeedMps();
        double vc = cornerSpeedMps();
        return (v - vc) * (v - vc) / (profile.horizontalAccelMps2() * v);
    }

    /**
     * @param heightM vertical take-off height, metres (&ge; 0)
     * @return seconds from the take-off command to that height (overhead, then the climb rate)
     */
    public double takeoffS(double heightM) {
        return TAKEOFF_OVERHEAD_S + verticalS(Math.max(0, heightM), profile.climbRateMps());
    }

    /**
     * @param from   where the legs start (at rest)
     * @param points the waypoints flown to in order
     * @return seconds to fly them, ending at rest on the last
     */
    public double legsS(GeoPoint from, List<GeoPoint> points) {
        double t = 0;
        GeoPoint prev = from;
        double vIn = 0;
        for (int i = 0; i < points.size(); i++) {
            GeoPoint p = points.get(i);
            double vOut = i == points.size() - 1 ? 0 : cornerSpeedMps();
            t += legS(Geodesy.distanceM(prev, p), p.altitudeRelM() - prev.altitudeRelM(), vIn, vOut);
            vIn = vOut;
            prev = p;
        }
        return t;
    }

    /**
     * @param horizontalM horizontal length, metres
     * @param dzM         altitude change, metres (positive up)
     * @param vInMps      horizontal speed at the start, m/s
     * @param vOutMps     horizontal speed at the end, m/s
     * @return seconds for one leg: the longer of the horizontal trapezoid and the vertical time
     */
    public double legS(double horizontalM, double dzM, double vInMps, double vOutMps) {
        double tv = verticalS(Math.abs(dzM), dzM >= 0 ? profile.climbRateMps() : profile.descentRateMps());
        return Math.max(horizontalS(horizontalM, vInMps, vOutMps), tv);
    }

    /** A vertical trapezoid from rest to rest at the vertical acceleration, seconds. */
    private double verticalS(double dz, double rate) {
        if (dz <= 0) {
            return 0;
        }
        double a = profile.verticalAccelMps2();
        return dz >= rate * rate / a ? dz / rate + rate / a : 2 * Math.sqrt(dz / a);
    }

    private double horizontalS(double d, double v0, double v1) {
        if (d <= 0) {
            return 0;
        }
        double a = profile.horizontalAccelMps2();
        double vmax = profile.maxHorizontalSpeedMps();
        double dAcc = (vmax * vmax - v0 * v0) / (2 * a);
        double dDec = (vmax * vmax - v1 * v1) / (2 * a);
        if (dAcc + dDec <= d) {
            return (vmax - v0) / a + (vmax - v1) / a + (d - dAcc - dDec) / vmax;
        }
        // no cruise: the peak speed where the acceleration and the braking meet
        double vp = Math.sqrt(Math.max(0, a * d + (v0 * v0 + v1 * v1) / 2));
        if (vp < Math.max(v0, v1)) {
            return 2 * d / (v0 + v1);
        }
        return (vp - v0) / a + (vp - v1) / a;
    }

    /**
     * The physical bound the time-to-scene study compares with: the straight line from home to the target at the
     * maximum speed plus the minimum climb (the vertical take-off height at the climb rate).
     *
     * @param straightM          straight-line distance home to target, metres
     * @param transitAltitudeRelM the district's transit altitude, metres
     * @return seconds
     */
    public double boundS(double straightM, double transitAltitudeRelM) {
        return straightM / profile.maxHorizontalSpeedMps()
                + profile.takeoffHeightM(transitAltitudeRelM) / profile.climbRateMps();
    }
}
