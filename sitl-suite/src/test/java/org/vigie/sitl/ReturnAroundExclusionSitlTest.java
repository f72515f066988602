package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.zone.CircleExclusion;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;

/**
 * A police cordon on the straight line between home and the target: the real ArduCopter flies out and back around it
 * (the return is planned, not ArduCopter's straight RTL), and a target inside the cordon is served from the nearest
 * reachable point, never from inside.
 */
class ReturnAroundExclusionSitlTest {

    private static final double CORDON_RADIUS_M = 35;

    @Test
    void outAndBackAroundACordonThenATargetInsideItServedFromOutside() throws Exception {
        SitlInstallation inst = Sitl.installation();
        District plain = SitlDistricts.quartier("Arsenal", 0);
        GeoPoint target = SitlDistricts.target(plain, 250, 450, 120);
        GeoPoint cordon = GeoPoint.of((plain.home().latDeg() + target.latDeg()) / 2,
                (plain.home().lonDeg() + target.lonDeg()) / 2);
        District d = plain.toBuilder().exclusion(new CircleExclusion("police cordon", "incident in progress", cordon,
                CORDON_RADIUS_M)).build();
        try (SitlFlightRig rig = SitlFlightRig.start(inst, d, CompanionOptions.defaults(), Sitl.FLIGHT_SPEEDUP)) {
            Flight flight = rig.dispatch(SitlDistricts.request("SITL-CORDON", target, Duration.ofSeconds(5),
                    DispatchPriority.URGENT));
            FlightReport r = rig.await(flight, Duration.ofMinutes(6));
            SitlFlightRig.Judgement j = rig.judge();
            double closest = rig.observer().truth().stream().mapToDouble(s -> Geodesy.distanceM(cordon,
                    GeoPoint.of(s.latDeg(), s.lonDeg()))).min().orElseThrow();
            System.out.printf("[sitl-suite] cordon in %s: %s; %s; closest to the cordon's centre %.1f m%n", d.name(),
                    r.outcome(), j, closest);
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(j.breaches()).isZero();
            assertThat(rig.exclusionEntered()).isNull();
            assertThat(closest).as("the true track keeps out of the cordon").isGreaterThan(CORDON_RADIUS_M);
            assertThat(j.finalFromHomeM()).isLessThan(5);

            Flight inside = rig.dispatch(SitlDistricts.request("SITL-IN-CORDON", cordon, Duration.ofSeconds(5),
                    DispatchPriority.URGENT));
            FlightReport r2 = rig.await(inside, Duration.ofMinutes(6));
            System.out.printf("[sitl-suite] target inside the cordon: %s %s%n", r2.outcome(), r2.outcomeReason());
            assertThat(r2.outcome()).as(r2.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(rig.exclusionEntered()).isNull();
            assertThat(rig.judge().breaches()).isZero();
        }
    }
}
