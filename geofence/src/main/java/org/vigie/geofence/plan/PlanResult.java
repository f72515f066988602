package org.vigie.geofence.plan;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outcome of a plan: a route with notes, or a refusal. */
public sealed interface PlanResult permits PlanResult.Planned, PlanResult.Refused {

    /**
     * A route was planned.
     *
     * @param route the route
     * @param notes    sentences for the dispatcher about adjustments (stand-off outside an exclusion zone, re-entry
     *                 into the fence); empty when the route goes exactly where asked
     * @param standOff where and why the route ends short of the target, null when it ends at the target
     */
    record Planned(Route route, List<String> notes, @Nullable StandOff standOff) implements PlanResult {
        /** Copies the notes. */
        public Planned {
            notes = List.copyOf(notes);
        }

        /**
         * A plan that ends at its target.
         *
         * @param route the route
         * @param notes the notes
         */
        public Planned(Route route, List<String> notes) {
            this(route, notes, null);
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
