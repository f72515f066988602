package org.vigie.link.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UdpTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void udpInLearnsSeveralPeersAndRepliesToAll() throws Exception {
        try (UdpInTransport server = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0),
                TransportOptions.defaults())) {
            Recorder srv = new Recorder();
            server.start(srv);
            srv.awaitState(TransportState.CONNECTED, WAIT);
            assertThat(server.isConnected()).isFalse();
            assertThat(server.send(b("nobody"), 0, 6)).as("no peer known yet").isFalse();

            String url = "udpout://127.0.0.1:" + server.localAddress().getPort();
            try (Transport a = Transports.open(url); Transport c = Transports.open(url)) {
                Recorder ra = new Recorder();
                Recorder rc = new Recorder();
                a.start(ra);
                c.start(rc);
                assertThat(a.send(b("from-a"), 0, 6)).isTrue();
                srv.awaitBytes(6, WAIT);
                assertThat(c.send(b("xfrom-c"), 1, 6)).isTrue();
                assertThat(new String(srv.awaitBytes(12, WAIT), StandardCharsets.US_ASCII))
                        .isEqualTo("from-afrom-c");
                assertThat(server.livePeers()).hasSize(2);
                assertThat(server.isConnected()).isTrue();

                assertThat(server.send(b("hello all"), 0, 9)).isTrue();
                assertThat(ra.awaitBytes(9, WAIT)).isEqualTo(b("hello all"));
                assertThat(rc.awaitBytes(9, WAIT)).isEqualTo(b("hello all"));
            }
        }
    }

    @Test
    void peersExpireAfterTheTimeout() throws Exception {
        TransportOptions opts = TransportOptions.defaults().withUdpPeerTimeout(Duration.ofMillis(1));
        try (UdpInTransport server = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), opts);
                UdpOutTransport client = new UdpOutTransport(
                        new InetSocketAddress("127.0.0.1", server.localAddress().getPort()))) {
            Recorder srv = new Recorder();
            server.start(srv);
            client.start(new Recorder());
            client.send(b("x"), 0, 1);
            srv.awaitBytes(1, WAIT);
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000L) {
                Thread.onSpinWait();
            }
            assertThat(server.isConnected()).isFalse();
            assertThat(server.send(b("late"), 0, 4)).isFalse();
        }
    }

    @Test
    void closeIsIdempotentAndReportsClosedOnce() throws Exception {
        UdpInTransport t = new UdpInTransport(new InetSocketAddress("127.0.0.1", 0), TransportOptions.defaults());
        Recorder r = new Recorder();
        t.start(r);
        r.awaitState(TransportState.CONNECTED, WAIT);
        t.close();
        t.close();
        assertThat(r.states).containsExactly(TransportState.CLOSED);
        assertThat(t.send(b("x"), 0, 1)).isFalse();
        assertThat(t.isConnected()).isFalse();
    }
}
