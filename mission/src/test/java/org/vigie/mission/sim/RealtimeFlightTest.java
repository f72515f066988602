package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;

/**
 * The real-time test mode: complete dispatches flown on {@link org.vigie.link.time.RealtimeScheduler}s over real UDP
 * loopback (simulator and companion in this JVM, each with its own event thread at the same speed-up, callbacks on a
 * separate thread), at 1x and 10x (a short flight: 40 m away, 12 m up) and 50x (250 m away, 60 m up). Every flight must complete: the autopilot-liveness time-outs
 * are judged in the autopilot's time, so a late thread on this loaded machine is not a lost link. The number of
 * flights per speed-up is {@code -Dvigie.realtime.flights} (default 1; the study {@code RealtimeFlightStudy} in bench
 * flies more).
 */
class RealtimeFlightTest {

    @Test
    void completeDispatchesFlyInRealTimeAt1x10xAnd50xOverUdp() throws Exception {
        int n = Integer.getInteger("vigie.realtime.flights", 1);
        District arsenal = SimHarness.quartier("Arsenal");
        District low = arsenal.toBuilder().transitAltitudeRelM(12).onSceneAltitudeRelM(12).build();
        List<String> failures = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (double speedUp : new double[] {1, 10, 50}) {
            District d = speedUp == 50 ? arsenal : low;
            GeoPoint target = RealtimeRig.near(d, speedUp == 50 ? 250 : 40);
            int flights = speedUp == 1 ? 1 : n;
            int completed = 0;
            for (int i = 0; i < flights; i++) {
                long t0 = System.nanoTime();
                FlightReport r = RealtimeRig.fly(d, target, speedUp, 1000 + i, Duration.ofSeconds(speedUp == 1 ? 1 : 10));
                System.out.printf(Locale.ROOT, "real time %.0fx flight %d: %s (%s) in %.1f s wall%n", speedUp, i,
                        r.outcome(), r.outcomeReason(), (System.nanoTime() - t0) / 1e9);
                if (r.outcome() == FlightOutcome.COMPLETED) {
                    completed++;
                } else {
                    failures.add(speedUp + "x flight " + i + ": " + r.outcome() + " (" + r.outcomeReason() + ")");
                }
            }
            summary.append(String.format(Locale.ROOT, "%.0fx %d/%d  ", speedUp, completed, flights));
        }
        System.out.println("real-time flights completed/tried: " + summary.toString().strip());
        assertThat(failures).as(summary.toString()).isEmpty();
    }
}
