package org.vigie.geofence.plan;

/** Why a plan was refused. */
public enum PlanFailureReason {
    /** The target lies outside the district's inclusion polygon. */
    TARGET_OUTSIDE_DISTRICT,
    /** The target lies inside an exclusion zone and no point outside it can be reached. */
    TARGET_IN_EXCLUSION,
    /** The start lies too far outside the fence to route back inside. */
    START_OUTSIDE,
    /** Start and target lie in parts of the district that the exclusion zones (with margins) disconnect. */
    NO_PATH,
    /** The margins leave no flyable space in the district at all. */
    NO_FREE_SPACE
}
