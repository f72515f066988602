package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.mission.FailsafeKind;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;

/**
 * A failsafe the real ArduCopter triggers itself: its battery monitor says low in transit (BATT_LOW_VOLT raised above
 * the pack's voltage, BATT_FS_LOW_ACT = RTL). ArduCopter switches to RTL on its own; the companion sees a mode it did
 * not ask for with ArduCopter's "Battery Failsafe" text, reports the autopilot's battery failsafe, stops commanding
 * and watches the autopilot bring the drone home and disarm.
 */
class ArduCopterFailsafeSitlTest {

    @Test
    void arduCoptersOwnBatteryFailsafeTakesOverAndTheCompanionYields() throws Exception {
        SitlInstallation inst = Sitl.installation();
        District d = SitlDistricts.quartier("Grenelle", 0);
        GeoPoint target = SitlDistricts.target(d, 250, 450, 80);
        try (SitlFlightRig rig = SitlFlightRig.start(inst, d, CompanionOptions.defaults(), Sitl.FLIGHT_SPEEDUP)) {
            Flight flight = rig.dispatch(SitlDistricts.request("SITL-BATT", target, Duration.ofSeconds(30),
                    DispatchPriority.URGENT));
            CompletableFuture<Void> transit = new CompletableFuture<>();
            flight.addListener(e -> {
                if (e instanceof FlightEvent.PhaseChanged p && p.to() == FlightPhase.TRANSIT) {
                    transit.complete(null);
                }
            });
            transit.get(3, TimeUnit.MINUTES);
            rig.observer().setParam("BATT_FS_LOW_ACT", 2);
            rig.observer().setParam("BATT_LOW_TIMER", 2);
            rig.observer().setParam("BATT_LOW_VOLT", 20);
            FlightReport r = rig.await(flight, Duration.ofMinutes(6));
            SitlFlightRig.Judgement j = rig.judge();
            System.out.printf("[sitl-suite] battery failsafe in %s: %s (%s) failsafes %s; modes %s; %s%n", d.name(),
                    r.outcome(), r.outcomeReason(), r.failsafes(), rig.observer().modes(), j);
            assertThat(rig.observer().statusTexts()).anyMatch(t -> t.toLowerCase().contains("battery"));
            assertThat(rig.observer().modes()).as("ArduCopter switched itself to RTL (6)").contains(6L);
            assertThat(r.failsafes()).contains(FailsafeKind.BATTERY_RESERVE);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.FAILED);
            assertThat(r.outcomeReason()).contains("the autopilot's own failsafe has the drone", "Battery Failsafe");
            assertThat(r.phaseTimes()).doesNotContainKey(FlightPhase.ON_SCENE);
            assertThat(rig.observer().armed()).as("ArduCopter landed and disarmed").isFalse();
            assertThat(j.breaches()).isZero();
            assertThat(j.finalFromHomeM()).isLessThan(10);
        }
    }
}
