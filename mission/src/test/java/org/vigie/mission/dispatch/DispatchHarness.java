package org.vigie.mission.dispatch;

import org.vigie.dispatch.DispatchAck;
import org.vigie.dispatch.DispatchClient;
import org.vigie.dispatch.DispatchClientOptions;
import org.vigie.dispatch.DispatchCodec;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.dispatch.DispatchWire;
import org.vigie.dispatch.FlightStatusUpdate;
import org.vigie.dispatch.Fragmenter;
import org.vigie.dispatch.TunnelSender;
import io.dronefleet.mavlink.common.Tunnel;
import io.dronefleet.mavlink.minimal.MavType;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigie.geofence.zone.District;
import org.vigie.link.LinkConfig;
import org.vigie.link.MavlinkLink;
import org.vigie.link.codec.FrameSigner;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.signing.MavlinkSigner;
import org.vigie.link.signing.SigningKey;
import org.vigie.link.signing.SigningTimestamps;
import org.vigie.link.signing.TimestampStore;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.mission.CompanionOptions;
import org.vigie.mission.sim.SimHarness;
import org.vigie.sim.SimConfig;

/**
 * A companion flying the simulated ArduCopter (the mission tests' {@link SimHarness}), a signed dispatch link to a
 * dispatch centre over an in-memory pair, and a third transport on the drone's dispatch link for an attacker. Everything
 * runs on the one ManualScheduler; callbacks run inline.
 */
final class DispatchHarness implements AutoCloseable {

    static final SigningKey KEY = key(1);
    static final SigningKey WRONG_KEY = key(2);
    static final int DRONE = 1;
    static final int CENTRE = 255;

    final SimHarness sim;
    final ManualScheduler scheduler;
    final MavlinkLink droneLink;
    final MavlinkLink centreLink;
    final DispatchServer server;
    final DispatchClient client;
    final InMemoryTransport attacker;
    final DroppingTransport droneSide;
    final DroppingTransport centreSide;
    /** ACKs (as DispatchAck) and statuses (as FlightStatusUpdate) in the order the centre saw them. */
    final List<Object> centreSaw = new CopyOnWriteArrayList<>();
    final List<FlightStatusUpdate> statuses = new CopyOnWriteArrayList<>();
    final List<DispatchServerEvent> serverEvents = new CopyOnWriteArrayList<>();
    /** Raw bytes of every TUNNEL frame that reached the drone's dispatch link past the signature check. */
    final List<byte[]> acceptedOrderFrames = new CopyOnWriteArrayList<>();
    private final SigningTimestamps attackerTimestamps;

    DispatchHarness(District district, CompanionOptions companionOptions, DispatchServerOptions serverOptions,
                    DispatchClientOptions clientOptions) throws IOException {
        this(district, companionOptions, serverOptions, clientOptions, null);
    }

    DispatchHarness(District district, CompanionOptions companionOptions, DispatchServerOptions serverOptions,
                    DispatchClientOptions clientOptions, Object unused) throws IOException {
        sim = new SimHarness(district, SimConfig.builder().fastBoot(), companionOptions);
        scheduler = sim.scheduler;
        InMemoryTransport[] pair = InMemoryTransport.pair("drone-dispatch", "centre");
        InMemoryTransport[] bad = InMemoryTransport.pair("drone-open-port", "attacker");
        attacker = bad[1];
        attacker.start(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
            }

            @Override
            public void onState(org.vigie.link.transport.TransportState state, String detail) {
            }
        });
        droneSide = new DroppingTransport(pair[0]);
        centreSide = new DroppingTransport(pair[1]);
        SigningTimestamps droneTs = SigningTimestamps.open(scheduler, TimestampStore.inMemory(null));
        SigningTimestamps centreTs = SigningTimestamps.open(scheduler, TimestampStore.inMemory(null));
        attackerTimestamps = SigningTimestamps.open(scheduler, TimestampStore.inMemory(null));
        droneLink = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(DRONE), KEY, droneTs, 0), scheduler,
                scheduler.callbackExecutor(), droneSide, bad[0]);
        centreLink = MavlinkLink.create(DispatchSecurity.signedLink(LinkConfig.of(CENTRE).withComponentId(190)
                .withHeartbeatType(MavType.MAV_TYPE_GCS), KEY, centreTs, 1), scheduler, scheduler.callbackExecutor(),
                centreSide);
        droneLink.subscribe(Tunnel.class, (t, f) -> acceptedOrderFrames.add(f.raw()));
        server = DispatchServer.start(sim.companion, droneLink, serverOptions);
        server.onEvent(serverEvents::add);
        client = DispatchClient.start(centreLink, clientOptions);
        client.onFlightStatus(u -> {
            statuses.add(u);
            centreSaw.add(u);
        });
    }

    static DispatchClientOptions clientOptions(long seed) {
        Random r = new Random(seed);
        return DispatchClientOptions.defaults().withRequestIds(r::nextLong);
    }

    /** Sends through the client and records the answer in {@link #centreSaw} when it comes. */
    CompletableFuture<DispatchAck> record(CompletableFuture<DispatchAck> f) {
        return f.whenComplete((a, e) -> {
            if (a != null) {
                centreSaw.add(a);
            }
        });
    }

    /** Runs the scheduler until the future completes (or the simulated limit), returns its value or null. */
    <T> T await(CompletableFuture<T> f, java.time.Duration limit) {
        scheduler.advanceUntil(f::isDone, java.time.Duration.ofMillis(50), limit);
        return f.getNow(null);
    }

    /** Writes a TUNNEL order frame onto the attacker's transport, signed with {@code signer} (null: unsigned). */
    void inject(int sysId, int compId, byte[] fragment, FrameSigner signer) {
        Tunnel t = TunnelSender.tunnel(DRONE, 191, fragment);
        byte[] payload = new MessageCodec(MessageTable.ardupilotmega()).encodePayload(t);
        MavlinkFrame f = new FrameWriter(MessageTable.ardupilotmega()).encodeV2(sysId, compId,
                DispatchWire.TUNNEL_MSG_ID, payload, signer);
        injectRaw(f.raw());
    }

    void injectRaw(byte[] raw) {
        attacker.send(raw, 0, raw.length);
    }

    MavlinkSigner signer(SigningKey key, int linkId) {
        return new MavlinkSigner(key, linkId, attackerTimestamps);
    }

    static byte[] oneFragment(DispatchMessage m) {
        List<byte[]> f = Fragmenter.fragments(777, DispatchCodec.encode(m));
        if (f.size() != 1) {
            throw new IllegalStateException("test order does not fit one fragment: " + f.size());
        }
        return f.get(0);
    }

    private static SigningKey key(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return SigningKey.of(b);
    }

    @Override
    public void close() {
        client.close();
        server.close();
        centreLink.close();
        droneLink.close();
        sim.close();
    }

    /** A transport decorator that can drop the next N TUNNEL frames it is asked to send (the drone's replies). */
    static final class DroppingTransport implements Transport {
        private final Transport inner;
        final AtomicInteger dropTunnels = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        private Random random;
        private double dropRate;

        /** From now on drops each TUNNEL frame with this probability (seeded). */
        void dropRandomly(Random r, double rate) {
            this.random = r;
            this.dropRate = rate;
        }

        DroppingTransport(Transport inner) {
            this.inner = inner;
        }

        @Override
        public String description() {
            return "dropping:" + inner.description();
        }

        @Override
        public void start(TransportListener listener) {
            inner.start(listener);
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            boolean tunnel = length > 10 && (data[offset] & 0xFF) == MavlinkFrame.STX_V2
                    && ((data[offset + 7] & 0xFF) | (data[offset + 8] & 0xFF) << 8) == DispatchWire.TUNNEL_MSG_ID;
            boolean drop = tunnel && (dropTunnels.get() > 0 || (random != null && random.nextDouble() < dropRate));
            if (drop) {
                if (dropTunnels.get() > 0) {
                    dropTunnels.decrementAndGet();
                }
                dropped.incrementAndGet();
                return true;
            }
            return inner.send(data, offset, length);
        }

        @Override
        public boolean isConnected() {
            return inner.isConnected();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
