package org.vigie.mission.flight;

import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.Geofence;

/**
 * The predicted-breach decision: will the vehicle, moving as it does now, leave the fence (or enter an exclusion
 * zone) before it could stop? Pure and stateless; thread-safe.
 *
 * <p>The straight-line time to breach comes from {@link Geofence#timeToBreachS}. It is compared with the stopping
 * time {@code speed / deceleration + reaction}. While following a planned leg, a breach predicted beyond the leg's
 * end is ignored: the route turns there, and the leg itself lies inside the fence, so only a vehicle pushed off its
 * leg (wind, a bad estimate, a command we did not send) can trigger it.
 *
 * @param decelerationMps2 braking deceleration, m/s² (&gt; 0)
 * @param reactionS        reaction time, seconds (&ge; 0)
 */
public record BreachPredictor(double decelerationMps2, double reactionS) {

    /** Validates the parameters. */
    public BreachPredictor {
        if (!(decelerationMps2 > 0)) {
            throw new IllegalArgumentException("decelerationMps2 " + decelerationMps2 + " must be > 0");
        }
        if (!(reactionS >= 0)) {
            throw new IllegalArgumentException("reactionS " + reactionS + " must be >= 0");
        }
    }

    /**
     * @param speedMps current 3-D speed, m/s
     * @return seconds needed to stop from that speed, reaction included
     */
    public double stoppingTimeS(double speedMps) {
        return Math.abs(speedMps) / decelerationMps2 + reactionS;
    }

    /**
     * @param fence          the compiled fence
     * @param position       current position (altitude above home)
     * @param velEastMps     velocity east, m/s
     * @param velNorthMps    velocity north, m/s
     * @param velUpMps       velocity up, m/s
     * @param timeToLegEndS  seconds until the end of the current leg at the current speed;
     *                       {@link Double#POSITIVE_INFINITY} when not following a leg (hovering on scene)
     * @return the predicted time to breach in seconds if it calls for braking, or NaN when all is well
     */
    public double check(Geofence fence, GeoPoint position, double velEastMps, double velNorthMps, double velUpMps,
                        double timeToLegEndS) {
        double speed = Math.sqrt(velEastMps * velEastMps + velNorthMps * velNorthMps + velUpMps * velUpMps);
        if (speed < 0.3) {
            return Double.NaN;
        }
        double t = fence.timeToBreachS(position, velEastMps, velNorthMps, velUpMps);
        if (t < stoppingTimeS(speed) && t < timeToLegEndS) {
            return t;
        }
        return Double.NaN;
    }
}
