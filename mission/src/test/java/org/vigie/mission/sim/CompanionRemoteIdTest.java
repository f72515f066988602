package org.vigie.mission.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightReport;
import org.vigie.mission.remoteid.RemoteIdConfig;
import org.vigie.sim.RemoteIdModule;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/** A simulated ArduCopter that requires Remote ID: the companion flies only when it gives the operator's data. */
class CompanionRemoteIdTest {

    record Rig(ManualScheduler scheduler, SimVehicle sim, MavlinkLink link, Companion companion) implements AutoCloseable {
        static Rig start() throws Exception {
            District d = SimHarness.quartier("Arsenal");
            ManualScheduler s = new ManualScheduler();
            InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sim");
            GeoPoint h = d.home();
            SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().home(h.latDeg(), h.lonDeg(), 35).build(), s,
                    pair[1]).withRemoteId(RemoteIdModule.enforcing()).start();
            MavlinkLink link = MavlinkLink.create(LinkConfig.of(1), s, s.callbackExecutor(), pair[0]);
            return new Rig(s, sim, link, Companion.attach(link, d, CompanionOptions.defaults()));
        }

        @Override
        public void close() {
            companion.close();
            link.close();
            sim.close();
        }
    }

    @Test
    void withoutRemoteIdTheAutopilotRefusesToArmWithArduPilotsReason() throws Exception {
        try (Rig r = Rig.start()) {
            r.scheduler().advance(Duration.ofSeconds(2));
            Flight f = r.companion().dispatch(SimHarness.request("RID-0", CompanionDispatchTest.PLACE_DES_VOSGES)
                    .build());
            r.scheduler().advanceUntil(() -> f.report().isDone(), Duration.ofMillis(100), Duration.ofMinutes(3));
            FlightReport rep = f.report().getNow(null);
            assertThat(rep).isNotNull();
            assertThat(rep.outcome()).isNotEqualTo(FlightOutcome.COMPLETED);
            assertThat(rep.outcomeReason()).contains("OpenDroneID: operator location must be set");
            assertThat(r.sim().armed()).isFalse();
        }
    }

    @Test
    void withRemoteIdStartedAtAttachTheFlightArms() throws Exception {
        try (Rig r = Rig.start()) {
            r.companion().startRemoteId(RemoteIdConfig.cityService("FRAx7k2m9q4w1z8r", "Police municipale Paris",
                    r.companion().district().home(), 35.0));
            r.scheduler().advance(Duration.ofSeconds(2));
            Flight f = r.companion().dispatch(SimHarness.request("RID-1", CompanionDispatchTest.PLACE_DES_VOSGES)
                    .build());
            r.scheduler().advanceUntil(() -> f.phase() == FlightPhase.TRANSIT || f.report().isDone(),
                    Duration.ofMillis(100), Duration.ofMinutes(3));
            assertThat(f.phase()).isEqualTo(FlightPhase.TRANSIT);
            assertThat(r.sim().armed()).isTrue();
        }
    }
}
