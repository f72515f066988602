package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.ed269.Ed269Reader;
import org.vigie.geofence.ed269.UasZone;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightReport;
import org.vigie.mission.TrackPoint;
import org.vigie.mission.audit.Decisions;
import org.vigie.mission.audit.MissionAudit;
import org.vigie.mission.authorisation.Authorisations;
import org.vigie.mission.compliance.ComplianceGate;
import org.vigie.mission.compliance.FlightWindow;
import org.vigie.sim.SimConfig;

/**
 * The companion's dispatch gate against the simulator (scheduler time starts 2026-01-01T00:00Z): an expired
 * authorisation is refused with its reason, a zone that activates during the flight window is flown around from the
 * dispatch, a zone that will cover home refuses the flight naming it.
 */
class CompanionComplianceTest {

    static final GeoPoint PLACE_DES_VOSGES = CompanionDispatchTest.PLACE_DES_VOSGES;

    static ComplianceGate gate(List<UasZone> zones) throws Exception {
        return new ComplianceGate(Authorisations.read(Path.of("..", "data", "districts",
                "arsenal-authorisations.json")), zones, 35.0, Set.of(), FlightWindow.defaults());
    }

    static List<UasZone> circle(String id, GeoPoint centre, double radiusM, String start) {
        return Ed269Reader.parse("[{\"identifier\": \"" + id + "\", \"country\": \"FRA\", \"name\": \"Cordon\","
                + " \"restriction\": \"PROHIBITED\", \"applicability\": [{\"permanent\": \"NO\", \"startDateTime\": \""
                + start + "\", \"endDateTime\": \"2026-01-01T02:00:00Z\"}], \"geometry\": [{\"uomDimensions\": \"M\","
                + " \"lowerVerticalReference\": \"AGL\", \"upperLimit\": 120, \"upperVerticalReference\": \"AGL\","
                + " \"horizontalProjection\": {\"type\": \"Circle\", \"center\": [" + centre.lonDeg() + ", "
                + centre.latDeg() + "], \"radius\": " + radiusM + "}}]}]");
    }

    @Test
    void anExpiredAuthorisationIsRefusedWithTheReason() throws Exception {
        try (SimHarness h = new SimHarness(SimHarness.quartier("Arsenal"), SimConfig.builder().fastBoot(),
                CompanionOptions.defaults())) {
            h.companion.gateDispatches(gate(List.of()));
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("EXP-1", PLACE_DES_VOSGES).authorisation("PP-2025-1187").build());
            FlightReport r = f.report().getNow(null);
            assertThat(r).isNotNull();
            assertThat(r.outcome()).isEqualTo(FlightOutcome.REFUSED);
            assertThat(r.outcomeReason()).isEqualTo("authorisation 'PP-2025-1187' (Préfecture de police) expired at"
                    + " 2025-12-31T23:00:00Z");
            h.advance(Duration.ofSeconds(5));
            assertThat(h.sim.armed()).isFalse();
            assertThat(Decisions.of(h.companion.options().accountability())).singleElement().satisfies(a -> {
                assertThat(a.event()).isEqualTo(MissionAudit.Decision.REFUSED);
                assertThat(a.detail()).contains("PP-2025-1187", "expired");
            });
        }
    }

    @Test
    void aZoneActivatingDuringTheFlightIsFlownAroundFromTheDispatch() throws Exception {
        try (SimHarness h = new SimHarness(SimHarness.quartier("Arsenal"), SimConfig.builder().fastBoot(),
                CompanionOptions.defaults())) {
            h.companion.gateDispatches(gate(circle("LFVOSG", PLACE_DES_VOSGES, 40, "2026-01-01T00:04:00Z")));
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("Z-1", PLACE_DES_VOSGES).authorisation("PP-2026-0412").build());
            h.scheduler.advanceUntil(() -> f.phase() == FlightPhase.TRANSIT, Duration.ofMillis(100),
                    Duration.ofMinutes(2));
            assertThat(f.phase()).isEqualTo(FlightPhase.TRANSIT);
            List<TrackPoint> outbound = f.view().orElseThrow().plannedRoutes().get(0);
            TrackPoint end = outbound.get(outbound.size() - 1);
            assertThat(Geodesy.distanceM(PLACE_DES_VOSGES, GeoPoint.of(end.latDeg(), end.lonDeg())))
                    .as("the route stops outside the zone that starts at 00:04, during the flight").isGreaterThan(40);
            assertThat(Decisions.of(h.companion.options().accountability())).first().satisfies(a -> {
                assertThat(a.event()).isEqualTo(MissionAudit.Decision.ACCEPTED);
                assertThat(a.detail()).contains("under authorisation 'PP-2026-0412'", "zone LFVOSG 'Cordon'",
                        "excluded");
            });
            assertThat(h.companion.options().accountability().recent())
                    .filteredOn(e -> e.type().startsWith("dispatch."))
                    .as("every record made from the request names the authorisation it flies under").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.fields()).containsEntry("authorisationId", "PP-2026-0412"));
        }
    }

    @Test
    void aZoneThatWillCoverHomeRefusesTheFlightNamingIt() throws Exception {
        try (SimHarness h = new SimHarness(SimHarness.quartier("Arsenal"), SimConfig.builder().fastBoot(),
                CompanionOptions.defaults())) {
            h.companion.gateDispatches(gate(circle("LFHOME", h.district.home(), 60, "2026-01-01T00:03:00Z")));
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("Z-2", PLACE_DES_VOSGES).authorisation("PP-2026-0412").build());
            FlightReport r = f.report().getNow(null);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.REFUSED);
            assertThat(r.outcomeReason()).contains("ED-269 zone LFHOME 'Cordon'", "covers the home",
                    "district 'Arsenal'");
        }
    }
}
