package org.vigie.mission.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.geofence.ed269.GeozoneOverlay;
import org.vigie.geofence.ed269.UasZone;
import org.vigie.geofence.ed269.ZoneOutcome;
import org.vigie.geofence.ed269.ZonePolicy;
import org.vigie.geofence.zone.District;
import org.vigie.mission.authorisation.AuthorisationDecision;
import org.vigie.mission.authorisation.Authorisations;

/**
 * The lawful conditions of a dispatch, judged over its {@link FlightWindow}: first the authorisation it names
 * ({@link Authorisations#check}), then the ED-269 zones in force at some instant of the window, with the zones the
 * authorisation covers (and the standing waivers) waived ({@link GeozoneOverlay}). The flight is refused with the
 * authorisation's or the zone's sentence, or cleared in the district the zones leave: the planner then routes
 * around them, or stops outside one that holds the target, naming it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ComplianceGate implements DispatchGate {

    private final Authorisations authorisations;
    private final List<UasZone> zones;
    private final double homeAmslM;
    private final Set<String> standingWaivers;
    private final FlightWindow window;

    /**
     * @param authorisations  the district configuration's authorisations
     * @param zones           the ED-269 zones (may be empty)
     * @param homeAmslM       the district home's elevation, metres above mean sea level
     * @param standingWaivers REQ_AUTHORISATION or CONDITIONAL zones the operator may always enter
     * @param window          how the flight window is estimated
     */
    public ComplianceGate(Authorisations authorisations, List<UasZone> zones, double homeAmslM,
                          Set<String> standingWaivers, FlightWindow window) {
        this.authorisations = Objects.requireNonNull(authorisations, "authorisations");
        this.zones = List.copyOf(zones);
        this.homeAmslM = homeAmslM;
        this.standingWaivers = Set.copyOf(standingWaivers);
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public GateDecision decide(DispatchRequest request, District district, Instant now) {
        Instant end = window.end(request, district, now);
        AuthorisationDecision auth = authorisations.check(request, district.name(), now, end);
        if (auth instanceof AuthorisationDecision.Denied d) {
            return new GateDecision.Refused(d.reason());
        }
        List<String> notes = new ArrayList<>();
        Set<String> waived = new HashSet<>(standingWaivers);
        if (auth instanceof AuthorisationDecision.Granted g) {
            waived.addAll(g.authorisation().zoneIds());
            notes.add("under authorisation '" + g.authorisation().id() + "' (" + g.authorisation().issuer()
                    + ", valid until " + g.authorisation().validUntil() + ")");
        }
        if (zones.isEmpty()) {
            return new GateDecision.Cleared(district, notes);
        }
        ZoneOutcome o = new GeozoneOverlay(zones, new ZonePolicy(homeAmslM, waived)).apply(district, now, end);
        if (o instanceof ZoneOutcome.Blocked b) {
            return new GateDecision.Refused(b.reason());
        }
        ZoneOutcome.Cleared c = (ZoneOutcome.Cleared) o;
        c.applied().forEach(a -> notes.add(a.detail()));
        return new GateDecision.Cleared(c.district(), notes);
    }
}
