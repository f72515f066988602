package org.vigie.link.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * UDP frame packing ({@link Transport#write} / {@link Transport#flush}) and burst reads
 * ({@link TransportListener#onBurstEnd()}) on real loopback sockets. Datagrams are queued before a reader starts, so
 * that what one burst holds does not depend on timing.
 */
class UdpPackingTest {

    private static final int WAIT_MS = LoopbackDatagrams.WAIT_MS;

    private static DatagramSocket receiver() throws Exception {
        return LoopbackDatagrams.socket();
    }

    private static byte[] receive(DatagramSocket s) throws Exception {
        return LoopbackDatagrams.receive(s);
    }

    /** Asserts nothing more arrives within a short wait (the socket timeout is lowered for it). */
    private static void assertNothingMore(DatagramSocket s) throws Exception {
        s.setSoTimeout(200);
        assertThatThrownBy(() -> receive(s)).isInstanceOf(SocketTimeoutException.class);
        s.setSoTimeout(WAIT_MS);
    }

    private static byte[] frame(int tag, int length) {
        byte[] f = new byte[length];
        Arrays.fill(f, (byte) tag);
        return f;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static UdpOutTransport udpOut(DatagramSocket to, TransportOptions options) throws Exception {
        return new UdpOutTransport(new InetSocketAddress("127.0.0.1", to.getLocalPort()), options);
    }

    @Test
    void framesWrittenThenFlushedLeaveAsOneDatagramInOrder() throws Exception {
        try (DatagramSocket gcs = receiver(); UdpOutTransport t = udpOut(gcs, TransportOptions.defaults())) {
            byte[] a = frame(1, 40);
            byte[] b = frame(2, 33);
            byte[] c = frame(3, 280);
            assertThat(t.write(a, 0, a.length)).isTrue();
            assertThat(t.write(b, 0, b.length)).isTrue();
            assertThat(t.write(c, 0, c.length)).isTrue();
            assertNothingMore(gcs);
            t.flush();
            assertThat(receive(gcs)).isEqualTo(concat(a, b, c));
            assertThat(t.datagramsSent()).isEqualTo(1);
            assertThat(t.writesDropped()).isZero();
            t.flush();
            assertNothingMore(gcs);
        }
    }

    @Test
    void aDatagramNeverExceedsThePackLimitAndNeverSplitsAFrame() throws Exception {
        TransportOptions opts = TransportOptions.defaults().withUdpPacking(100, Duration.ofNanos(100_000));
        try (DatagramSocket gcs = receiver(); UdpOutTransport t = udpOut(gcs, opts)) {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                frames.add(frame(10 + i, 40));
            }
            byte[] big = frame(99, 150);
            for (byte[] f : frames) {
                t.write(f, 0, f.length);
            }
            t.write(big, 0, big.length);
            t.flush();
            assertThat(receive(gcs)).isEqualTo(concat(frames.get(0), frames.get(1)));
            assertThat(receive(gcs)).isEqualTo(concat(frames.get(2), frames.get(3)));
            assertThat(receive(gcs)).isEqualTo(frames.get(4));
            assertThat(receive(gcs)).as("a frame longer than the limit goes alone, whole").isEqualTo(big);
            assertNothingMore(gcs);
        }
    }

    @Test
    void framesWrittenThenDroppedByACloseAreCounted() throws Exception {
        try (DatagramSocket gcs = receiver(); UdpOutTransport t = udpOut(gcs, TransportOptions.defaults())) {
            byte[] a = frame(1, 40);
            t.write(a, 0, a.length);
            t.write(a, 0, a.length);
            t.close();
            t.flush();
            assertThat(t.writesDropped()).isEqualTo(2);
            assertThat(t.write(a, 0, a.length)).as("closed").isFalse();
            assertNothingMore(gcs);
        }
    }

    @Test
    void aSendAfterWritesGoesAfterThem() throws Exception {
        try (DatagramSocket gcs = receiver(); UdpOutTransport t = udpOut(gcs, TransportOptions.defaults())) {
            byte[] a = frame(1, 20);
            byte[] b = frame(2, 30);
            t.write(a, 0, a.length);
            assertThat(t.send(b, 0, b.length)).isTrue();
            assertThat(receive(gcs)).isEqualTo(a);
            assertThat(receive(gcs)).isEqualTo(b);
        }
    }

    @Test
    void withPackingOffEveryWriteIsItsOwnDatagramAtOnce() throws Exception {
        TransportOptions opts = TransportOptions.defaults().withUdpPacking(0, Duration.ZERO);
        try (DatagramSocket gcs = receiver(); UdpOutTransport t = udpOut(gcs, opts)) {
            byte[] a = frame(1, 20);
            byte[] b = frame(2, 30);
            t.write(a, 0, a.length);
            t.write(b, 0, b.length);
            assertThat(receive(gcs)).isEqualTo(a);
            assertThat(receive(gcs)).isEqualTo(b);
        }
    }

    @Test
    void udpInRefusesAWriteWhileNoPeerIsKnownAndPacksForEveryPeer() throws Exception {
        try (UdpInTransport server = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0),
                TransportOptions.defaults()); DatagramSocket p1 = receiver(); DatagramSocket p2 = receiver()) {
            byte[] a = frame(1, 20);
            byte[] b = frame(2, 25);
            assertThat(server.write(a, 0, a.length)).as("no peer yet").isFalse();
            Recorder rec = new Recorder();
            server.start(rec);
            InetSocketAddress srv = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.localAddress().getPort());
            p1.send(new DatagramPacket(new byte[] {7}, 1, srv));
            p2.send(new DatagramPacket(new byte[] {8}, 1, srv));
            rec.awaitBytes(2, Duration.ofMillis(WAIT_MS));
            assertThat(server.write(a, 0, a.length)).isTrue();
            assertThat(server.write(b, 0, b.length)).isTrue();
            server.flush();
            assertThat(receive(p1)).isEqualTo(concat(a, b));
            assertThat(receive(p2)).isEqualTo(concat(a, b));
        }
    }

    /** Records datagrams and burst ends in order. */
    private static final class BurstRecorder implements TransportListener {
        final List<String> events = new ArrayList<>();
        final int expected;
        final CountDownLatch lastBurstEnded = new CountDownLatch(1);
        int datagrams;

        BurstRecorder(int expected) {
            this.expected = expected;
        }

        @Override
        public synchronized void onBytes(byte[] data, int offset, int length) {
            events.add("d" + length);
            datagrams++;
        }

        @Override
        public synchronized void onBurstEnd() {
            events.add("end");
            if (datagrams == expected) {
                lastBurstEnded.countDown();
            }
        }

        synchronized List<String> events() {
            return new ArrayList<>(events);
        }
    }

    private static List<String> readQueued(TransportOptions opts, int count) throws Exception {
        try (UdpInTransport server = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), opts);
                DatagramSocket peer = receiver()) {
            InetSocketAddress srv = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.localAddress().getPort());
            for (int i = 1; i <= count; i++) {
                peer.send(new DatagramPacket(new byte[i], i, srv));
            }
            BurstRecorder rec = new BurstRecorder(count);
            server.start(rec);
            assertThat(rec.lastBurstEnded.await(WAIT_MS, TimeUnit.MILLISECONDS))
                    .as("every datagram delivered, then a burst end: %s", rec.events()).isTrue();
            return rec.events();
        }
    }

    @Test
    void datagramsWaitingAreReadInOneBurstEachWhole() throws Exception {
        List<String> events = readQueued(TransportOptions.defaults(), 10);
        assertThat(events).containsExactly("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "end");
    }

    @Test
    void aBurstHoldsAtMost64Datagrams() throws Exception {
        List<String> events = readQueued(TransportOptions.defaults(), 70);
        assertThat(events.indexOf("end")).isEqualTo(64);
        assertThat(events).hasSize(72).endsWith("d70", "end");
    }

    @Test
    void withoutCoalescingEachDatagramIsItsOwnBurst() throws Exception {
        List<String> events = readQueued(TransportOptions.defaults().withUdpPacking(1200, Duration.ZERO), 3);
        assertThat(events).containsExactly("d1", "end", "d2", "end", "d3", "end");
    }

    @Test
    void readCoalescingStartsOnlyWhenDatagramsQueueUpUnderLoad() {
        assertThat(AbstractUdpTransport.underLoad(25, 250_000)).as("a flood").isTrue();
        assertThat(AbstractUdpTransport.underLoad(2, 999_999)).isTrue();
        assertThat(AbstractUdpTransport.underLoad(1, 50_000)).as("request and answer, one at a time").isFalse();
        assertThat(AbstractUdpTransport.underLoad(3, 1_000_000)).as("a few frames now and then").isFalse();
        assertThat(AbstractUdpTransport.underLoad(64, 20_000_000)).as("the first burst after a pause").isFalse();
    }

    @Test
    void aBusyPortIsRefusedWithTheTransportNamed() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            assertThatThrownBy(() -> new UdpInTransport(new InetSocketAddress("127.0.0.1", taken.getLocalPort()),
                    TransportOptions.defaults()))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith("cannot open udpin://127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void packingAndCoalescingOptionsAreValidated() {
        TransportOptions d = TransportOptions.defaults();
        assertThat(d.udpPackBytes()).isEqualTo(1200);
        assertThat(d.udpReadCoalescing()).isEqualTo(Duration.ofNanos(100_000));
        assertThatThrownBy(() -> d.withUdpPacking(63, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udpPackBytes")
                .hasMessageContaining("63");
        assertThatThrownBy(() -> d.withUdpPacking(65_508, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65508");
        assertThatThrownBy(() -> d.withUdpPacking(-1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withUdpPacking(1200, Duration.ofMillis(11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udpReadCoalescing");
        assertThatThrownBy(() -> d.withUdpPacking(1200, Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(d.withUdpPacking(0, Duration.ZERO).udpPackBytes()).isZero();
        assertThat(d.udpReceiveBufferBytes()).isEqualTo(4 << 20);
        assertThat(d.withUdpReceiveBuffer(0).udpReceiveBufferBytes()).isZero();
        assertThatThrownBy(() -> d.withUdpReceiveBuffer(1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udpReceiveBufferBytes")
                .hasMessageContaining("1000");
        assertThatThrownBy(() -> d.withUdpReceiveBuffer((1 << 28) + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(d.withUdpPacking(65_507, Duration.ofMillis(10)).udpPackBytes()).isEqualTo(65_507);
    }
}
