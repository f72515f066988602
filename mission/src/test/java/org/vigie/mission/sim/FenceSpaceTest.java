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
import org.vigie.mission.FlightReport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.TruthSample;

/**
 * A board with less fence storage than ArduCopter's usual 560 bytes (304 bytes: an 8 KiB board). When the autopilot
 * states its capacity the first fence fits; when it does not, the refused upload is re-exported smaller and sent
 * again, and the dispatch still flies, inside the fence.
 */
class FenceSpaceTest {

    private static District district() throws Exception {
        return DemoZones.withZones(SimHarness.quartier("Arsenal"), 2, 11);
    }

    private static List<String> warnings(SimHarness h) {
        return h.events.stream().filter(FlightEvent.Warning.class::isInstance)
                .map(e -> ((FlightEvent.Warning) e).message()).toList();
    }

    private static FlightReport fly(SimHarness h, District d) {
        h.advance(Duration.ofSeconds(2));
        GeoPoint target = DemoZones.offset(d, 150, 100);
        Flight f = h.dispatch(SimHarness.request("SPACE-1", target).onSceneTime(Duration.ofSeconds(5)).build());
        FlightReport r = h.fly(f, Duration.ofMinutes(15));
        for (TruthSample s : h.sim.groundTruth().samples()) {
            assertThat(d.geofence().contains(new GeoPoint(s.latDeg(), s.lonDeg(), 0))).as("truth %s", s).isTrue();
        }
        return r;
    }

    @Test
    void aStatedSmallCapacityIsFittedAtOnce() throws Exception {
        District d = district();
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot().fenceStorageBytes(304),
                CompanionOptions.defaults())) {
            FlightReport r = fly(h, d);
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(warnings(h)).noneMatch(w -> w.contains("refused a fence"));
        }
    }

    @Test
    void anUnstatedSmallCapacityIsFoundByRetryingSmaller() throws Exception {
        District d = district();
        // the flight's own UPLOAD path (the companion's readiness shrinks the same way before any dispatch)
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot().fenceStorageBytes(304)
                .statesFenceCapacity(false), CompanionOptions.defaults().withReadyOnAttach(false))) {
            FlightReport r = fly(h, d);
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(warnings(h)).anyMatch(w -> w.startsWith("the autopilot refused a fence of")
                    && w.contains("sending a smaller conservative one"));
        }
    }

    @Test
    void aBoardTooSmallForAnyFenceThatHoldsTheRouteIsARefusalWithTheReason() throws Exception {
        District d = district();
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot().fenceStorageBytes(40)
                .statesFenceCapacity(false), CompanionOptions.defaults())) {
            FlightReport r = fly(h, d);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.REFUSED);
            assertThat(r.outcomeReason()).startsWith("the autopilot refused the fence for space (NO_SPACE) and a"
                    + " smaller conservative one does not hold the route: district 'Arsenal' needs at least");
            assertThat(h.sim.armed()).isFalse();
        }
    }
}
