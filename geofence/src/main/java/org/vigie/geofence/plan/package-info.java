/**
 * Route planning inside a district: {@link org.vigie.geofence.plan.RoutePlanner} and its exact reference
 * implementation {@link org.vigie.geofence.plan.DistrictPlanner} (shortest path on the reduced visibility graph of the
 * margin-buffered free space, A*, graph cached per district). Results are values:
 * {@link org.vigie.geofence.plan.PlanResult} is either a {@link org.vigie.geofence.plan.PlanResult.Planned} route with
 * notes for the dispatcher or a {@link org.vigie.geofence.plan.PlanResult.Refused} failure with a reason and a sentence.
 */
package org.vigie.geofence.plan;
