package org.vigie.mission.compliance;

import java.time.Instant;
import java.util.List;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.zone.District;

/**
 * What every dispatch passes before it flies (and every retask before it is applied): the lawful conditions of the
 * flight. {@link org.vigie.mission.Companion#gateDispatches(DispatchGate)} installs one; {@link ComplianceGate} is
 * the authorisation and ED-269 check. Implementations are immutable or thread-safe and fast (called on the
 * dispatching thread).
 */
@FunctionalInterface
public interface DispatchGate {

    /** Lets every dispatch through, in the companion's own district (the behaviour without a gate). */
    DispatchGate OPEN = (request, district, now) -> new GateDecision.Cleared(district, List.of());

    /**
     * Decides.
     *
     * @param request  the dispatch
     * @param district the companion's district
     * @param now      the dispatch instant (the companion's scheduler time)
     * @return cleared, with the district to fly in, or refused with a sentence
     */
    GateDecision decide(DispatchRequest request, District district, Instant now);
}
