package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;
import org.vigie.sim.SimConfig;
import org.vigie.sim.TruthSample;

/**
 * Seeded dispatches over districts made from real Paris quartiers (two exclusion zones each), against the simulator
 * with wind, GPS noise and 5 % packet loss in both directions. Every dispatch must end with a report and a stated
 * reason, the vehicle disarmed, and the simulator's ground truth must show zero fence breaches and zero exclusion
 * incursions. The number of dispatches is {@code -Dvigie.acceptance.dispatches} (default 200, about 40 s).
 */
class AcceptanceTest {

    @Test
    void seededDispatchesStayInsideTheFenceAndEndWithAReason() throws Exception {
        int n = Integer.getInteger("vigie.acceptance.dispatches", 200);
        List<ParisQuartiers.Quartier> qs = SimHarness.quartiers();
        Random rnd = new Random(20260101L);
        Map<FlightOutcome, Integer> outcomes = new EnumMap<>(FlightOutcome.class);
        long truthSamples = 0;
        for (int i = 0; i < n; i++) {
            ParisQuartiers.Quartier q = qs.get(rnd.nextInt(qs.size()));
            District d = DemoZones.withZones(ParisQuartiers.district(q), 2, rnd.nextLong());
            GeoPoint target = randomPointIn(d, rnd);
            double windN = rnd.nextGaussian() * 3;
            double windE = rnd.nextGaussian() * 3;
            try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot().seed(rnd.nextLong())
                    .wind(windN, windE, 1.0).gpsNoiseM(0.7), CompanionOptions.defaults())) {
                h.sim.faults().linkQuality(0.05, 0, 0, 0);
                h.advance(Duration.ofSeconds(3));
                Flight f = h.dispatch(SimHarness.request("ACC-" + i, target).onSceneTime(Duration.ofSeconds(10))
                        .build());
                FlightReport r = h.fly(f, Duration.ofMinutes(20));
                String label = "dispatch " + i + " in " + q.name() + " to " + target.latLonText();
                assertThat(r).as(label + ": no report").isNotNull();
                assertThat(r.outcomeReason()).as(label).isNotBlank();
                outcomes.merge(r.outcome(), 1, Integer::sum);
                System.out.printf("%s: %s %s (%s)%n", label, r.outcome(), r.finalPhase(), r.outcomeReason());
                h.advance(Duration.ofSeconds(5));
                assertThat(h.sim.armed()).as(label + ": still armed").isFalse();
                for (TruthSample s : h.sim.groundTruth().samples()) {
                    GeoPoint p = new GeoPoint(s.latDeg(), s.lonDeg(), 0);
                    assertThat(d.geofence().contains(p)).as(label + ": fence breach at " + s).isTrue();
                    assertThat(d.geofence().exclusionAt(p)).as(label + ": exclusion incursion at " + s).isEmpty();
                    truthSamples++;
                }
            }
        }
        System.out.println("outcomes over " + n + " dispatches: " + outcomes + "; " + truthSamples
                + " ground-truth samples checked, zero breaches");
        assertThat(outcomes.getOrDefault(FlightOutcome.COMPLETED, 0)).isPositive();
    }

    static GeoPoint randomPointIn(District d, Random rnd) {
        var env = d.geofence().inclusionEnu().getEnvelopeInternal();
        var fr = d.geofence().frame();
        for (int k = 0; k < 10_000; k++) {
            double e = env.getMinX() + rnd.nextDouble() * env.getWidth();
            double nn = env.getMinY() + rnd.nextDouble() * env.getHeight();
            GeoPoint p = fr.toGeo(e, nn, 0);
            if (d.geofence().contains(p) || k % 10 == 9) {
                return p;
            }
        }
        throw new IllegalStateException("no point found in " + d.name());
    }
}
