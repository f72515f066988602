package org.vigie.link.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.transport.TcpClientTransport;
import org.vigie.link.transport.TcpServerTransport;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportOptions;
import org.vigie.link.transport.TransportState;
import org.vigie.link.transport.UdpInTransport;
import org.vigie.link.transport.UdpOutTransport;

/**
 * End to end over real sockets on loopback: an "autopilot" reached by TCP (the router is its client, as with SITL's
 * tcp:5760), ground station A talking to the router's udpin endpoint, ground station B listening where the router's
 * udpout endpoint sends (as QGroundControl on 14550).
 */
class RouterRunnerUdpTcpTest {

    private static final long WAIT_MS = 5000;
    private static final MessageTable TABLE = MessageTable.ardupilotmega();
    private static final TransportOptions FAST = TransportOptions.defaults()
            .withReconnect(Duration.ofMillis(5), Duration.ofMillis(50));

    /** A MAVLink peer on a transport, collecting the frames it receives. */
    static final class Peer implements TransportListener {
        final Transport transport;
        final BlockingQueue<MavlinkFrame> received = new LinkedBlockingQueue<>();
        final List<MavlinkFrame> all = new ArrayList<>();
        final FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                received.add(frame.toFrame());
            }
        });
        final FrameWriter writer = new FrameWriter();
        final int sysId;
        final int compId;

        Peer(Transport transport, int sysId, int compId) {
            this.transport = transport;
            this.sysId = sysId;
            this.compId = compId;
            transport.start(this);
        }

        @Override
        public synchronized void onBytes(byte[] data, int offset, int length) {
            parser.feed(data, offset, length);
        }

        MavlinkFrame send(MavlinkFrame f) {
            assertThat(transport.send(f.raw(), 0, f.raw().length)).as(transport.description() + " send").isTrue();
            return f;
        }

        MavlinkFrame heartbeat() {
            return send(writer.encodeV2(sysId, compId, 0, new byte[] {0, 0, 0, 0, 6, 8, 0, 0, 3}, null));
        }

        MavlinkFrame targeted(int msgId, int targetSys, int targetComp) {
            byte[] p = new byte[TABLE.maxPayloadLength(msgId)];
            p[0] = 1;
            p[TABLE.targetSystemOffset(msgId)] = (byte) targetSys;
            p[TABLE.targetComponentOffset(msgId)] = (byte) targetComp;
            return send(writer.encodeV2(sysId, compId, msgId, p, null));
        }

        /** Waits for a frame matching the predicate; frames passing by are kept in {@link #all}. */
        MavlinkFrame await(Predicate<MavlinkFrame> what, String description) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (true) {
                long left = deadline - System.nanoTime();
                MavlinkFrame f = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
                if (f == null) {
                    throw new AssertionError(transport.description() + " did not receive " + description
                            + "; got " + all);
                }
                all.add(f);
                if (what.test(f)) {
                    return f;
                }
            }
        }

        MavlinkFrame await(MavlinkFrame exact) throws InterruptedException {
            return await(exact::equals, exact.toString());
        }
    }

    @Test
    void framesAreRoutedBetweenATcpAutopilotAndTwoUdpGroundStations() throws Exception {
        TcpServerTransport apServer = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0), FAST);
        UdpInTransport gcsBListen = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), FAST);
        UdpInTransport routerUdpIn = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), FAST);
        RouterRunner runner = new RouterRunner(new Router());
        Endpoint apEp = runner.add("autopilot", new TcpClientTransport(
                new InetSocketAddress("127.0.0.1", apServer.localAddress().getPort()), FAST));
        Endpoint gcsAEp = runner.add("gcsA", routerUdpIn);
        Endpoint gcsBEp = runner.add("gcsB", new UdpOutTransport(
                new InetSocketAddress("127.0.0.1", gcsBListen.localAddress().getPort())));
        Peer autopilot = new Peer(apServer, 1, 1);
        Peer gcsB = new Peer(gcsBListen, 254, 190);
        try (runner; Transport gcsATransport = new UdpOutTransport(
                new InetSocketAddress("127.0.0.1", routerUdpIn.localAddress().getPort()))) {
            runner.start();
            Peer gcsA = new Peer(gcsATransport, 255, 190);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            // both ends must be up: the server may accept before the router's client transport reports CONNECTED,
            // and a broadcast routed to a transport that is not connected yet is dropped (and counted)
            while (apServer.clientCount() == 0 || runner.state(apEp) != TransportState.CONNECTED) {
                assertThat(System.nanoTime()).as("router connected to the autopilot").isLessThan(deadline);
                Thread.onSpinWait();
            }

            MavlinkFrame hbA = gcsA.heartbeat();
            assertThat(autopilot.await(hbA).raw()).as("byte for byte").isEqualTo(hbA.raw());
            assertThat(gcsB.await(hbA)).isNotNull();

            MavlinkFrame apHb = autopilot.heartbeat();
            gcsA.await(apHb);
            gcsB.await(apHb);

            MavlinkFrame hbB = gcsB.heartbeat();
            autopilot.await(hbB);
            gcsA.await(hbB);

            MavlinkFrame cmd = gcsA.targeted(76, 1, 1);
            assertThat(autopilot.await(cmd).raw()).isEqualTo(cmd.raw());
            MavlinkFrame setup = gcsA.targeted(256, 1, 1);
            MavlinkFrame ackToA = autopilot.targeted(77, 255, 190);
            gcsA.await(ackToA);
            MavlinkFrame marker = autopilot.heartbeat();
            gcsB.await(marker);
            gcsA.await(marker);
            assertThat(gcsB.all).as("B never sees A's command nor the ACK meant for A").doesNotContain(cmd, ackToA);
            assertThat(autopilot.all).as("SETUP_SIGNING is never forwarded").doesNotContain(setup);
            assertThat(autopilot.all).doesNotContain(apHb, marker);
            assertThat(gcsA.all).doesNotContain(hbA, cmd);

            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (gcsAEp.stats().rejected() == 0) {
                assertThat(System.nanoTime()).as("SETUP_SIGNING counted").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(apEp.stats().framesIn()).isEqualTo(3);
            assertThat(gcsBEp.stats().notForHere()).isEqualTo(2);
            assertThat(runner.overflowBytes(apEp)).isZero();
            assertThat(runner.discardedBytes(gcsAEp)).isZero();
        } finally {
            apServer.close();
            gcsBListen.close();
        }
    }
}
