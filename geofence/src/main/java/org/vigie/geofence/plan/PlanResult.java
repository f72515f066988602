package org.vigie.geofence.plan;

import java.util.List;

/** The outcome of a plan: a route with notes, or a refusal. */
public sealed interface PlanResult permits PlanResult.Planned, PlanResult.Refused {

    /**
     * A route was planned.
     *
     * @param route the route
     * @param notes sentences for the dispatcher about adjustments (stand-off outside an exclusion zone, re-entry into
     *              the fence); empty when the route goes exactly where asked
     */
    record Planned(Route route, List<String> notes) implements PlanResult {
        /** Copies the notes. */
        public Planned {
            notes = List.copyOf(notes);
        }
    }

    /**
     * No route.
     *
     * @param failure the reason and a sentence
     */
    record Refused(PlanFailure failure) implements PlanResult {
    }
}
