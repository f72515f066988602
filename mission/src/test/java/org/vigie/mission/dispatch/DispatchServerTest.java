package org.vigie.mission.dispatch;

import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchClient;
import org.vigie.dispatch.DispatchClientOptions;
import org.vigie.dispatch.DispatchCodec;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.dispatch.Fragmenter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.DispatchPriority;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.FailsafeKind;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.audit.Decisions;
import org.vigie.mission.audit.MissionAudit;
import org.vigie.mission.flight.FlightConfig;
import org.vigie.mission.sim.SimHarness;

class DispatchServerTest {

    private static District arsenal() throws Exception {
        return SimHarness.quartier("Arsenal");
    }

    private static DispatchHarness harness(District d, CompanionOptions options, long seed) throws Exception {
        DispatchHarness h = new DispatchHarness(d, options, DispatchServerOptions.defaults(),
                DispatchHarness.clientOptions(seed));
        h.sim.advance(Duration.ofSeconds(2));
        return h;
    }

    private static long count(List<Decisions.Row> log, MissionAudit.Decision e) {
        return log.stream().filter(r -> r.event() == e).count();
    }

    @Test
    void aSignedDispatchLaunchesAFlightAndTheCentreSeesTheAckThenEveryPhase() throws Exception {
        District d = arsenal();
        GeoPoint target = DemoZones.offset(d, 150, 100);
        CompanionOptions options = CompanionOptions.defaults();
        try (DispatchHarness h = harness(d, options, 1)) {
            DispatchRequest req = SimHarness.request("A-1", target).build();
            DispatchAck ack = h.await(h.record(h.client.dispatch(req, DispatchHarness.DRONE)), Duration.ofSeconds(5));
            assertThat(ack).isNotNull();
            assertThat(ack.status()).as(ack.message()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(ack.flightId()).isPositive();
            assertThat(ack.attempts()).isEqualTo(1);
            assertThat(ack.message()).contains("A-1");
            assertThat(h.sim.companion.currentFlight()).isPresent();

            h.scheduler.advanceUntil(() -> h.statuses.stream().anyMatch(u -> u.status().outcome().isPresent()),
                    Duration.ofMillis(100), Duration.ofMinutes(15));
            List<FlightPhase> phases = h.statuses.stream().map(u -> u.status().phase()).toList();
            assertThat(phases).containsSubsequence(FlightPhase.PREFLIGHT, FlightPhase.UPLOAD, FlightPhase.ARM,
                    FlightPhase.TAKEOFF, FlightPhase.TRANSIT, FlightPhase.ON_SCENE, FlightPhase.RETURN,
                    FlightPhase.LAND, FlightPhase.DONE);
            DispatchMessage.FlightStatus last = h.statuses.get(h.statuses.size() - 1).status();
            assertThat(last.outcome()).contains(FlightOutcome.COMPLETED);
            assertThat(h.statuses).allSatisfy(u -> {
                assertThat(u.status().flightId()).isEqualTo(ack.flightId());
                assertThat(u.status().requestId()).isEqualTo(ack.requestId());
                assertThat(u.status().alertId()).isEqualTo("A-1");
                assertThat(u.droneSystemId()).isEqualTo(DispatchHarness.DRONE);
            });
            assertThat(h.centreSaw.get(0)).as("the ACK comes before any status").isEqualTo(ack);
            // repeats were sent but each status was delivered once
            assertThat(h.client.stats().statusesReceived()).isGreaterThan(h.client.stats().statusesDelivered());
            assertThat(h.client.stats().statusesDelivered()).isEqualTo(h.statuses.size());

            List<Decisions.Row> log = Decisions.of(options.accountability());
            Decisions.Row accepted = log.stream()
                    .filter(r -> r.event() == MissionAudit.Decision.ACCEPTED).findFirst().orElseThrow();
            assertThat(accepted.requesterId()).isEqualTo("tester");
            assertThat(accepted.requesterOrigin()).isEqualTo("unit test via MAVLink 255/190 link 1");
            assertThat(accepted.reason()).isEqualTo("test alert");
            assertThat(h.server.stats().rejectedFrames()).isZero();
            assertThat(h.server.stats().centreHeartbeats()).isPositive();
            assertThat(h.serverEvents).anySatisfy(e -> assertThat(e).isInstanceOf(DispatchServerEvent.OrderReceived.class));
        }
    }

    @Test
    void unsignedWrongKeyAndReplayedOrdersNeverReachTheCompanion() throws Exception {
        District d = arsenal();
        GeoPoint target = DemoZones.offset(d, 150, 100);
        CompanionOptions options = CompanionOptions.defaults();
        try (DispatchHarness h = harness(d, options, 2)) {
            DispatchRequest req = SimHarness.request("FORGED", target).requester("mallory", "street").build();
            byte[] order = DispatchHarness.oneFragment(new DispatchMessage.Dispatch(99, req));
            h.inject(200, 190, order, null);
            h.inject(200, 190, order, h.signer(DispatchHarness.WRONG_KEY, 3));
            // a forged order claiming the centre's own identity, wrong key
            h.inject(DispatchHarness.CENTRE, 190, order, h.signer(DispatchHarness.WRONG_KEY, 1));
            h.sim.advance(Duration.ofSeconds(10));
            assertThat(h.sim.companion.currentFlight()).isEmpty();
            assertThat(Decisions.of(options.accountability())).isEmpty();
            assertThat(h.sim.sim.armed()).isFalse();
            DispatchServerStats s = h.server.stats();
            assertThat(s.rejectedUnsigned()).isEqualTo(1);
            assertThat(s.rejectedBadSignature()).isEqualTo(2);
            assertThat(s.ordersReceived()).isZero();
            assertThat(s.tunnelsReceived()).isZero();
            assertThat(h.serverEvents).filteredOn(e -> e instanceof DispatchServerEvent.FrameRejected)
                    .extracting(e -> ((DispatchServerEvent.FrameRejected) e).verdict())
                    .containsExactly(SignatureVerdict.REJECTED_UNSIGNED, SignatureVerdict.REJECTED_BAD_SIGNATURE,
                            SignatureVerdict.REJECTED_BAD_SIGNATURE);

            // a genuine order, recorded on the wire, then cancelled
            DispatchAck ack = h.await(h.client.dispatch(SimHarness.request("A-2", target).build(),
                    DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
            byte[] genuine = h.acceptedOrderFrames.get(0);
            Flight f = h.sim.companion.currentFlight().orElseThrow();
            DispatchAck cancelled = h.await(h.client.cancel(ack.flightId(), "op-1", "centre 4", "test over",
                    DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(cancelled.status()).isEqualTo(AckStatus.CANCELLED);
            assertThat(h.scheduler.advanceUntil(() -> f.phase().isTerminal(), Duration.ofMillis(100),
                    Duration.ofMinutes(10))).isTrue();
            assertThat(h.sim.companion.currentFlight()).isEmpty();

            // a server without memory of past request ids: only the link's replay protection stands in the way
            h.server.close();
            DispatchServer fresh = DispatchServer.start(h.sim.companion, h.droneLink, DispatchServerOptions.defaults());
            try {
                h.injectRaw(genuine);
                h.sim.advance(Duration.ofSeconds(10));
                assertThat(fresh.stats().rejectedReplay()).isEqualTo(1);
                assertThat(fresh.stats().ordersReceived()).isZero();
                assertThat(h.sim.companion.currentFlight()).isEmpty();
                assertThat(count(Decisions.of(options.accountability()), MissionAudit.Decision.ACCEPTED)).isEqualTo(1);
            } finally {
                fresh.close();
            }
        }
    }

    @Test
    void aLostAckIsRetriedWithTheSameRequestIdAndNothingLaunchesTwice() throws Exception {
        District d = arsenal();
        GeoPoint target = DemoZones.offset(d, 150, 100);
        CompanionOptions options = CompanionOptions.defaults();
        try (DispatchHarness h = harness(d, options, 3)) {
            h.droneSide.dropTunnels.set(1);
            DispatchRequest req = SimHarness.request("A-3", target).build();
            long id = h.client.newRequestId();
            DispatchAck ack = h.await(h.client.dispatch(req, DispatchHarness.DRONE, id), Duration.ofSeconds(10));
            assertThat(h.droneSide.dropped.get()).isEqualTo(1);
            assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(ack.attempts()).isEqualTo(2);
            assertThat(h.server.stats().duplicateOrders()).isEqualTo(1);
            assertThat(h.server.stats().ordersReceived()).isEqualTo(1);

            DispatchAck again = h.await(h.client.dispatch(req, DispatchHarness.DRONE, id), Duration.ofSeconds(5));
            assertThat(again.status()).isEqualTo(AckStatus.ACCEPTED);
            assertThat(again.flightId()).isEqualTo(ack.flightId());
            assertThat(again.message()).isEqualTo(ack.message());
            assertThat(h.server.stats().duplicateOrders()).isEqualTo(2);

            DispatchAck conflict = h.await(h.client.dispatch(SimHarness.request("OTHER", target).build(),
                    DispatchHarness.DRONE, id), Duration.ofSeconds(5));
            assertThat(conflict.status()).isEqualTo(AckStatus.REFUSED_ID_CONFLICT);
            assertThat(conflict.message()).contains("different order");

            assertThat(count(Decisions.of(options.accountability()), MissionAudit.Decision.ACCEPTED)).isEqualTo(1);
            assertThat(Decisions.of(options.accountability())).noneMatch(r -> r.alertId().equals("OTHER"));
        }
    }

    @Test
    void ordersDuringAFlightAreAlwaysAnsweredRetaskedRefusedOrCancelled() throws Exception {
        District d = arsenal();
        GeoPoint target = DemoZones.offset(d, 150, 100);
        GeoPoint elsewhere = DemoZones.offset(d, -100, 120);
        CompanionOptions options = CompanionOptions.defaults();
        try (DispatchHarness h = harness(d, options, 4)) {
            DispatchAck first = h.await(h.client.dispatch(SimHarness.request("A-1", target)
                    .priority(DispatchPriority.URGENT).build(), DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(first.status()).isEqualTo(AckStatus.ACCEPTED);
            Flight f = h.sim.companion.currentFlight().orElseThrow();
            assertThat(h.scheduler.advanceUntil(() -> f.phase() == FlightPhase.TRANSIT, Duration.ofMillis(100),
                    Duration.ofMinutes(3))).isTrue();

            DispatchAck routine = h.await(h.client.dispatch(SimHarness.request("A-2", elsewhere)
                    .priority(DispatchPriority.ROUTINE).build(), DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(routine.status()).isEqualTo(AckStatus.REFUSED_BUSY);
            assertThat(routine.message()).contains("A-1");

            DispatchAck emergency = h.await(h.client.dispatch(SimHarness.request("A-3", elsewhere)
                    .priority(DispatchPriority.EMERGENCY).build(), DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(emergency.status()).as(emergency.message()).isEqualTo(AckStatus.RETASKED);
            assertThat(emergency.flightId()).isEqualTo(first.flightId());
            assertThat(f.currentRequest().alertId()).isEqualTo("A-3");

            DispatchAck explicit = h.await(h.client.retask(first.flightId(), SimHarness.request("A-4", target).build(),
                    DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(explicit.status()).as(explicit.message()).isEqualTo(AckStatus.RETASKED);
            assertThat(f.currentRequest().alertId()).isEqualTo("A-4");

            DispatchAck cancel = h.await(h.client.cancel(first.flightId(), "op-2", "centre 4", "false alarm",
                    DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(cancel.status()).isEqualTo(AckStatus.CANCELLED);
            assertThat(cancel.message()).isNotBlank();
            h.scheduler.advanceUntil(() -> f.report().isDone() && h.statuses.stream()
                    .anyMatch(u -> u.status().outcome().isPresent()), Duration.ofMillis(100), Duration.ofMinutes(10));
            List<FlightPhase> phases = h.statuses.stream().map(u -> u.status().phase()).toList();
            assertThat(phases).containsSubsequence(FlightPhase.TRANSIT, FlightPhase.RETURN, FlightPhase.LAND);
            assertThat(h.statuses.get(h.statuses.size() - 1).status().outcome()).isPresent();

            List<Decisions.Row> log = Decisions.of(options.accountability());
            assertThat(log).anySatisfy(r -> {
                assertThat(r.event()).isEqualTo(MissionAudit.Decision.CANCELLED);
                assertThat(r.requesterId()).isEqualTo("op-2");
                assertThat(r.requesterOrigin()).isEqualTo("centre 4 via MAVLink 255/190 link 1");
                assertThat(r.reason()).isEqualTo("false alarm");
            });
            assertThat(log).anySatisfy(r -> {
                assertThat(r.event()).isEqualTo(MissionAudit.Decision.RETASKED);
                assertThat(r.alertId()).isEqualTo("A-4");
            });

            DispatchAck late = h.await(h.client.retask(first.flightId(), SimHarness.request("A-5", target).build(),
                    DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(late.status()).isEqualTo(AckStatus.REFUSED_UNKNOWN_FLIGHT);
            assertThat(late.message()).contains("has ended");
            DispatchAck unknown = h.await(h.client.cancel(12345, "op-2", "centre 4", "typo", DispatchHarness.DRONE),
                    Duration.ofSeconds(5));
            assertThat(unknown.status()).isEqualTo(AckStatus.REFUSED_UNKNOWN_FLIGHT);
            assertThat(count(log, MissionAudit.Decision.ACCEPTED)).isEqualTo(1);
        }
    }

    @Test
    void whenTheCentresHeartbeatsStopTheFlightsDispatchLinkFailsafeFires() throws Exception {
        District d = arsenal();
        GeoPoint target = DemoZones.offset(d, 150, 100);
        CompanionOptions options = CompanionOptions.defaults()
                .withFlight(FlightConfig.defaults().withDispatchLinkTimeout(Duration.ofSeconds(5)));
        try (DispatchHarness h = harness(d, options, 5)) {
            DispatchAck ack = h.await(h.client.dispatch(SimHarness.request("A-6", target).build(),
                    DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(ack.status()).isEqualTo(AckStatus.ACCEPTED);
            Flight f = h.sim.companion.currentFlight().orElseThrow();
            h.sim.advance(Duration.ofSeconds(30));
            assertThat(f.events()).as("the centre's heartbeats keep the watch quiet")
                    .noneMatch(e -> e instanceof FlightEvent.FailsafeTriggered ft
                            && ft.kind() == FailsafeKind.DISPATCH_LINK_LOST);

            h.centreLink.close();
            boolean fired = h.scheduler.advanceUntil(() -> f.events().stream().anyMatch(e ->
                            e instanceof FlightEvent.FailsafeTriggered ft && ft.kind() == FailsafeKind.DISPATCH_LINK_LOST),
                    Duration.ofMillis(100), Duration.ofSeconds(20));
            assertThat(fired).isTrue();
            assertThat(h.serverEvents).anySatisfy(e -> {
                assertThat(e).isInstanceOf(DispatchServerEvent.CentreLost.class);
                assertThat(((DispatchServerEvent.CentreLost) e).sysId()).isEqualTo(DispatchHarness.CENTRE);
            });
        }
    }

    @Test
    void badOrdersFromAKeyHolderAreAnsweredWithAReasonAndNeverFly() throws Exception {
        District d = arsenal();
        CompanionOptions options = CompanionOptions.defaults();
        try (DispatchHarness h = harness(d, options, 6)) {
            var signer = h.signer(DispatchHarness.KEY, 7);
            byte[] truncated = {1, 1, 0, 0, 1, 0x01, 1, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF};
            h.inject(200, 190, truncated, signer);
            byte[] v2 = truncated.clone();
            v2[0] = 2;
            h.inject(200, 190, v2, signer);
            DispatchRequest req = SimHarness.request("A-7", DemoZones.offset(d, 150, 100)).build();
            byte[] body = DispatchCodec.encode(new DispatchMessage.Dispatch(5, req));
            body[12] = 0x7F; // latitude about 214 degrees
            h.inject(200, 190, Fragmenter.fragments(9, body).get(0), signer);
            h.sim.advance(Duration.ofSeconds(2));

            List<DispatchMessage.Ack> answers = h.serverEvents.stream()
                    .filter(e -> e instanceof DispatchServerEvent.Answered a && a.sysId() == 200)
                    .map(e -> ((DispatchServerEvent.Answered) e).ack()).toList();
            assertThat(answers).extracting(DispatchMessage.Ack::status).containsExactly(AckStatus.REFUSED_MALFORMED,
                    AckStatus.REFUSED_VERSION, AckStatus.REFUSED_INVALID);
            assertThat(answers.get(0).requestId()).isEqualTo(1);
            assertThat(answers.get(2).requestId()).isEqualTo(5);
            assertThat(answers.get(2).message()).contains("targetLatDeg");
            assertThat(h.server.stats().malformed()).isEqualTo(3);
            assertThat(h.sim.companion.currentFlight()).isEmpty();

            // a target outside the district: the planner's sentence comes back in the ACK
            DispatchAck outside = h.await(h.client.dispatch(SimHarness.request("A-8", DemoZones.offset(d, 5000, 5000))
                    .build(), DispatchHarness.DRONE), Duration.ofSeconds(5));
            assertThat(outside.status()).isEqualTo(AckStatus.REFUSED_PLAN);
            assertThat(outside.message()).isNotBlank();
            h.sim.advance(Duration.ofSeconds(2));
            assertThat(h.statuses).last().satisfies(u ->
                    assertThat(u.status().outcome()).contains(FlightOutcome.REFUSED));
            assertThat(h.sim.sim.armed()).isFalse();
        }
    }

    @Test
    void overALossyLinkAFragmentedOrderIsAnsweredAndFliesOnce() throws Exception {
        District d = arsenal();
        GeoPoint target = DemoZones.offset(d, 150, 100);
        CompanionOptions options = CompanionOptions.defaults();
        try (DispatchHarness h = new DispatchHarness(d, options, DispatchServerOptions.defaults(),
                DispatchHarness.clientOptions(8).withRetries(Duration.ofSeconds(1), 12))) {
            h.sim.advance(Duration.ofSeconds(2));
            h.droneSide.dropRandomly(new java.util.Random(71), 0.3);
            h.centreSide.dropRandomly(new java.util.Random(72), 0.3);
            h.centreSide.dropTunnels.set(1); // the first fragment of the order is lost for sure
            DispatchRequest req = SimHarness.request("A-LOSSY", target)
                    .reason("appel 17, " + "bruit suspect dans la cour ".repeat(7).strip()).build();
            assertThat(Fragmenter.fragments(0, DispatchCodec.encode(new DispatchMessage.Dispatch(1, req))))
                    .as("the order needs several TUNNEL messages").hasSizeGreaterThan(1);
            DispatchAck ack = h.await(h.client.dispatch(req, DispatchHarness.DRONE), Duration.ofSeconds(30));
            assertThat(ack.status()).as(ack.message()).isEqualTo(AckStatus.ACCEPTED);
            DispatchAck cancel = h.await(h.client.cancel(ack.flightId(), "op-3", "centre 4", "resolved by phone",
                    DispatchHarness.DRONE), Duration.ofSeconds(30));
            assertThat(cancel.status()).as(cancel.message()).isEqualTo(AckStatus.CANCELLED);
            h.scheduler.advanceUntil(() -> h.statuses.stream().anyMatch(u -> u.status().outcome().isPresent()),
                    Duration.ofMillis(100), Duration.ofMinutes(2));
            assertThat(h.statuses).last().satisfies(u -> assertThat(u.status().outcome()).isPresent());
            assertThat(h.droneSide.dropped.get() + h.centreSide.dropped.get()).as("loss happened: %s %s %s",
                    h.client.stats(), h.server.stats(), h.statuses).isPositive();
            assertThat(h.client.stats().retries()).as("retries happened").isPositive();
            assertThat(h.server.stats().reassemblyTimeouts()).as("the incomplete first transfer expired").isPositive();
            assertThat(h.server.stats().ordersReceived()).isEqualTo(2);
            assertThat(count(Decisions.of(options.accountability()), MissionAudit.Decision.ACCEPTED)).isEqualTo(1);
            assertThat(count(Decisions.of(options.accountability()), MissionAudit.Decision.CANCELLED)).isEqualTo(1);
        }
    }

    @Test
    void anOrderSignedBeforeTheServerStartedIsRefusedAsAPossibleReplay() throws Exception {
        District d = arsenal();
        CompanionOptions options = CompanionOptions.defaults();
        try (DispatchHarness h = harness(d, options, 9)) {
            // signed with the key 30 s before the server started: the link accepts it (new stream, within a minute)
            SigningTimestamps past = SigningTimestamps.open(
                    new org.vigie.link.time.ManualScheduler(h.scheduler.now().minusSeconds(30)),
                    TimestampStore.inMemory(null));
            DispatchRequest req = SimHarness.request("A-OLD", DemoZones.offset(d, 150, 100)).build();
            h.inject(200, 190, DispatchHarness.oneFragment(new DispatchMessage.Dispatch(11, req)),
                    new org.vigie.link.signing.MavlinkSigner(DispatchHarness.KEY, 9, past));
            h.sim.advance(Duration.ofSeconds(2));
            assertThat(h.server.stats().rejectedFrames()).isZero();
            assertThat(h.server.stats().staleOrders()).isEqualTo(1);
            assertThat(h.serverEvents).anySatisfy(e -> {
                assertThat(e).isInstanceOf(DispatchServerEvent.Answered.class);
                DispatchMessage.Ack a = ((DispatchServerEvent.Answered) e).ack();
                assertThat(a.status()).isEqualTo(AckStatus.REFUSED_STALE);
                assertThat(a.requestId()).isEqualTo(11);
            });
            assertThat(h.sim.companion.currentFlight()).isEmpty();
            assertThat(Decisions.of(options.accountability())).isEmpty();
        }
    }

    @Test
    void aLinkThatDoesNotRequireSignaturesIsRefused() throws Exception {
        District d = arsenal();
        try (SimHarness s = new SimHarness(d, org.vigie.sim.SimConfig.builder().fastBoot(),
                CompanionOptions.defaults())) {
            SigningTimestamps ts = SigningTimestamps.open(s.scheduler, TimestampStore.inMemory(null));
            try (MavlinkLink open = MavlinkLink.create(LinkConfig.of(1), s.scheduler, s.scheduler.callbackExecutor());
                 MavlinkLink lenient = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(1),
                         DispatchHarness.KEY, ts, 0).withSignatureCheck(new SignatureChecker(DispatchHarness.KEY, ts,
                         java.util.Set.of(385))), s.scheduler, s.scheduler.callbackExecutor())) {
                assertThatThrownBy(() -> DispatchServer.start(s.companion, open, DispatchServerOptions.defaults()))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not sign");
                assertThatThrownBy(() -> DispatchServer.start(s.companion, lenient, DispatchServerOptions.defaults()))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsigned TUNNEL");
                assertThatThrownBy(() -> DispatchClient.start(open, DispatchClientOptions.defaults()))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not sign");
            }
        }
    }

    @Test
    void originKeepsTheAuthenticatedSourceWithin128Characters() {
        assertThat(DispatchServer.origin("centre 4", 255, 190, 1)).isEqualTo("centre 4 via MAVLink 255/190 link 1");
        String o = DispatchServer.origin("x".repeat(128), 255, 190, 1);
        assertThat(o).hasSize(128).endsWith("… via MAVLink 255/190 link 1");
        new DispatchRequest("A", 0, 0, OptionalDouble.empty(), DispatchPriority.ROUTINE, "r", Duration.ofSeconds(1),
                "w", o);
        assertThat(Optional.of(o)).isPresent();
    }
}
