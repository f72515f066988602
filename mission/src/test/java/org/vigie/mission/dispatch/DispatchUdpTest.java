package org.vigie.mission.dispatch;

import org.vigie.mission.audit.Decisions;
import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchClient;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.dispatch.DispatchWire;
import org.vigie.dispatch.FlightStatusUpdate;
import org.vigie.dispatch.TunnelSender;
import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.minimal.MavType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.mission.Companion;
import org.vigie.mission.CompanionOptions;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.sim.SimHarness;
import org.vigie.sim.SimConfig;
import org.vigie.sim.SimVehicle;

/** The dispatch link over real UDP sockets on loopback, every side on its own real-time event thread. */
class DispatchUdpTest {

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aCentreDispatchesAndRecallsTheDroneOverLoopbackUdpAndAForgedDatagramIsDropped() throws Exception {
        District d = SimHarness.quartier("Arsenal");
        GeoPoint target = DemoZones.offset(d, 150, 100);
        GeoPoint home = d.home();
        int port = freePort();
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        CompanionOptions options = CompanionOptions.defaults();
        try (RealtimeScheduler air = new RealtimeScheduler("air", 1.0, Clock.systemUTC());
             RealtimeScheduler droneDispatch = new RealtimeScheduler("drone-dispatch", 1.0, Clock.systemUTC());
             RealtimeScheduler centre = new RealtimeScheduler("centre", 1.0, Clock.systemUTC())) {
            InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sim");
            SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().home(home.latDeg(), home.lonDeg(), 35)
                    .build(), air, pair[1]).start();
            MavlinkLink autopilotLink = MavlinkLink.create(LinkConfig.of(1), air, callbacks, pair[0]);
            Companion companion = Companion.attach(autopilotLink, d, options);
            SigningTimestamps droneTs = SigningTimestamps.open(droneDispatch, TimestampStore.inMemory(null));
            SigningTimestamps centreTs = SigningTimestamps.open(centre, TimestampStore.inMemory(null));
            MavlinkLink droneLink = MavlinkLink.open(DispatchSecurity.signedLink(LinkConfig.of(1), DispatchHarness.KEY,
                    droneTs, 0), droneDispatch, callbacks, "udpin://127.0.0.1:" + port);
            MavlinkLink centreLink = MavlinkLink.open(DispatchSecurity.signedLink(LinkConfig.of(255)
                    .withComponentId(190).withHeartbeatType(MavType.MAV_TYPE_GCS), DispatchHarness.KEY, centreTs, 1),
                    centre, callbacks, "udpout://127.0.0.1:" + port);
            DispatchServer server = DispatchServer.start(companion, droneLink, DispatchServerOptions.defaults()
                    .withStatusRepeatPeriod(Duration.ofSeconds(1)));
            DispatchClient client = DispatchClient.start(centreLink, DispatchHarness.clientOptions(42)
                    .withRetries(Duration.ofMillis(500), 6));
            try {
                CompletableFuture<DispatchServerEvent.FrameRejected> forged = new CompletableFuture<>();
                server.onEvent(e -> {
                    if (e instanceof DispatchServerEvent.FrameRejected r) {
                        forged.complete(r);
                    }
                });
                CompletableFuture<FlightStatusUpdate> firstStatus = new CompletableFuture<>();
                CompletableFuture<FlightStatusUpdate> finalStatus = new CompletableFuture<>();
                client.onFlightStatus(u -> {
                    firstStatus.complete(u);
                    if (u.status().outcome().isPresent()) {
                        finalStatus.complete(u);
                    }
                });

                // an unsigned order sent straight to the drone's port
                byte[] order = DispatchHarness.oneFragment(new DispatchMessage.Dispatch(1,
                        SimHarness.request("FORGED", target).build()));
                byte[] payload = new MessageCodec(MessageTable.ardupilotmega())
                        .encodePayload(TunnelSender.tunnel(1, 191, order));
                byte[] raw = new FrameWriter(MessageTable.ardupilotmega()).encodeV2(200, 190,
                        DispatchWire.TUNNEL_MSG_ID, payload, null).raw();
                try (DatagramSocket s = new DatagramSocket()) {
                    s.send(new DatagramPacket(raw, raw.length, InetAddress.getLoopbackAddress(), port));
                }
                assertThat(forged.get(10, TimeUnit.SECONDS).verdict()).isEqualTo(SignatureVerdict.REJECTED_UNSIGNED);
                assertThat(companion.currentFlight()).isEmpty();

                DispatchAck ack = client.dispatch(SimHarness.request("A-UDP", target).build(), 1)
                        .get(15, TimeUnit.SECONDS);
                assertThat(ack.status()).as(ack.message()).isEqualTo(AckStatus.ACCEPTED);
                FlightStatusUpdate first = firstStatus.get(10, TimeUnit.SECONDS);
                assertThat(first.status().flightId()).isEqualTo(ack.flightId());
                assertThat(first.status().phase()).isEqualTo(FlightPhase.PREFLIGHT);

                DispatchAck cancel = client.cancel(ack.flightId(), "op-udp", "test bench", "end of test", 1)
                        .get(15, TimeUnit.SECONDS);
                assertThat(cancel.status()).as(cancel.message()).isEqualTo(AckStatus.CANCELLED);
                FlightStatusUpdate last = finalStatus.get(30, TimeUnit.SECONDS);
                assertThat(last.status().flightId()).isEqualTo(ack.flightId());
                assertThat(last.status().outcome()).isPresent();
                assertThat(last.status().outcome().get()).isIn(FlightOutcome.ABORTED, FlightOutcome.COMPLETED);
                assertThat(server.stats().rejectedUnsigned()).isEqualTo(1);
                assertThat(server.stats().ordersReceived()).isEqualTo(2);
                assertThat(Decisions.of(options.accountability())).noneMatch(r -> r.alertId().equals("FORGED"));
            } finally {
                client.close();
                server.close();
                centreLink.close();
                droneLink.close();
                companion.close();
                autopilotLink.close();
                sim.close();
            }
        } finally {
            callbacks.shutdownNow();
        }
    }
}
