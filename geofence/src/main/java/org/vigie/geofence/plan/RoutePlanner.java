package org.vigie.geofence.plan;

import org.vigie.geofence.geodesy.GeoPoint;

/**
 * Plans flights inside one district's fence. Implementations are immutable and thread-safe: any thread may plan
 * concurrently.
 */
public interface RoutePlanner {

    /**
     * Plans an outbound flight: climb above the start to transit altitude, fly the shortest path that keeps the
     * district's horizontal margin from every fence boundary, descend to the on-scene altitude at the destination.
     *
     * @param start   where the drone is (altitude above home)
     * @param target  where it is sent (altitude ignored)
     * @param options speeds and tolerances
     * @return {@link PlanResult.Planned} or {@link PlanResult.Refused}; never null
     * @throws IllegalArgumentException if an argument is null
     */
    PlanResult plan(GeoPoint start, GeoPoint target, PlanOptions options);

    /**
     * {@link #plan(GeoPoint, GeoPoint, PlanOptions)} with {@link PlanOptions#DEFAULT}.
     *
     * @param start  where the drone is
     * @param target where it is sent
     * @return the result
     */
    default PlanResult plan(GeoPoint start, GeoPoint target) {
        return plan(start, target, PlanOptions.DEFAULT);
    }

    /**
     * Plans the way home: to transit altitude, the shortest path inside the fence, ending above home at transit
     * altitude (the landing itself is the autopilot's).
     *
     * @param from    where the drone is (altitude above home)
     * @param options speeds and tolerances
     * @return the result; never null
     * @throws IllegalArgumentException if an argument is null
     */
    PlanResult planReturn(GeoPoint from, PlanOptions options);
}
