package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.mission.audit.Decisions;
import org.vigie.mission.audit.MissionAudit;
import org.vigie.sim.SimConfig;

/** Dispatch policy: refusals with reasons, one flight at a time, retask by priority, cancel, accountability. */
class CompanionDispatchTest {

    static final GeoPoint PLACE_DES_VOSGES = GeoPoint.of(48.85560, 2.36540);
    static final GeoPoint RUE_DE_SULLY = GeoPoint.of(48.85155, 2.36272);

    @Test
    void targetOutsideTheDistrictIsRefusedWithAReason() throws Exception {
        try (SimHarness h = new SimHarness(SimHarness.quartier("Arsenal"), SimConfig.builder().fastBoot(),
                CompanionOptions.defaults())) {
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("OUT-1", GeoPoint.of(48.8606, 2.3376)).build()); // the Louvre
            h.advance(Duration.ofSeconds(1));
            FlightReport r = f.report().getNow(null);
            assertThat(r).isNotNull();
            assertThat(r.outcome()).isEqualTo(FlightOutcome.REFUSED);
            assertThat(r.outcomeReason()).contains("lies", "of district 'Arsenal'");
            assertThat(h.sim.armed()).isFalse();
            assertThat(Decisions.of(h.companion.options().accountability())).extracting(Decisions.Row::event)
                    .containsExactly(MissionAudit.Decision.ACCEPTED, MissionAudit.Decision.ENDED);
        }
    }

    @Test
    void busyDispatchIsRefusedOrRetasksByPriorityAndCancelReturnsHome() throws Exception {
        try (SimHarness h = new SimHarness(SimHarness.quartier("Arsenal"), SimConfig.builder().fastBoot(),
                CompanionOptions.defaults())) {
            h.advance(Duration.ofSeconds(2));
            Flight f = h.dispatch(SimHarness.request("A-1", PLACE_DES_VOSGES).priority(DispatchPriority.URGENT)
                    .onSceneTime(Duration.ofSeconds(60)).build());
            h.scheduler.advanceUntil(() -> f.phase() == FlightPhase.TRANSIT, Duration.ofMillis(100),
                    Duration.ofMinutes(2));
            h.advance(Duration.ofSeconds(5));

            Flight low = h.companion.dispatch(SimHarness.request("A-2", RUE_DE_SULLY)
                    .priority(DispatchPriority.ROUTINE).build());
            assertThat(low).isNotSameAs(f);
            assertThat(low.report().getNow(null).outcome()).isEqualTo(FlightOutcome.REFUSED);
            assertThat(low.report().getNow(null).outcomeReason()).contains("does not outrank").contains("A-1");

            Flight high = h.companion.dispatch(SimHarness.request("A-3", RUE_DE_SULLY)
                    .priority(DispatchPriority.EMERGENCY).build());
            assertThat(high).isSameAs(f);
            h.advance(Duration.ofSeconds(1));
            assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FlightEvent.Retasked.class,
                    rt -> assertThat(rt.accepted()).isTrue()));
            assertThat(f.currentRequest().alertId()).isEqualTo("A-3");
            h.scheduler.advanceUntil(() -> f.phase() == FlightPhase.ON_SCENE, Duration.ofMillis(100),
                    Duration.ofMinutes(3));
            assertThat(f.phase()).isEqualTo(FlightPhase.ON_SCENE);

            h.advance(Duration.ofSeconds(5));
            f.cancel();
            FlightReport r = h.fly(f, Duration.ofMinutes(5));
            assertThat(r.finalPhase()).isEqualTo(FlightPhase.DONE);
            assertThat(r.outcome()).isEqualTo(FlightOutcome.ABORTED);
            assertThat(r.outcomeReason()).contains("cancelled");
            assertThat(r.retasks()).isEqualTo(1);
            assertThat(r.alertId()).isEqualTo("A-3");
            assertThat(r.phaseTimes().get(FlightPhase.ON_SCENE)).isLessThan(Duration.ofSeconds(20));
            assertThat(Decisions.of(h.companion.options().accountability())).extracting(Decisions.Row::event)
                    .contains(MissionAudit.Decision.ACCEPTED, MissionAudit.Decision.REFUSED,
                            MissionAudit.Decision.RETASKED, MissionAudit.Decision.ENDED);
        }
    }
}
