package org.vigie.sim;

/**
 * Where the simulated vehicle really was at one physics step (no GPS noise, no estimator error).
 *
 * @param timeS seconds since {@link SimVehicle#start()}
 * @param latDeg true latitude, degrees
 * @param lonDeg true longitude, degrees
 * @param altitudeRelM true altitude above home, metres
 * @param northM metres north of home
 * @param eastM metres east of home
 * @param groundSpeedMps horizontal speed over the ground, m/s
 * @param climbMps vertical speed, m/s, positive up
 * @param headingDeg heading, degrees 0..360
 * @param armed motors armed
 * @param modeNumber custom mode number (ArduCopter numbering)
 * @param consumedMah battery charge used so far, mAh
 */
public record TruthSample(double timeS, double latDeg, double lonDeg, double altitudeRelM, double northM,
                          double eastM, double groundSpeedMps, double climbMps, double headingDeg, boolean armed,
                          int modeNumber, double consumedMah) {}
