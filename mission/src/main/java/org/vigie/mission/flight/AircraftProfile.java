package org.vigie.mission.flight;

import java.util.Locale;

/**
 * What the aircraft can do, shared by route planning (speeds of the plan), the time model ({@link FlightTimeModel}:
 * ETA and planned times), the energy budget and the autopilot (its navigation parameters, applied on attach by
 * {@link ProfileParameters}). Immutable value.
 *
 * <p>{@link #dfr()} is the default: a drone-as-first-responder class quad (15 m/s, 5 m/s up, 3 m/s down, 3 m/s²,
 * leaves the pad vertically to 10 m). {@link #legacy()} is the profile Vigie flew before (8 m/s, 2.5 m/s up, 1.5 m/s
 * down, climbing to the transit altitude before any horizontal motion), kept for comparison.
 *
 * <p>The limits below are those this project accepts for a small multicopter; each autopilot has its own ranges
 * (ArduCopter 4.x: WPNAV_SPEED 10..2000 cm/s, WPNAV_SPEED_UP 10..1000 cm/s, WPNAV_SPEED_DN 10..500 cm/s, WPNAV_ACCEL
 * 50..500 cm/s²; PX4: MPC_XY_CRUISE 3..20 m/s, MPC_Z_V_AUTO_UP 0.5..8 m/s, MPC_Z_V_AUTO_DN 0.5..4 m/s, MPC_ACC_HOR
 * 2..15 m/s²), checked by {@link ProfileParameters#of} before anything is sent.
 *
 * @param name                       a short name for reports ("dfr", "legacy")
 * @param maxHorizontalSpeedMps      cruise ground speed, m/s, in (0, 20]
 * @param climbRateMps               climb rate, m/s, in (0, 10]
 * @param descentRateMps             descent rate, m/s, in (0, 5]
 * @param horizontalAccelMps2        horizontal acceleration, m/s², in [0.5, 5]
 * @param verticalAccelMps2          vertical acceleration, m/s², in [0.5, 5] (ArduCopter WPNAV_ACCEL_Z)
 * @param minHeightBeforeHorizontalM height the take-off climbs to vertically before moving horizontally, metres, in
 *                                   [2, 500]; a value at or above the transit altitude climbs all the way first
 * @param transitFloorRelM           lowest transit altitude the aircraft accepts, metres above home, in [5, 500]
 * @param transitCeilingRelM         highest transit altitude, metres above home, in [floor, 500]
 * @param enduranceS                 hover endurance on a full battery, seconds, in [60, 7200]
 */
public record AircraftProfile(String name, double maxHorizontalSpeedMps, double climbRateMps, double descentRateMps,
                              double horizontalAccelMps2, double verticalAccelMps2, double minHeightBeforeHorizontalM,
                              double transitFloorRelM,
                              double transitCeilingRelM, double enduranceS) {

    /** Validates every value; {@link IllegalArgumentException} naming the value and its limit. */
    public AircraftProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank");
        }
        range("maxHorizontalSpeedMps", maxHorizontalSpeedMps, 0, false, 20);
        range("climbRateMps", climbRateMps, 0, false, 10);
        range("descentRateMps", descentRateMps, 0, false, 5);
        range("horizontalAccelMps2", horizontalAccelMps2, 0.5, true, 5);
        range("verticalAccelMps2", verticalAccelMps2, 0.5, true, 5);
        range("minHeightBeforeHorizontalM", minHeightBeforeHorizontalM, 2, true, 500);
        range("transitFloorRelM", transitFloorRelM, 5, true, 500);
        range("transitCeilingRelM", transitCeilingRelM, transitFloorRelM, true, 500);
        range("enduranceS", enduranceS, 60, true, 7200);
    }

    private static void range(String what, double v, double lo, boolean loIncluded, double hi) {
        boolean ok = Double.isFinite(v) && (loIncluded ? v >= lo : v > lo) && v <= hi;
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "aircraft profile %s %s is outside %s%s, %s]",
                    what, v, loIncluded ? "[" : "(", fmt(lo), fmt(hi)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The default: a DFR-class quad (DJI Matrice/Skydio X10/BRINC class airframes cruise at 15-20 m/s). 15 m/s
     * cruise (WPNAV_SPEED 1500 cm/s), 5 m/s up (WPNAV_SPEED_UP 500), 3 m/s down (WPNAV_SPEED_DN 300; ArduCopter's
     * default is 150), 3 m/s² (WPNAV_ACCEL 300), 2.5 m/s² vertically (WPNAV_ACCEL_Z 250), vertical to 10 m then climbing along the route, transit band
     * 30..120 m, 25 min of hover.
     *
     * @return the DFR profile
     */
    public static AircraftProfile dfr() {
        return new AircraftProfile("dfr", 15.0, 5.0, 3.0, 3.0, 2.5, 10.0, 30.0, 120.0, 1500);
    }

    /**
     * The profile Vigie flew before issue 14: 8 m/s, 2.5 m/s up, 1.5 m/s down, 2.5 m/s², 1 m/s² vertically
     * (ArduCopter's defaults), the whole climb to transit
     * altitude before moving, transit band 30..120 m, 20 min of hover.
     *
     * @return the legacy profile
     */
    public static AircraftProfile legacy() {
        return new AircraftProfile("legacy", 8.0, 2.5, 1.5, 2.5, 1.0, 500.0, 30.0, 120.0, 1200);
    }

    /**
     * @param transitAltitudeRelM the district's transit altitude, metres above home
     * @return how high the take-off climbs vertically before the route starts: the smaller of the minimum height and
     *         the transit altitude
     */
    public double takeoffHeightM(double transitAltitudeRelM) {
        return Math.min(minHeightBeforeHorizontalM, transitAltitudeRelM);
    }

    /** @param v new maximum horizontal speed, m/s @return a copy */
    public AircraftProfile withMaxHorizontalSpeedMps(double v) {
        return new AircraftProfile(name, v, climbRateMps, descentRateMps, horizontalAccelMps2, verticalAccelMps2,
                minHeightBeforeHorizontalM, transitFloorRelM, transitCeilingRelM, enduranceS);
    }

    /** @param v new climb rate, m/s @return a copy */
    public AircraftProfile withClimbRateMps(double v) {
        return new AircraftProfile(name, maxHorizontalSpeedMps, v, descentRateMps, horizontalAccelMps2,
                verticalAccelMps2, minHeightBeforeHorizontalM, transitFloorRelM, transitCeilingRelM, enduranceS);
    }
}
