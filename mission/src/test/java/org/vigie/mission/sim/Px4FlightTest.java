package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;
import org.vigie.sim.Flavour;
import org.vigie.sim.SimConfig;
import org.vigie.sim.TruthSample;

/** The same dispatch flown through the PX4 strategy (Hold + DO_REPOSITION, AMSL take-off, GF_* parameters). */
class Px4FlightTest {

    @Test
    void px4FlavourFliesTheDispatch() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot().flavour(Flavour.PX4),
                CompanionOptions.defaults())) {
            // the simulator's PX4 flavour keeps ArduPilot's parameter table: add PX4's geofence parameters
            h.sim.params().define("GF_ACTION", 2, 2);
            h.sim.params().define("GF_MAX_VER_DIST", 9, 0);
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("PX4-1", GeoPoint.of(48.85560, 2.36540)).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            assertThat(r).isNotNull();
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            for (TruthSample s : h.sim.groundTruth().samples()) {
                assertThat(d.geofence().contains(new GeoPoint(s.latDeg(), s.lonDeg(), 0))).isTrue();
            }
        }
    }
}
