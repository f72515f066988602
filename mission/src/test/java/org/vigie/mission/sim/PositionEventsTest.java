package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.sim.SimConfig;

/**
 * The steps that judge on position (take-off, legs, landing) react to each GLOBAL_POSITION_INT, not to the decision
 * tick: with the tick ten times slower, the phases that fly take the same time within a fraction of a second.
 */
class PositionEventsTest {

    private static FlightReport fly(Duration tick) throws Exception {
        District d = SimHarness.quartier("Arsenal");
        GeoPoint target = DemoZones.offset(d, 150, 100);
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults()
                .withFlight(FlightConfig.defaults().withTickPeriod(tick)))) {
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("TICK-" + tick.toMillis(), target)
                    .onSceneTime(Duration.ofSeconds(5)).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(15));
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            return r;
        }
    }

    @Test
    void flyingPhasesDoNotWaitForTheTick() throws Exception {
        FlightReport fast = fly(Duration.ofMillis(200));
        FlightReport slow = fly(Duration.ofSeconds(2));
        for (FlightPhase p : new FlightPhase[] {FlightPhase.TAKEOFF, FlightPhase.TRANSIT, FlightPhase.RETURN,
                FlightPhase.LAND}) {
            double a = fast.phaseTimes().get(p).toMillis() / 1000.0;
            double b = slow.phaseTimes().get(p).toMillis() / 1000.0;
            assertThat(Math.abs(b - a)).as("%s: %.1f s with a 0.2 s tick, %.1f s with a 2 s tick", p, a, b)
                    .isLessThan(0.6);
        }
    }
}
