package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.RetaskDecision;

/** Retask in flight to a more urgent target, then cancel on scene: the real ArduCopter goes there, then home. */
class RetaskCancelSitlTest {

    @Test
    void retaskedInTransitThenCancelledOnScene() throws Exception {
        SitlInstallation inst = Sitl.installation();
        District d = SitlDistricts.quartier("Saint-Gervais", 0);
        GeoPoint first = SitlDistricts.target(d, 200, 400, 80);
        // the second target far from the first, so that the retask is plain on the ground truth
        GeoPoint second = SitlDistricts.target(d, 150, 400, 80, first, 250);
        try (SitlFlightRig rig = SitlFlightRig.start(inst, d, CompanionOptions.defaults(), Sitl.FLIGHT_SPEEDUP)) {
            Flight flight = rig.dispatch(SitlDistricts.request("SITL-A", first, Duration.ofSeconds(600),
                    DispatchPriority.ROUTINE));
            CompletableFuture<Void> transit = new CompletableFuture<>();
            CompletableFuture<Void> onScene = new CompletableFuture<>();
            flight.addListener(e -> {
                if (e instanceof FlightEvent.PhaseChanged p && p.to() == FlightPhase.TRANSIT) {
                    transit.complete(null);
                }
                if (e instanceof FlightEvent.PhaseChanged p && p.to() == FlightPhase.ON_SCENE) {
                    onScene.complete(null);
                }
            });
            transit.get(3, TimeUnit.MINUTES);
            RetaskDecision decision = flight.retask(SitlDistricts.request("SITL-B", second, Duration.ofSeconds(600),
                    DispatchPriority.EMERGENCY)).get(1, TimeUnit.MINUTES);
            assertThat(decision.accepted()).as(decision.toString()).isTrue();
            onScene.get(3, TimeUnit.MINUTES);
            String cancelled = flight.cancel().get(1, TimeUnit.MINUTES);
            FlightReport r = rig.await(flight, Duration.ofMinutes(5));
            SitlFlightRig.Judgement j = rig.judge();
            GeoPoint b = second;
            double closestToB = rig.observer().truth().stream().mapToDouble(s -> Geodesy.distanceM(b,
                    GeoPoint.of(s.latDeg(), s.lonDeg()))).min().orElseThrow();
            System.out.printf("[sitl-suite] retask+cancel in %s: %s (%s; cancel: %s); %s; closest to B %.1f m%n",
                    d.name(), r.outcome(), r.outcomeReason(), cancelled, j, closestToB);
            assertThat(r.retasks()).isEqualTo(1);
            assertThat(r.phaseTimes()).containsKeys(FlightPhase.ON_SCENE, FlightPhase.RETURN, FlightPhase.LAND);
            double closestToA = rig.observer().truth().stream().mapToDouble(s -> Geodesy.distanceM(first,
                    GeoPoint.of(s.latDeg(), s.lonDeg()))).min().orElseThrow();
            assertThat(closestToB).as("the drone went to the retasked target").isLessThan(10);
            assertThat(closestToA).as("and not on to the first one").isGreaterThan(100);
            assertThat(j.breaches()).isZero();
            assertThat(j.finalFromHomeM()).isLessThan(5);
            assertThat(rig.observer().armed()).isFalse();
        }
    }
}
