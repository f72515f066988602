package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.DiscardReason;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.TransportState;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.link.vehicle.FlightModes;
import org.vigie.link.vehicle.Vehicle;

class MavlinkLinkTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<LinkEvent> events = new ArrayList<>();
    private MavlinkLink link;
    private TestPeer autopilot;

    private void open(LinkConfig config) {
        InMemoryTransport[] pair = InMemoryTransport.pair("link", "autopilot");
        autopilot = new TestPeer(pair[1], scheduler, 1, 1);
        link = MavlinkLink.create(config, scheduler, scheduler.callbackExecutor(), pair[0]);
        link.subscribeEvents(events::add);
    }

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
    }

    private <T extends LinkEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void heartbeatIsSentAtExactly1HzWithTheExactBytes() {
        open(LinkConfig.of(1));
        scheduler.runPending();
        for (int i = 0; i < 100; i++) {
            scheduler.advance(Duration.ofMillis(100));
        }
        List<TestPeer.Received> hb = autopilot.received.stream().filter(r -> r.frame().msgId() == 0).toList();
        assertThat(hb).hasSize(11);
        for (int i = 0; i < hb.size(); i++) {
            assertThat(hb.get(i).atNanos()).isEqualTo(i * 1_000_000_000L);
            assertThat(hb.get(i).frame().seq()).isEqualTo(i);
        }
        // MAVLink 2, seq 0, 1/191, HEARTBEAT: custom 0, ONBOARD_CONTROLLER 18, INVALID 8, base 0, ACTIVE 4, v3;
        // CRC computed independently (X.25 with CRC_EXTRA 50)
        assertThat(hb.get(0).frame().hex()).isEqualTo("fd0900000001bf000000000000001208000403aec6");
        assertThat(hb.get(1).frame().hex()).isEqualTo("fd0900000101bf000000000000001208000403be48");
        assertThat(link.stats().framesOut()).isEqualTo(11);
        assertThat(link.stats().bytesOut()).isEqualTo(11 * 21);
    }

    @Test
    void heartbeatTypeIsConfigurableAndHeartbeatCanBeDisabled() {
        open(LinkConfig.of(7).withComponentId(100).withHeartbeatType(MavType.MAV_TYPE_CAMERA));
        scheduler.runPending();
        MavlinkFrame f = autopilot.framesOf(0).get(0);
        assertThat(f.sysId()).isEqualTo(7);
        assertThat(f.compId()).isEqualTo(100);
        assertThat(f.payloadByte(4)).isEqualTo(30);
        link.close();

        autopilot.received.clear();
        open(LinkConfig.of(1).withHeartbeat(false));
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(autopilot.received).isEmpty();
    }

    @Test
    void peerIsSeenOnItsFirstHeartbeatAndLostExactlyAfterTheTimeout() {
        open(LinkConfig.of(1).withHeartbeat(false));
        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        assertThat(eventsOf(LinkEvent.PeerSeen.class)).containsExactly(new LinkEvent.PeerSeen(1, 1, 2, 3));
        assertThat(link.peers()).containsExactly(new Peer(1, 1, 2, 3, true));

        for (int i = 0; i < 10; i++) {                 // heartbeats keep it alive
            scheduler.advance(Duration.ofSeconds(1));
            autopilot.send(TestPeer.arduCopter(0, false));
            scheduler.runPending();
        }
        assertThat(eventsOf(LinkEvent.PeerLost.class)).isEmpty();
        scheduler.advance(Duration.ofMillis(4999));     // last heartbeat at t = 10 s
        assertThat(eventsOf(LinkEvent.PeerLost.class)).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(eventsOf(LinkEvent.PeerLost.class)).containsExactly(new LinkEvent.PeerLost(1, 1, 5000));
        assertThat(link.peers()).containsExactly(new Peer(1, 1, 2, 3, false));
        assertThat(link.vehicle()).get().extracting(Vehicle::connected).isEqualTo(false);

        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        assertThat(eventsOf(LinkEvent.PeerSeen.class)).hasSize(2);
        assertThat(link.vehicle()).get().extracting(Vehicle::connected).isEqualTo(true);
        assertThat(eventsOf(LinkEvent.AutopilotRebooted.class)).isEmpty();   // back in STANDBY: a link outage
    }

    @Test
    void peerLostTimeoutIsConfigurable() {
        open(LinkConfig.of(1).withHeartbeat(false).withPeerLostTimeout(Duration.ofSeconds(2)));
        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.advance(Duration.ofMillis(1999));
        assertThat(eventsOf(LinkEvent.PeerLost.class)).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(eventsOf(LinkEvent.PeerLost.class)).hasSize(1);
    }

    @Test
    void eventsVehicleChangesAndFuturesAreDeliveredOffTheEventThreadInOrder() throws Exception {
        ExecutorService callbacks = Executors.newFixedThreadPool(3, r -> new Thread(r, "user-callbacks"));
        try {
            InMemoryTransport[] pair = InMemoryTransport.pair("link", "autopilot");
            autopilot = new TestPeer(pair[1], scheduler, 1, 1);
            link = MavlinkLink.create(LinkConfig.of(1), scheduler, callbacks, pair[0]);
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(1);
            link.onEvent(e -> {
                seen.add(Thread.currentThread().getName() + " " + e.getClass().getSimpleName());
                if (e instanceof LinkEvent.Closed) {
                    done.countDown();
                }
            });
            CompletableFuture<Thread> vehicleThread = new CompletableFuture<>();
            link.onVehicleChanged(v -> vehicleThread.complete(Thread.currentThread()));
            CompletableFuture<Vehicle> attached = link.awaitVehicle();
            autopilot.send(TestPeer.arduCopter(4, true));
            scheduler.runPending();
            assertThat(attached.get(5, TimeUnit.SECONDS).modeName()).isEqualTo("GUIDED");
            assertThat(vehicleThread.get(5, TimeUnit.SECONDS).getName()).isEqualTo("user-callbacks");
            link.close();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).containsExactly("user-callbacks TransportStateChanged", "user-callbacks PeerSeen",
                    "user-callbacks TransportStateChanged", "user-callbacks Closed");
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void px4HeartbeatGivesFlavourAndModeName() {
        open(LinkConfig.of(1).withHeartbeat(false));
        autopilot.send(TestPeer.heartbeat(MavAutopilot.MAV_AUTOPILOT_PX4, MavType.MAV_TYPE_QUADROTOR, 0x80 | 0x1D,
                FlightModes.px4CustomMode(4, 4), MavState.MAV_STATE_ACTIVE));
        scheduler.runPending();
        Vehicle v = link.vehicle().orElseThrow();
        assertThat(v.flavour()).isEqualTo(AutopilotFlavour.PX4);
        assertThat(v.customMode()).isEqualTo(0x0404_0000L);
        assertThat(v.modeName()).isEqualTo("AUTO_MISSION");
        assertThat(v.armed()).isTrue();
        assertThat(v.state()).isEqualTo(MavState.MAV_STATE_ACTIVE);
        assertThat(v.vehicleType()).isEqualTo(MavType.MAV_TYPE_QUADROTOR);
    }

    @Test
    void theVehicleIsTheFirstAutopilotNotAGroundStationOrGimbal() {
        InMemoryTransport[] pair = InMemoryTransport.pair("link", "net");
        TestPeer gcs = new TestPeer(pair[1], scheduler, 255, 190);
        link = MavlinkLink.create(LinkConfig.of(1).withHeartbeat(false).withTargetSystemId(2), scheduler, scheduler.callbackExecutor(),
                pair[0]);
        gcs.send(TestPeer.heartbeat(MavAutopilot.MAV_AUTOPILOT_INVALID, MavType.MAV_TYPE_GCS, 0, 0,
                MavState.MAV_STATE_ACTIVE));
        gcs.send(TestPeer.heartbeat(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, MavType.MAV_TYPE_GIMBAL, 0, 0,
                MavState.MAV_STATE_ACTIVE));
        scheduler.runPending();
        assertThat(link.vehicle()).isEmpty();
        assertThat(link.peers()).hasSize(1);   // the same 255/190 sent both
        // sysid 255 is not the configured target 2 even when it claims to be an autopilot
        gcs.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        assertThat(link.vehicle()).isEmpty();
    }

    @Test
    void typedSubscribersShareOneDecodeAndUnsubscribe() {
        open(LinkConfig.of(1).withHeartbeat(false));
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        List<MavlinkFrame> raw = new ArrayList<>();
        Subscription sa = link.subscribe(Heartbeat.class, (m, f) -> a.add(m));
        link.subscribe(Heartbeat.class, (m, f) -> b.add(m));
        link.subscribeFrames(raw::add);
        autopilot.send(TestPeer.arduCopter(5, false));
        scheduler.runPending();
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(1);
        assertThat(a.get(0)).isSameAs(b.get(0));
        assertThat(((Heartbeat) a.get(0)).customMode()).isEqualTo(5);
        assertThat(raw).hasSize(1);
        sa.close();
        autopilot.send(TestPeer.arduCopter(5, false));
        scheduler.runPending();
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(2);
    }

    @Test
    void sendEncodesFromOurIdsWithIncreasingSequence() {
        open(LinkConfig.of(42).withHeartbeat(false));
        CommandLong cmd = CommandLong.builder().targetSystem(1).targetComponent(1)
                .command(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM).param1(1).build();
        link.send(cmd);
        link.send(cmd);
        scheduler.runPending();
        List<MavlinkFrame> out = autopilot.framesOf(76);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).sysId()).isEqualTo(42);
        assertThat(out.get(0).compId()).isEqualTo(191);
        assertThat(out.get(0).version()).isEqualTo(2);
        assertThat(out.get(1).seq()).isEqualTo((out.get(0).seq() + 1) & 0xFF);
        assertThat(autopilot.codec.decode(out.get(0), CommandLong.class)).contains(cmd);
    }

    @Test
    void sendFromAnotherThreadIsPostedToTheEventThread() throws Exception {
        open(LinkConfig.of(1).withHeartbeat(false));
        scheduler.runPending();   // this test thread now drives the scheduler
        Thread t = new Thread(() -> link.send(Attitude.builder().timeBootMs(1).build()));
        t.start();
        t.join(5000);
        assertThat(autopilot.received).isEmpty();
        scheduler.runPending();
        assertThat(autopilot.framesOf(30)).hasSize(1);
    }

    @Test
    void signatureRejectionsAreCountedReportedAndNeverDelivered() {
        open(LinkConfig.of(1).withHeartbeat(false).withSignatureCheck(
                f -> f.msgId() == 0 ? SignatureVerdict.ACCEPTED_UNSIGNED : SignatureVerdict.REJECTED_UNSIGNED));
        List<CommandLong> delivered = new ArrayList<>();
        List<MavlinkFrame> raw = new ArrayList<>();
        link.subscribe(CommandLong.class, (m, f) -> delivered.add(m));
        link.subscribeFrames(raw::add);
        autopilot.send(CommandLong.builder().targetSystem(1).command(MavCmd.MAV_CMD_COMPONENT_ARM_DISARM).build());
        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        assertThat(delivered).isEmpty();
        assertThat(raw).extracting(MavlinkFrame::msgId).containsExactly(0);
        assertThat(eventsOf(LinkEvent.SignatureRejected.class)).containsExactly(
                new LinkEvent.SignatureRejected(SignatureVerdict.REJECTED_UNSIGNED, 1, 1, 76));
        LinkStats s = link.stats();
        assertThat(s.signatureRejections()).containsExactly(java.util.Map.entry(SignatureVerdict.REJECTED_UNSIGNED, 1L));
        assertThat(s.signatureRejectionsTotal()).isEqualTo(1);
        assertThat(s.framesIn()).isEqualTo(2);
        assertThat(s.peer(1, 1).received()).isEqualTo(1);   // rejected frames do not count as received
    }

    @Test
    void garbageAndBadCrcBecomeOneParseErrorPerReasonPerBurstAndNeverThrow() {
        open(LinkConfig.of(1).withHeartbeat(false));
        Random random = new Random(42);
        byte[] garbage = new byte[1000];
        random.nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == (byte) 0xFD || garbage[i] == (byte) 0xFE) {
                garbage[i] = 0x55;   // pure noise: no candidate frames
            }
        }
        MavlinkFrame good = autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        events.clear();
        for (int i = 0; i < garbage.length; i += 100) {
            autopilot.end.send(garbage, i, 100);
        }
        byte[] corrupt = good.raw().clone();
        corrupt[corrupt.length - 1] ^= 0x5A;
        autopilot.sendBytes(corrupt);
        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        List<LinkEvent.ParseError> errors = eventsOf(LinkEvent.ParseError.class);
        // the corrupt frame: its start byte is a BAD_CRC, the 20 bytes after it are garbage
        assertThat(errors).containsExactly(
                new LinkEvent.ParseError("mem://link", DiscardReason.GARBAGE, 1000 + corrupt.length - 1),
                new LinkEvent.ParseError("mem://link", DiscardReason.BAD_CRC, 1));
        assertThat(events.get(events.size() - 1)).isInstanceOf(LinkEvent.ParseError.class);
        LinkStats s = link.stats();
        assertThat(s.crcErrors()).isEqualTo(1);
        assertThat(s.parserDiscards().get(DiscardReason.GARBAGE)).isEqualTo(1000 + corrupt.length - 1);
        assertThat(s.framesIn()).isEqualTo(2);

        // a burst with no valid frame after it is reported when the burst window closes
        events.clear();
        autopilot.end.send(garbage, 0, 10);
        scheduler.advance(MavlinkLink.PARSE_BURST_WINDOW.minusMillis(1));
        assertThat(events).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(events).containsExactly(new LinkEvent.ParseError("mem://link", DiscardReason.GARBAGE, 10));

        // arbitrary bytes, including start bytes and frame fragments: never an exception
        for (int round = 0; round < 200; round++) {
            byte[] junk = new byte[random.nextInt(600)];
            random.nextBytes(junk);
            if (round % 3 == 0 && junk.length > good.raw().length) {
                System.arraycopy(good.raw(), 0, junk, random.nextInt(junk.length - good.raw().length),
                        good.raw().length);
            }
            autopilot.sendBytes(junk);
            scheduler.advance(Duration.ofMillis(50));
        }
        assertThat(link.stats().bytesIn()).isGreaterThan(1000);
    }

    @Test
    void packetLossIsMeasuredPerPeerFromSequenceNumbers() {
        open(LinkConfig.of(1).withHeartbeat(false));
        org.vigie.link.codec.FrameWriter w = new org.vigie.link.codec.FrameWriter();
        byte[] payload = autopilot.codec.encodePayload(TestPeer.arduCopter(0, false));
        for (int seq = 0; seq < 10; seq++) {
            MavlinkFrame f = w.encodeV2(1, 1, 0, payload, null);
            if (seq != 3 && seq != 4 && seq != 7) {
                autopilot.sendBytes(f.raw());
            }
        }
        scheduler.runPending();
        LinkStats.PeerStats p = link.stats().peer(1, 1);
        assertThat(p.received()).isEqualTo(7);
        assertThat(p.lost()).isEqualTo(3);
        assertThat(p.lossPercent()).isEqualTo(30.0);
        assertThat(p.duplicates()).isZero();
    }

    @Test
    void bootTimeGoingBackwardsIsAReboot() {
        open(LinkConfig.of(1).withHeartbeat(false));
        autopilot.send(TestPeer.arduCopter(0, false));
        autopilot.send(Attitude.builder().timeBootMs(60_000).build());
        autopilot.send(Attitude.builder().timeBootMs(59_500).build());   // jitter, not a reboot
        autopilot.send(Attitude.builder().timeBootMs(61_000).build());
        scheduler.runPending();
        assertThat(eventsOf(LinkEvent.AutopilotRebooted.class)).isEmpty();
        autopilot.send(Attitude.builder().timeBootMs(300).build());
        autopilot.send(io.dronefleet.mavlink.common.GlobalPositionInt.builder().timeBootMs(400).build());
        scheduler.runPending();
        assertThat(eventsOf(LinkEvent.AutopilotRebooted.class)).hasSize(1);
        assertThat(eventsOf(LinkEvent.AutopilotRebooted.class).get(0).reason()).contains("61000").contains("300");
    }

    @Test
    void heartbeatBackInBootStateAfterLossIsAReboot() {
        open(LinkConfig.of(1).withHeartbeat(false));
        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.advance(Duration.ofSeconds(6));
        autopilot.send(TestPeer.heartbeat(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA, MavType.MAV_TYPE_QUADROTOR, 0x59, 0,
                MavState.MAV_STATE_BOOT));
        scheduler.runPending();
        assertThat(eventsOf(LinkEvent.AutopilotRebooted.class)).hasSize(1);
    }

    @Test
    void closeFailsPendingFuturesStopsHeartbeatsAndEmitsClosedLast() {
        open(LinkConfig.of(1));
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(autopilot.framesOf(0)).hasSize(3);
        CompletableFuture<Vehicle> pending = link.awaitVehicle();
        link.close();
        link.close();
        scheduler.runPending();   // the callback thread has run what close handed it
        assertThat(pending).isCompletedExceptionally();
        assertThatThrownBy(pending::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(LinkClosedException.class);
        assertThat(events.get(events.size() - 1)).isEqualTo(new LinkEvent.Closed());
        assertThat(eventsOf(LinkEvent.TransportStateChanged.class)).extracting(LinkEvent.TransportStateChanged::state)
                .containsExactly(TransportState.CONNECTED, TransportState.CLOSED);
        link.send(Attitude.builder().build());
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(autopilot.received).hasSize(3);
        assertThat(eventsOf(LinkEvent.Closed.class)).hasSize(1);
        assertThat(link.isClosed()).isTrue();
        CompletableFuture<Vehicle> late = link.awaitVehicle();
        assertThatThrownBy(() -> late.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(LinkClosedException.class);
        assertThatThrownBy(() -> link.addTransport(InMemoryTransport.pair("x", "y")[0]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badArgumentsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> LinkConfig.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("systemId must be 1..255, was 0");
        assertThatThrownBy(() -> LinkConfig.of(256)).hasMessageContaining("systemId must be 1..255, was 256");
        assertThatThrownBy(() -> LinkConfig.of(1).withComponentId(-1))
                .hasMessageContaining("componentId must be 0..255, was -1");
        assertThatThrownBy(() -> LinkConfig.of(1).withPeerLostTimeout(Duration.ZERO))
                .hasMessageContaining("peerLostTimeout must be between 1 s and 10 min, was PT0S");
        assertThatThrownBy(() -> LinkConfig.of(1).withHeartbeatPeriod(Duration.ofMillis(10)))
                .hasMessageContaining("heartbeatPeriod");
        assertThatThrownBy(() -> LinkConfig.of(1).withWriteQueueCapacity(0))
                .hasMessageContaining("writeQueueCapacity must be 1..1000000 frames, was 0");
        assertThatThrownBy(() -> LinkConfig.of(1).withTargetSystemId(300))
                .hasMessageContaining("targetSystemId must be 1..255, or 0 for the first autopilot heard, was 300");
        assertThatThrownBy(() -> LinkConfig.of(1).withSignatureCheck(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("signatureCheck");
        open(LinkConfig.of(1));
        assertThatThrownBy(() -> link.send("not a message")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not a MAVLink message class");
        assertThatThrownBy(() -> link.subscribe(String.class, (m, f) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a MAVLink message");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheLink() {
        open(LinkConfig.of(1).withHeartbeat(false));
        List<Object> got = new ArrayList<>();
        link.subscribe(Heartbeat.class, (m, f) -> {
            throw new IllegalStateException("bug in a listener");
        });
        link.subscribe(Heartbeat.class, (m, f) -> got.add(m));
        autopilot.send(TestPeer.arduCopter(0, false));
        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        assertThat(got).hasSize(2);
    }

    @Test
    void futuresWaitOnTheCallbackExecutorWithoutDeadlock() throws Exception {
        open(LinkConfig.of(1));
        CompletableFuture<Vehicle> f = link.awaitVehicle();
        autopilot.send(TestPeer.arduCopter(6, true));
        scheduler.runPending();
        assertThat(f.get(1, TimeUnit.SECONDS).modeName()).isEqualTo("RTL");
        assertThat(link.awaitVehicle().get(1, TimeUnit.SECONDS).armed()).isTrue();
    }

    @Test
    void framesCarryingOurOwnIdsAreEchoesAndIgnored() {
        open(LinkConfig.of(1).withHeartbeat(false));
        List<MavlinkFrame> raw = new ArrayList<>();
        link.subscribeFrames(raw::add);
        TestPeer echo = new TestPeer(InMemoryTransport.pair("x", "y")[0], scheduler, 1, 191);
        MavlinkFrame own = new org.vigie.link.codec.FrameWriter().encodeV2(1, 191, 0,
                echo.codec.encodePayload(TestPeer.arduCopter(0, false)), null);
        autopilot.sendBytes(own.raw());
        scheduler.runPending();
        assertThat(raw).isEmpty();
        assertThat(link.peers()).isEmpty();
        assertThat(link.stats().ownFramesIgnored()).isEqualTo(1);
        assertThat(link.stats().peers()).isEmpty();
    }

    @Test
    void aRebootRestartsTheLossCount() {
        open(LinkConfig.of(1).withHeartbeat(false));
        org.vigie.link.codec.FrameWriter before = new org.vigie.link.codec.FrameWriter();
        autopilot.sendBytes(before.encodeV2(1, 1, 0, autopilot.codec.encodePayload(TestPeer.arduCopter(0, false)),
                null).raw());
        byte[] att = autopilot.codec.encodePayload(Attitude.builder().timeBootMs(90_000).build());
        for (int i = 0; i < 100; i++) {
            autopilot.sendBytes(before.encodeV2(1, 1, 30, att, null).raw());
        }
        scheduler.runPending();
        assertThat(link.stats().peer(1, 1).received()).isEqualTo(101);
        org.vigie.link.codec.FrameWriter after = new org.vigie.link.codec.FrameWriter();   // sequence restarts at 0
        for (int i = 0; i < 5; i++) {
            autopilot.sendBytes(after.encodeV2(1, 1, 30,
                    autopilot.codec.encodePayload(Attitude.builder().timeBootMs(1000 + i).build()), null).raw());
        }
        scheduler.runPending();
        assertThat(eventsOf(LinkEvent.AutopilotRebooted.class)).hasSize(1);
        LinkStats.PeerStats p = link.stats().peer(1, 1);
        assertThat(p.received()).isEqualTo(5);
        assertThat(p.lost()).isZero();
    }

    @Test
    void autopilotVersionCanBeRequestedAndFillsTheVehicle() {
        open(LinkConfig.of(1).withHeartbeat(false));
        assertThat(link.requestAutopilotVersion()).isFalse();
        autopilot.send(TestPeer.arduCopter(0, false));
        scheduler.runPending();
        assertThat(link.requestAutopilotVersion()).isTrue();
        scheduler.runPending();
        CommandLong req = autopilot.codec.decode(autopilot.framesOf(76).get(0), CommandLong.class).orElseThrow();
        assertThat(req.command().entry()).isEqualTo(MavCmd.MAV_CMD_REQUEST_MESSAGE);
        assertThat(req.param1()).isEqualTo(148f);
        assertThat(req.targetSystem()).isEqualTo(1);
        assertThat(req.targetComponent()).isEqualTo(1);
        autopilot.send(io.dronefleet.mavlink.common.AutopilotVersion.builder()
                .flightSwVersion(0x040600FFL)
                .capabilities(io.dronefleet.mavlink.util.EnumValue.create(0x2000 | 0x4))
                .build());
        scheduler.runPending();
        Vehicle v = link.vehicle().orElseThrow();
        assertThat(v.flightSwVersionText()).isEqualTo("4.6.0 (type 255)");
        assertThat(v.capabilities()).isEqualTo(0x2004L);
    }
}
