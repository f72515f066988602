package org.vigie.link.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.link.transport.LoopbackDatagrams.receive;
import static org.vigie.link.transport.LoopbackDatagrams.socket;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.transport.LoopbackDatagrams;
import org.vigie.link.transport.TransportOptions;
import org.vigie.link.transport.UdpInTransport;
import org.vigie.link.transport.UdpOutTransport;

/**
 * The router over real UDP sockets: a burst of frames, one per datagram, leaves packed into one datagram, unchanged
 * and in order; a frame of unknown id ending a datagram is forwarded at once; the command line's options.
 */
class RouterRunnerUdpPackingTest {

    @Test
    void aBurstOfDatagramsIsForwardedPackedUnchangedAndInOrder() throws Exception {
        FrameWriter w = new FrameWriter();
        try (DatagramSocket autopilot = socket(); DatagramSocket gcs = socket()) {
            UdpInTransport in = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), TransportOptions.defaults());
            UdpOutTransport out = new UdpOutTransport(new InetSocketAddress("127.0.0.1", gcs.getLocalPort()));
            RouterRunner runner = new RouterRunner(new Router());
            Endpoint fromAutopilot = runner.add("autopilot", in);
            Endpoint toGcs = runner.add("gcs", out);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            InetSocketAddress routerIn = new InetSocketAddress("127.0.0.1", in.localAddress().getPort());
            for (int i = 0; i < 20; i++) {
                byte[] hb = w.encodeV2(1, 1, 0, new byte[] {(byte) i, 0, 0, 0, 2, 3, 0x59, 3, 3}, null).raw();
                expected.writeBytes(hb);
                autopilot.send(new DatagramPacket(hb, hb.length, routerIn));
            }
            try (runner) {
                runner.start();
                byte[] got = receive(gcs);
                assertThat(got).as("20 frames queued before start: one burst, one datagram")
                        .isEqualTo(expected.toByteArray());
                gcs.setSoTimeout(200);
                assertThatThrownBy(() -> receive(gcs)).as("no second datagram")
                        .isInstanceOf(java.net.SocketTimeoutException.class);
                gcs.setSoTimeout(LoopbackDatagrams.WAIT_MS);
                assertThat(toGcs.stats().framesOut()).isEqualTo(20);
                assertThat(fromAutopilot.stats().framesIn()).isEqualTo(20);

                byte[] unknown = {(byte) 0xFD, 4, 0, 0, 7, 1, 1, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4,
                        0x55, 0x66};
                assertThat(MessageTable.ardupilotmega().known(0xFFFFFE)).isFalse();
                autopilot.send(new DatagramPacket(unknown, unknown.length, routerIn));
                assertThat(receive(gcs)).as("an unknown-id frame ending a datagram is not held back")
                        .isEqualTo(unknown);
            }
        }
    }

    @Test
    void aFloodOfMixedFramesArrivesWholeAndInOrderInDatagramsWithinTheLimit() throws Exception {
        FrameWriter w = new FrameWriter();
        java.util.Random random = new java.util.Random(42);
        try (DatagramSocket autopilot = socket(); DatagramSocket gcs = socket()) {
            gcs.setReceiveBufferSize(8 << 20);
            UdpInTransport in = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), TransportOptions.defaults());
            UdpOutTransport out = new UdpOutTransport(new InetSocketAddress("127.0.0.1", gcs.getLocalPort()));
            RouterRunner runner = new RouterRunner(new Router());
            runner.add("autopilot", in);
            Endpoint toGcs = runner.add("gcs", out);
            InetSocketAddress routerIn = new InetSocketAddress("127.0.0.1", in.localAddress().getPort());
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int datagrams = 0;
            try (runner) {
                runner.start();
                for (int chunk = 0; chunk < 20; chunk++) {
                    for (int i = 0; i < 250; i++) {
                        // HEARTBEAT (21 bytes) or STATUSTEXT with 0..50 characters (v2 truncation varies the length)
                        byte[] f;
                        if (random.nextBoolean()) {
                            f = w.encodeV2(1, 1, 0, new byte[] {(byte) i, 0, 0, 0, 2, 3, 0x59, 3, 3}, null).raw();
                        } else {
                            byte[] text = new byte[54];
                            text[0] = 6;
                            for (int c = 1, n = random.nextInt(51); c <= n; c++) {
                                text[c] = (byte) ('a' + random.nextInt(26));
                            }
                            f = w.encodeV2(1, 1, 253, text, null).raw();
                        }
                        sent.writeBytes(f);
                        autopilot.send(new DatagramPacket(f, f.length, routerIn));
                    }
                    while (received.size() < sent.size()) {
                        byte[] d = receive(gcs);
                        assertThat(d.length).isLessThanOrEqualTo(TransportOptions.DEFAULT_UDP_PACK_BYTES);
                        received.writeBytes(d);
                        datagrams++;
                    }
                }
            }
            assertThat(received.toByteArray()).as("5,000 frames, unchanged, in order").isEqualTo(sent.toByteArray());
            assertThat(toGcs.stats().framesOut()).isEqualTo(5000);
            assertThat(datagrams).isEqualTo(out.datagramsSent()).isLessThanOrEqualTo(5000);
        }
    }
}
