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
 */
public record PlanOptions(double horizontalSpeedMps, double climbRateMps, double descentRateMps,
        double maxStartOutsideM) {

    /** 10 m/s cruise, 2.5 m/s climb, 1.5 m/s descent, start up to 150 m outside. */
    public static final PlanOptions DEFAULT = new PlanOptions(10.0, 2.5, 1.5, 150.0);

    /** Validates every field ({@link IllegalArgumentException} naming the value). */
    public PlanOptions {
        positive("horizontalSpeedMps", horizontalSpeedMps);
        positive("climbRateMps", climbRateMps);
        positive("descentRateMps", descentRateMps);
        if (!Double.isFinite(maxStartOutsideM) || maxStartOutsideM < 0) {
            throw new IllegalArgumentException("maxStartOutsideM " + maxStartOutsideM + " must be finite and >= 0");
        }
    }

    private static void positive(String name, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new IllegalArgumentException(name + " " + v + " must be finite and > 0");
        }
    }
}
