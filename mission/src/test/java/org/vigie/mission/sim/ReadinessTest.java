package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.geodesy.EnuPoint;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.mission.FlightReport;
import org.vigie.mission.flight.AircraftProfile;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.flight.ProfileApplier;
import org.vigie.mission.flight.ProfileParameters;
import org.vigie.mission.flight.Readiness;
import org.vigie.sim.SimConfig;
import org.vigie.sim.TruthSample;

/**
 * The companion's readiness against the simulator: the profile applied and echoed, the fence uploaded on attach, a
 * dispatch that then uploads only its route, readiness made again after a reboot, a refused profile restored and
 * named, and the on-scene orbit flown around the target with the climb along the route.
 */
class ReadinessTest {

    private static District arsenal() throws Exception {
        return DemoZones.withZones(SimHarness.quartier("Arsenal"), 0, 4);
    }

    private static Readiness.State settle(SimHarness h) {
        h.scheduler.advanceUntil(() -> !(h.companion.readiness().state() instanceof Readiness.State.Preparing),
                Duration.ofMillis(100), Duration.ofSeconds(60));
        return h.companion.readiness().state();
    }

    @Test
    void attachMakesReadySoTheDispatchUploadsOnlyItsRouteAndReadinessIsRedoneAfterAReboot() throws Exception {
        District d = arsenal();
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(), CompanionOptions.defaults())) {
            Readiness.State s = settle(h);
            assertThat(s).isInstanceOf(Readiness.State.Ready.class);
            assertThat(h.sim.params().value("WPNAV_SPEED")).isEqualTo(1500);
            assertThat(h.sim.params().value("WPNAV_SPEED_UP")).isEqualTo(500);
            assertThat(h.sim.params().value("WPNAV_SPEED_DN")).isEqualTo(300);
            assertThat(h.sim.params().value("WPNAV_ACCEL")).isEqualTo(300);
            assertThat(h.sim.params().value("FENCE_ENABLE")).isEqualTo(1);
            assertThat(h.sim.storedItems(1)).hasSize(((Readiness.State.Ready) s).fenceItems());

            // an autopilot up for a minute reboots on the ground: its streams stop, the companion asks again, and
            // time_boot_ms going back shows the reboot
            h.advance(Duration.ofSeconds(60));
            h.sim.faults().reboot();
            h.scheduler.advanceUntil(() -> h.companion.readiness().state() instanceof Readiness.State.Preparing,
                    Duration.ofMillis(100), Duration.ofSeconds(30));
            Readiness.State again = settle(h);
            assertThat(again).isInstanceOf(Readiness.State.Ready.class);
            assertThat(((Readiness.State.Ready) again).generation()).isGreaterThan(((Readiness.State.Ready) s)
                    .generation());
            h.advance(Duration.ofSeconds(5));

            GeoPoint target = DemoZones.offset(d, -150, -200);
            Flight f = h.dispatch(SimHarness.request("R-1", target).onSceneTime(Duration.ofSeconds(30)).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(10));
            assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);
            assertThat(h.events).filteredOn(e -> e instanceof FlightEvent.PhaseChanged p && p.to() == FlightPhase.ARM)
                    .singleElement().extracting(e -> ((FlightEvent.PhaseChanged) e).reason()).asString()
                    .startsWith("fence (" + ((Readiness.State.Ready) again).fenceItems() + " items) and mission");
            // UPLOAD was the mission alone: well under the fence's round trips
            assertThat(r.phaseTimes().get(FlightPhase.UPLOAD)).isLessThan(Duration.ofMillis(600));
            // planned vs flown: the time model's take-off-to-scene within 20 % of what was flown
            assertThat(r.flownToSceneS()).isCloseTo(r.plannedToSceneS(),
                    org.assertj.core.api.Assertions.withinPercentage(20));
            // the take-off went vertically only to 10 m, then climbed while moving towards the scene
            double maxAltBeforeMoving = 0;
            for (TruthSample t : h.sim.groundTruth().samples()) {
                if (Math.hypot(t.northM(), t.eastM()) > 5) {
                    break;
                }
                maxAltBeforeMoving = Math.max(maxAltBeforeMoving, t.altitudeRelM());
            }
            assertThat(maxAltBeforeMoving).isBetween(9.0, 13.0);
            // on scene: the orbit around the target at 40 m
            assertThat(h.events).anyMatch(e -> e instanceof FlightEvent.Warning w
                    && w.message().startsWith("orbiting the target at 40 m"));
            EnuPoint tgt = d.geofence().frame().toLocal(target.withAltitudeRelM(0));
            List<TruthSample> onScene = h.sim.groundTruth().samples().stream().filter(t ->
                    Math.abs(Math.hypot(t.eastM() - tgt.eastM(), t.northM() - tgt.northM()) - 40) < 4).toList();
            double spanE = onScene.stream().mapToDouble(TruthSample::eastM).max().orElse(0)
                    - onScene.stream().mapToDouble(TruthSample::eastM).min().orElse(0);
            double spanN = onScene.stream().mapToDouble(TruthSample::northM).max().orElse(0)
                    - onScene.stream().mapToDouble(TruthSample::northM).min().orElse(0);
            // 30 s at 4 m/s: about half of the 251 m circle
            assertThat(Math.max(spanE, spanN)).as("the orbit goes round the target").isGreaterThan(50);
        }
    }

    @Test
    void aRefusedProfileValueIsNamedAndWhatWasSetIsRestored() throws Exception {
        District d = arsenal();
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot(),
                CompanionOptions.defaults().withReadyOnAttach(false))) {
            h.advance(Duration.ofSeconds(3));
            double fenceTypeBefore = h.sim.params().value("FENCE_TYPE");
            // FENCE_TYPE is an INT8 on ArduCopter: 300 comes back as 127, a refusal
            List<ProfileParameters.Setting> settings = List.of(
                    new ProfileParameters.Setting("WPNAV_SPEED", 1500, 10, 2000, "cm/s"),
                    new ProfileParameters.Setting("FENCE_TYPE", 300, 0, 1000, ""));
            var f = new ProfileApplier(paramsOf(h)).apply(settings);
            h.scheduler.advanceUntil(f::isDone, Duration.ofMillis(100), Duration.ofSeconds(30));
            ProfileApplier.Result r = f.getNow(null);
            assertThat(r).isInstanceOf(ProfileApplier.Result.Failed.class);
            assertThat(r.describe()).startsWith("aircraft profile not applied: FENCE_TYPE = 300")
                    .contains("(range 0..1000) was VALUE_REJECTED", "restored WPNAV_SPEED=1000, FENCE_TYPE=");
            assertThat(h.sim.params().value("WPNAV_SPEED")).isEqualTo(1000);
            assertThat(h.sim.params().value("FENCE_TYPE")).isEqualTo(fenceTypeBefore);
        }
    }

    @Test
    void aProfileTheAutopilotCannotTakeRefusesEveryDispatchBeforeAnyFlight() throws Exception {
        District d = arsenal();
        AircraftProfile steep = new AircraftProfile("steep", 12, 4, 5, 3, 2, 10, 30, 120, 900);
        try (SimHarness h = new SimHarness(d, SimConfig.builder().fastBoot().flavour(org.vigie.sim.Flavour.PX4),
                CompanionOptions.defaults().withFlight(FlightConfig.defaults().withProfile(steep)))) {
            Readiness.State s = settle(h);
            assertThat(s).isInstanceOf(Readiness.State.Failed.class);
            Flight f = h.dispatch(SimHarness.request("R-2", DemoZones.offset(d, 100, 100)).build());
            FlightReport r = h.fly(f, Duration.ofMinutes(2));
            assertThat(r.outcome()).isEqualTo(FlightOutcome.REFUSED);
            assertThat(r.outcomeReason())
                    .isEqualTo("aircraft profile 'steep' needs MPC_Z_VEL_MAX_DN = 5 m/s, outside the PX4 range 0.5..4");
            assertThat(h.sim.armed()).isFalse();
        }
    }

    private static org.vigie.link.param.ParamService paramsOf(SimHarness h) {
        return new org.vigie.link.param.ParamService(h.link, () -> new org.vigie.link.command.Target(1, 1,
                org.vigie.link.vehicle.AutopilotFlavour.ARDUPILOT), org.vigie.link.param.ParamOptions.defaults());
    }
}
