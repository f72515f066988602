package org.vigie.geofence.plan;

/**
 * Speed limits and tolerances for one plan.
 *
 * @param horizontalSpeedMps cruise ground speed, m/s, &gt; 0
 * @param climbRateMps       climb rate, m/s, &gt; 0
 * @param descentRateMps     descent rate, m/s, &gt; 0
 * @param maxStartOutsideM   how far outside the district's inclusion polygon a start may lie and still be routed
 *                           back inside (beyond it the plan is refused with {@link PlanFailureReason#START_OUTSIDE}),
 *                           metres, &ge; 0
 * @param turnCostS          time each waypoint of the horizontal path costs beyond its length (braking into the corner
 *                           and accelerating out of it), seconds, &ge; 0: the planner minimises length plus this times
 *                           the speed per waypoint, so of two routes of nearly equal length the one with fewer turns
 *                           wins; 0 is the plain shortest path
 */
public record PlanOptions(double horizontalSpeedMps, double climbRateMps, double descentRateMps,
        double maxStartOutsideM, double turnCostS) {

    /** 10 m/s cruise, 2.5 m/s climb, 1.5 m/s descent, start up to 150 m outside. */
    public static final PlanOptions DEFAULT = new PlanOptions(10.0, 2.5, 1.5, 150.0);

    /**
     * Options without a turn cost (the plain shortest path).
     *
     * @param horizontalSpeedMps cruise ground speed, m/s
     * @param climbRateMps       climb rate, m/s
     * @param descentRateMps     descent rate, m/s
     * @param maxStartOutsideM   how far outside a start may lie, metres
     */
    public PlanOptions(double horizontalSpeedMps, double climbRateMps, double descentRateMps,
            double maxStartOutsideM) {
        this(horizontalSpeedMps, climbRateMps, descentRateMps, maxStartOutsideM, 0);
    }

    /** @return the turn cost as a distance: {@code turnCostS} at the cruise speed, metres */
    public double turnCostM() {
        return turnCostS * horizontalSpeedMps;
    }

    /** Validates every field ({@link IllegalArgumentException} naming the value). */
    public PlanOptions {
        positive("horizontalSpeedMps", horizontalSpeedMps);
        positive("climbRateMps", climbRateMps);
        positive("descentRateMps", descentRateMps);
        if (!Double.isFinite(maxStartOutsideM) || maxStartOutsideM < 0) {
            throw new IllegalArgumentException("maxStartOutsideM " + maxStartOutsideM + " must be finite and >= 0");
        }
        if (!Double.isFinite(turnCostS) || turnCostS < 0) {
            throw new IllegalArgumentException("turnCostS " + turnCostS + " must be finite and >= 0");
        }
    }

    private static void positive(String name, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new IllegalArgumentException(name + " " + v + " must be finite and > 0");
        }
    }
}
