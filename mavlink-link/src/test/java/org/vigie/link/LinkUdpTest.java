package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavResult;
import java.net.DatagramSocket;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.link.time.RealtimeScheduler;

/** Two links over real UDP sockets on loopback, each on its own real-time event thread, writer threads on. */
class LinkUdpTest {

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Completes when the link sees the system: from its PeerSeen event, or at once if peers() already has it. */
    private static CompletableFuture<LinkEvent.PeerSeen> seen(MavlinkLink link, int sysId) {
        CompletableFuture<LinkEvent.PeerSeen> f = new CompletableFuture<>();
        link.onEvent(e -> {
            if (e instanceof LinkEvent.PeerSeen p && p.sysId() == sysId) {
                f.complete(p);
            }
        });
        for (Peer p : link.peers()) {
            if (p.sysId() == sysId && p.alive()) {
                f.complete(new LinkEvent.PeerSeen(p.sysId(), p.compId(), p.mavType(), p.autopilot()));
            }
        }
        return f;
    }

    @Test
    void twoLinksFindEachOtherAndExchangeACommandOverLoopbackUdp() throws Exception {
        int port = freePort();
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        try (RealtimeScheduler groundThread = new RealtimeScheduler("ground-link", 1.0, Clock.systemUTC());
             RealtimeScheduler droneThread = new RealtimeScheduler("drone-link", 1.0, Clock.systemUTC());
             MavlinkLink ground = MavlinkLink.open(LinkConfig.of(255).withComponentId(190), groundThread, callbacks,
                     "udpin://127.0.0.1:" + port);
             MavlinkLink drone = MavlinkLink.open(LinkConfig.of(1), droneThread, callbacks,
                     "udpout://127.0.0.1:" + port)) {
            // the links start talking as they open: a peer may be seen before these listeners are registered
            CompletableFuture<LinkEvent.PeerSeen> groundSeesDrone = seen(ground, 1);
            CompletableFuture<LinkEvent.PeerSeen> droneSeesGround = seen(drone, 255);
            assertThat(groundSeesDrone.get(5, TimeUnit.SECONDS)).isEqualTo(new LinkEvent.PeerSeen(1, 191, 18, 8));
            assertThat(droneSeesGround.get(5, TimeUnit.SECONDS)).isEqualTo(new LinkEvent.PeerSeen(255, 190, 18, 8));

            // the drone answers a command the way an autopilot would; subscribers run on its event thread
            CompletableFuture<String> threadOfSubscriber = new CompletableFuture<>();
            drone.subscribe(CommandLong.class, (cmd, frame) -> {
                threadOfSubscriber.complete(Thread.currentThread().getName());
                drone.send(CommandAck.builder().command(cmd.command()).result(MavResult.MAV_RESULT_ACCEPTED)
                        .targetSystem(frame.sysId()).targetComponent(frame.compId()).build());
            });
            CompletableFuture<CommandAck> ack = new CompletableFuture<>();
            ground.subscribe(CommandAck.class, (a, frame) -> ack.complete(a));
            ground.send(CommandLong.builder().targetSystem(1).targetComponent(191)
                    .command(MavCmd.MAV_CMD_REQUEST_MESSAGE).param1(148).build());
            assertThat(ack.get(5, TimeUnit.SECONDS).result().entry()).isEqualTo(MavResult.MAV_RESULT_ACCEPTED);
            assertThat(threadOfSubscriber.get()).isEqualTo("drone-link");
            assertThat(ground.stats().framesIn()).isPositive();
            assertThat(drone.stats().failedWrites()).isZero();
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void openRefusesAMalformedConnectionStringAndNoStrings() {
        java.util.concurrent.ExecutorService callbacks = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (RealtimeScheduler scheduler = new RealtimeScheduler("unused")) {
            assertThatThrownBy(() -> MavlinkLink.open(LinkConfig.of(1), scheduler, callbacks, "udp://nowhere"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udp://nowhere");
            assertThatThrownBy(() -> MavlinkLink.open(LinkConfig.of(1), scheduler, callbacks))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one connection string");
        } finally {
            callbacks.shutdown();
        }
    }

    @Test
    void closeFromAnotherThreadWaitsForTheEventThreadAndStillWorksAfterTheSchedulerStopped() throws Exception {
        int port = freePort();
        java.util.concurrent.ExecutorService callbacks = java.util.concurrent.Executors.newSingleThreadExecutor();
        RealtimeScheduler scheduler = new RealtimeScheduler("link");
        MavlinkLink link = MavlinkLink.open(LinkConfig.of(1), scheduler, callbacks, "udpin://127.0.0.1:" + port);
        CompletableFuture<org.vigie.link.vehicle.Vehicle> pending = link.awaitVehicle();
        java.util.List<LinkEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<LinkEvent> closedSeen = new CompletableFuture<>();
        link.onEvent(e -> {
            events.add(e);
            if (e instanceof LinkEvent.Closed) {
                closedSeen.complete(e);
            }
        });
        link.close();   // from the test thread: returns once the event thread has closed everything
        pending.handle((v, e) -> e).get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(pending).isCompletedExceptionally();
        closedSeen.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(events.get(events.size() - 1)).isEqualTo(new LinkEvent.Closed());
        try (DatagramSocket rebind = new DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(rebind.getLocalPort()).isEqualTo(port);   // the socket was released
        }

        int port2 = freePort();
        MavlinkLink link2 = MavlinkLink.open(LinkConfig.of(1), scheduler, callbacks, "udpin://127.0.0.1:" + port2);
        CompletableFuture<org.vigie.link.vehicle.Vehicle> pending2 = link2.awaitVehicle();
        scheduler.close();   // the event thread is gone before the link is closed
        link2.close();
        pending2.handle((v, e) -> e).get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(pending2).isCompletedExceptionally();
        callbacks.shutdown();
        try (DatagramSocket rebind = new DatagramSocket(port2, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(rebind.getLocalPort()).isEqualTo(port2);
        }
    }
}
