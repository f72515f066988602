package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.TruthSample;

class NominalFlightTest {

    @Test
    void fliesToTheSceneAndBackHomeInsideTheFence() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        GeoPoint target = DemoZones.offset(d, 150, 100);
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults())) {
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("A-1", target).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(15));
            h.events.forEach(System.out::println);
            assertThat(r).as("report").isNotNull();
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(r.finalPhase()).isEqualTo(FlightPhase.DONE);
            List<FlightPhase> phases = h.events.stream().filter(e -> e instanceof FlightEvent.PhaseChanged)
                    .map(e -> ((FlightEvent.PhaseChanged) e).to()).toList();
            assertThat(phases).containsSubsequence(FlightPhase.UPLOAD, FlightPhase.ARM, FlightPhase.TAKEOFF,
                    FlightPhase.TRANSIT, FlightPhase.ON_SCENE, FlightPhase.RETURN, FlightPhase.LAND, FlightPhase.DONE);
            for (TruthSample s : h.sim.groundTruth().samples()) {
                assertThat(d.geofence().contains(new GeoPoint(s.latDeg(), s.lonDeg(), 0)))
                        .as("truth %s inside", s).isTrue();
            }
            assertThat(h.sim.armed()).isFalse();
            assertThat(h.sim.params().value("FENCE_ENABLE")).isEqualTo(1.0);
        }
    }
}
