package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.FailsafeKind;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.sim.CopterMode;
import org.vigie.sim.SimConfig;
import org.vigie.sim.TruthSample;

/** Each in-flight failsafe triggered once against the simulated ArduCopter, and handled. */
class FailsafeTest {

    static final GeoPoint PLACE_DES_VOSGES = GeoPoint.of(48.85560, 2.36540);

    static SimHarness harness(CompanionOptions options) throws Exception {
        District d = SimHarness.quartier("Arsenal");
        SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), options);
        h.advance(Duration.ofSeconds(2));
        return h;
    }

    static Flight flyTo(SimHarness h, FlightPhase phase, Duration extra) {
        Flight f = h.dispatch(SimHarness.request("FS-1", PLACE_DES_VOSGES).onSceneTime(Duration.ofSeconds(30)).build());
        h.scheduler.advanceUntil(() -> f.phase() == phase || f.phase().isTerminal(), Duration.ofMillis(100),
                Duration.ofMinutes(5));
        assertThat(f.phase()).isEqualTo(phase);
        h.advance(extra);
        return f;
    }

    static void assertInsideFence(SimHarness h) {
        for (TruthSample s : h.sim.groundTruth().samples()) {
            assertThat(h.district.geofence().contains(new GeoPoint(s.latDeg(), s.lonDeg(), 0)))
                    .as("ground truth %s inside the district", s).isTrue();
        }
    }

    static List<FailsafeKind> failsafes(SimHarness h) {
        return h.events.stream().filter(e -> e instanceof FlightEvent.FailsafeTriggered)
                .map(e -> ((FlightEvent.FailsafeTriggered) e).kind()).toList();
    }

    @Test
    void autopilotLinkLostIsRecordedAndTheAutopilotFailsafeKeepsTheDrone() throws Exception {
        try (SimHarness h = harness(CompanionOptions.defaults())) {
            Flight f = flyTo(h, FlightPhase.TRANSIT, Duration.ofSeconds(10));
            h.sim.faults().linkLoss(true);
            h.advance(Duration.ofSeconds(20));
            assertThat(failsafes(h)).contains(FailsafeKind.AUTOPILOT_LINK_LOST);
            h.sim.faults().linkLoss(false);
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            assertThat(r).isNotNull();
            assertThat(r.failsafes()).contains(FailsafeKind.AUTOPILOT_LINK_LOST);
            assertThat(r.outcomeReason()).isNotBlank();
            assertThat(h.sim.armed()).isFalse();
            assertInsideFence(h);
        }
    }

    @Test
    void dispatchLinkLostFinishesOnSceneTimeThenReturns() throws Exception {
        CompanionOptions o = CompanionOptions.defaults()
                .withFlight(FlightConfig.defaults().withDispatchLinkTimeout(Duration.ofSeconds(20)));
        try (SimHarness h = harness(o)) {
            Flight f = h.dispatch(SimHarness.request("FS-2", PLACE_DES_VOSGES).onSceneTime(Duration.ofSeconds(30))
                    .build());
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            assertThat(r.failsafes()).contains(FailsafeKind.DISPATCH_LINK_LOST);
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(r.phaseTimes().get(FlightPhase.ON_SCENE)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            assertInsideFence(h);
        }
    }

    @Test
    void batteryBelowReturnReserveReturnsNow() throws Exception {
        try (SimHarness h = harness(CompanionOptions.defaults())) {
            Flight f = flyTo(h, FlightPhase.TRANSIT, Duration.ofSeconds(5));
            h.sim.faults().batteryRemaining(0.08);
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            assertThat(r.failsafes()).contains(FailsafeKind.BATTERY_RESERVE);
            assertThat(r.phaseTimes()).doesNotContainKey(FlightPhase.ON_SCENE);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.ABORTED);
            assertThat(r.outcomeReason()).contains("battery");
            assertThat(h.sim.armed()).isFalse();
            assertInsideFence(h);
        }
    }

    @Test
    void predictedBreachBrakesAndReplans() throws Exception {
        // holding on scene (no orbit), so the rogue command below is not overridden by the next orbit point
        try (SimHarness h = harness(CompanionOptions.defaults().withFlight(org.vigie.mission.flight.FlightConfig
                .defaults().withOnScene(org.vigie.mission.flight.FlightConfig.OnScene.hold())))) {
            Flight f = flyTo(h, FlightPhase.ON_SCENE, Duration.ofSeconds(3));
            // a rogue command (not ours) sends the drone straight towards the nearest edge of the district
            TruthSample now = h.sim.groundTruth().latest();
            GeoPoint here = new GeoPoint(now.latDeg(), now.lonDeg(), 0);
            var fr = h.district.geofence().frame();
            GeoPoint edge = null;
            double best = Double.MAX_VALUE;
            for (int deg = 0; deg < 360; deg += 5) {
                var p = fr.toLocal(here);
                GeoPoint far = fr.toGeo(p.eastM() + 800 * Math.sin(Math.toRadians(deg)),
                        p.northM() + 800 * Math.cos(Math.toRadians(deg)), 0);
                GeoPoint e = lastInside(h.district, here, far);
                double dist = fr.toLocal(e).horizontalDistanceM(p);
                if (dist > 40 && dist < best) {
                    best = dist;
                    double k = (dist - 8) / dist;
                    var pe = fr.toLocal(e);
                    edge = fr.toGeo(p.eastM() + (pe.eastM() - p.eastM()) * k, p.northM() + (pe.northM() - p.northM()) * k,
                            0);
                }
            }
            h.link.send(CommandInt.builder().targetSystem(1).targetComponent(1)
                    .frame(MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT).command(MavCmd.MAV_CMD_DO_REPOSITION)
                    .param1(-1).param2(1).param4(Float.NaN).x((int) Math.round(edge.latDeg() * 1e7))
                    .y((int) Math.round(edge.lonDeg() * 1e7)).z(60).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            assertThat(r.failsafes()).contains(FailsafeKind.PREDICTED_BREACH);
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertInsideFence(h);
        }
    }

    /** The last point inside the district on the segment from a to b (1 m steps), minus 1 m. */
    static GeoPoint lastInside(District d, GeoPoint a, GeoPoint b) {
        var fr = d.geofence().frame();
        var pa = fr.toLocal(a);
        var pb = fr.toLocal(b);
        double len = Math.hypot(pb.eastM() - pa.eastM(), pb.northM() - pa.northM());
        GeoPoint last = a;
        for (double s = 0; s <= len; s += 1) {
            GeoPoint p = fr.toGeo(pa.eastM() + (pb.eastM() - pa.eastM()) * s / len,
                    pa.northM() + (pb.northM() - pa.northM()) * s / len, 0);
            if (!d.geofence().contains(p)) {
                break;
            }
            last = p;
        }
        return last;
    }

    @Test
    void gpsLossStopsCommandingAndTheAutopilotLands() throws Exception {
        try (SimHarness h = harness(CompanionOptions.defaults())) {
            Flight f = flyTo(h, FlightPhase.TRANSIT, Duration.ofSeconds(8));
            h.sim.faults().gpsLoss(true);
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            assertThat(r.failsafes()).contains(FailsafeKind.NAVIGATION_LOST);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.FAILED);
            assertThat(r.outcomeReason()).contains("navigation lost");
            assertThat(h.sim.armed()).isFalse();
        }
    }

    @Test
    void pilotTakeoverYieldsAndReports() throws Exception {
        try (SimHarness h = harness(CompanionOptions.defaults())) {
            Flight f = flyTo(h, FlightPhase.TRANSIT, Duration.ofSeconds(8));
            h.sim.faults().pilotTakeover(CopterMode.LOITER);
            h.advance(Duration.ofSeconds(5));
            assertThat(failsafes(h)).contains(FailsafeKind.PILOT_TAKEOVER);
            long commandsBefore = h.events.size();
            h.advance(Duration.ofSeconds(20));
            assertThat(f.phase()).isEqualTo(FlightPhase.TRANSIT);
            assertThat(h.sim.mode()).isEqualTo(CopterMode.LOITER);
            h.sim.faults().pilotTakeover(CopterMode.LAND);
            FlightReport r = h.fly(f, Duration.ofMinutes(5));
            assertThat(r.outcome()).isEqualTo(FlightOutcome.ABORTED);
            assertThat(r.outcomeReason()).contains("without our request").contains("LOITER");
            assertThat(commandsBefore).isPositive();
        }
    }

    /**
     * ArduCopter's HEARTBEAT in RTL can reach the companion before its "Battery Failsafe" text: the change is first
     * taken for a pilot's, then explained by the text, and the flight ends as the autopilot's failsafe, not a pilot's.
     */
    @Test
    void aFailsafeTextHeardJustAfterTheModeChangeExplainsIt() throws Exception {
        try (SimHarness h = harness(CompanionOptions.defaults())) {
            Flight f = flyTo(h, FlightPhase.TRANSIT, Duration.ofSeconds(8));
            h.sim.faults().pilotTakeover(CopterMode.RTL);
            h.advance(Duration.ofMillis(1500));
            assertThat(failsafes(h)).containsExactly(FailsafeKind.PILOT_TAKEOVER);
            h.sim.faults().statusText(2, "Battery Failsafe");
            h.advance(Duration.ofSeconds(1));
            assertThat(failsafes(h)).containsExactly(FailsafeKind.PILOT_TAKEOVER, FailsafeKind.BATTERY_RESERVE);
            FlightReport r = h.fly(f, Duration.ofMinutes(6));
            assertThat(r.outcome()).isEqualTo(FlightOutcome.FAILED);
            assertThat(r.outcomeReason()).contains("the autopilot's own failsafe has the drone", "Battery Failsafe");
        }
    }

    /** A failsafe text long after an unexplained mode change explains nothing: a pilot has the drone. */
    @Test
    void aLateTextLongAfterTheChangeDoesNotRewriteIt() throws Exception {
        try (SimHarness h = harness(CompanionOptions.defaults())) {
            Flight f = flyTo(h, FlightPhase.TRANSIT, Duration.ofSeconds(8));
            h.sim.faults().pilotTakeover(CopterMode.RTL);
            h.advance(Duration.ofSeconds(10));
            h.sim.faults().statusText(2, "Battery Failsafe");
            FlightReport r = h.fly(f, Duration.ofMinutes(6));
            assertThat(r.failsafes()).containsExactly(FailsafeKind.PILOT_TAKEOVER);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.ABORTED);
        }
    }

    @Test
    void autopilotRebootEndsTheFlight() throws Exception {
        try (SimHarness h = harness(CompanionOptions.defaults())) {
            Flight f = flyTo(h, FlightPhase.ON_SCENE, Duration.ofSeconds(2));
            h.sim.faults().reboot();
            FlightReport r = h.fly(f, Duration.ofMinutes(2));
            assertThat(r.failsafes()).contains(FailsafeKind.AUTOPILOT_REBOOT);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.FAILED);
            assertThat(r.outcomeReason()).contains("rebooted");
        }
    }
}
