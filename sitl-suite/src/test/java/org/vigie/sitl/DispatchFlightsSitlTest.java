package org.vigie.sitl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.klv.MetadataPacket;

/**
 * Whole dispatches on the real ArduCopter over the district with the largest fence: a target outside the district
 * refused before anything moves, then a flight to a reachable target with the MISB stream checked by jmisb, judged on
 * SITL's ground truth. The companion's defaults apply the DFR aircraft profile on attach (every parameter echoed by
 * SITL) and fly the time-optimal profile; the flown time to the scene is compared with the planned one.
 */
class DispatchFlightsSitlTest {

    @Test
    void refusedThenFlownOverTheLargestFenceWithMisbStream() throws Exception {
        SitlInstallation inst = Sitl.installation();
        District d = SitlDistricts.largestFence();
        try (SitlFlightRig rig = SitlFlightRig.start(inst, d, CompanionOptions.defaults(), Sitl.FLIGHT_SPEEDUP)) {
            // a target 3 km away, outside the district: refused before arming
            GeoPoint far = new GeoPoint(d.home().latDeg() + 0.03, d.home().lonDeg(), 0);
            Flight refused = rig.dispatch(SitlDistricts.request("SITL-REFUSED", far, Duration.ofSeconds(5),
                    DispatchPriority.URGENT));
            FlightReport r0 = rig.await(refused, Duration.ofMinutes(3));
            assertThat(r0.outcome()).as(r0.outcomeReason()).isEqualTo(FlightOutcome.REFUSED);
            assertThat(r0.outcomeReason()).contains("north of district");
            assertThat(rig.observer().armed()).isFalse();

            // the DFR profile (WPNAV_SPEED 1500, _UP 500, _DN 300, WPNAV_ACCEL 300, _Z 250) and the fence were made
            // ready on attach, each parameter confirmed by SITL's echo
            assertThat(rig.companion().readiness().settled().get(3, java.util.concurrent.TimeUnit.MINUTES))
                    .isInstanceOf(org.vigie.mission.flight.Readiness.State.Ready.class);
            GeoPoint target = SitlDistricts.target(d, 150, 450, 30);
            Flight flight = rig.dispatch(SitlDistricts.request("SITL-FLY", target, Duration.ofSeconds(10),
                    DispatchPriority.URGENT));
            FlightReport r = rig.await(flight, Duration.ofMinutes(6));
            SitlFlightRig.Judgement j = rig.judge();
            System.out.println("[sitl-suite] " + d.name() + ": " + r.outcome() + " " + r.outcomeReason() + "; " + j
                    + "; phases " + r.phaseTimes());
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(r.phaseTimes()).containsKeys(FlightPhase.UPLOAD, FlightPhase.TAKEOFF, FlightPhase.TRANSIT,
                    FlightPhase.ON_SCENE, FlightPhase.RETURN, FlightPhase.LAND);
            assertThat(j.breaches()).as("ground truth outside the district or in an exclusion").isZero();
            assertThat(j.maxAltitudeRelM()).isGreaterThan(20);
            assertThat(j.finalFromHomeM()).as("landed at home").isLessThan(5);
            assertThat(rig.exclusionEntered()).isNull();
            // the faster flight: take-off to 10 m, then climbing along the route at 15 m/s; planned vs flown
            assertThat(r.flownToSceneS()).as("take-off command to scene, planned %.1f s", r.plannedToSceneS())
                    .isLessThan(1.5 * r.plannedToSceneS());

            // the MISB ST 0601 stream of the real flight: every packet parses with jmisb, and on scene the frame
            // centre is on the target
            List<MetadataPacket> packets = rig.klvPackets();
            assertThat(packets).hasSizeGreaterThan(100);
            int onTarget = 0;
            for (MetadataPacket p : packets) {
                UasDatalinkMessage set = new UasDatalinkMessage(p.klv()); // throws on a bad checksum
                assertThat(set.getField(UasDatalinkTag.SensorLatitude)).isNotNull();
                var lat = set.getField(UasDatalinkTag.FrameCenterLatitude);
                var lon = set.getField(UasDatalinkTag.FrameCenterLongitude);
                if (lat != null && lon != null) {
                    double dLat = ((org.jmisb.api.klv.st0601.FrameCenterLatitude) lat).getDegrees();
                    double dLon = ((org.jmisb.api.klv.st0601.FrameCenterLongitude) lon).getDegrees();
                    if (Geodesy.distanceM(target, GeoPoint.of(dLat, dLon)) < 20) {
                        onTarget++;
                    }
                }
            }
            assertThat(onTarget).as("packets whose frame centre is within 20 m of the target").isGreaterThan(20);
        }
    }
}
