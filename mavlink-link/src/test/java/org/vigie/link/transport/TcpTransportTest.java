package org.vigie.link.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final TransportOptions FAST = TransportOptions.defaults()
            .withReconnect(Duration.ofMillis(5), Duration.ofMillis(40));

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void awaitClients(TcpServerTransport server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.clientCount() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " clients, have " + server.clientCount());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void serverTalksToSeveralClientsAndDropsDeadOnes() throws Exception {
        try (TcpServerTransport server = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0), FAST)) {
            Recorder srv = new Recorder();
            server.start(srv);
            srv.awaitState(TransportState.CONNECTED, WAIT);
            String url = "tcpout://127.0.0.1:" + server.localAddress().getPort();
            Transport a = Transports.open(url, FAST);
            Transport c = Transports.open(url, FAST);
            Recorder ra = new Recorder();
            Recorder rc = new Recorder();
            a.start(ra);
            c.start(rc);
            ra.awaitState(TransportState.CONNECTED, WAIT);
            rc.awaitState(TransportState.CONNECTED, WAIT);
            awaitClients(server, 2);

            assertThat(a.send(b("AAAA"), 0, 4)).isTrue();
            srv.awaitBytes(4, WAIT);
            assertThat(c.send(b("CCCC"), 0, 4)).isTrue();
            assertThat(new String(srv.awaitBytes(8, WAIT), StandardCharsets.US_ASCII)).isEqualTo("AAAACCCC");

            assertThat(server.send(b("to-all"), 0, 6)).isTrue();
            assertThat(ra.awaitBytes(6, WAIT)).isEqualTo(b("to-all"));
            assertThat(rc.awaitBytes(6, WAIT)).isEqualTo(b("to-all"));

            a.close();
            awaitClients(server, 1);
            assertThat(server.send(b("only-c"), 0, 6)).isTrue();
            assertThat(rc.awaitBytes(12, WAIT)).isEqualTo(b("to-allonly-c"));
            c.close();
            awaitClients(server, 0);
            assertThat(server.isConnected()).isFalse();
        }
    }

    @Test
    void framesWrittenGoOutTogetherAtTheFlushBothWays() throws Exception {
        try (TcpServerTransport server = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0), FAST)) {
            Recorder srv = new Recorder();
            server.start(srv);
            srv.awaitState(TransportState.CONNECTED, WAIT);
            try (Transport client = Transports.open("tcpout://127.0.0.1:" + server.localAddress().getPort(), FAST)) {
                Recorder rc = new Recorder();
                client.start(rc);
                rc.awaitState(TransportState.CONNECTED, WAIT);
                awaitClients(server, 1);

                assertThat(server.write(b("one-"), 0, 4)).isTrue();
                assertThat(server.write(b("two"), 0, 3)).isTrue();
                assertThatThrownBy(() -> rc.awaitBytes(1, Duration.ofMillis(100)))
                        .as("queued, not written before the flush").isInstanceOf(AssertionError.class);
                server.flush();
                assertThat(rc.awaitBytes(7, WAIT)).isEqualTo(b("one-two"));

                assertThat(client.write(b("up-"), 0, 3)).isTrue();
                assertThat(client.write(b("stream"), 0, 6)).isTrue();
                assertThat(client.send(b("!"), 0, 1)).as("a send writes what was queued first").isTrue();
                assertThat(srv.awaitBytes(10, WAIT)).isEqualTo(b("up-stream!"));
            }
        }
    }

    @Test
    void clientReconnectsAfterTheServerRestarts() throws Exception {
        TcpServerTransport server = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0), FAST);
        int port = server.localAddress().getPort();
        Recorder srv = new Recorder();
        server.start(srv);
        try (TcpClientTransport client = new TcpClientTransport(new InetSocketAddress("127.0.0.1", port), FAST)) {
            Recorder rc = new Recorder();
            client.start(rc);
            rc.awaitState(TransportState.CONNECTED, WAIT);
            client.send(b("one"), 0, 3);
            srv.awaitBytes(3, WAIT);

            server.close();
            rc.awaitState(TransportState.RECONNECTING, WAIT);
            assertThat(client.send(b("lost"), 0, 4)).isFalse();
            assertThat(client.droppedBytes()).isGreaterThanOrEqualTo(4);

            try (TcpServerTransport again = new TcpServerTransport(new InetSocketAddress("127.0.0.1", port), FAST)) {
                Recorder srv2 = new Recorder();
                again.start(srv2);
                rc.awaitState(TransportState.CONNECTED, WAIT);
                assertThat(client.connectionCount()).isEqualTo(2);
                assertThat(client.send(b("two"), 0, 3)).isTrue();
                assertThat(srv2.awaitBytes(3, WAIT)).isEqualTo(b("two"));
                awaitClients(again, 1);
                again.send(b("back"), 0, 4);
                assertThat(rc.awaitBytes(4, WAIT)).isEqualTo(b("back"));
            }
        }
    }

    @Test
    void clientRetriesUntilAServerAppears() throws Exception {
        int port;
        try (TcpServerTransport probe = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0), FAST)) {
            port = probe.localAddress().getPort();
        }
        try (TcpClientTransport client = new TcpClientTransport(new InetSocketAddress("127.0.0.1", port), FAST)) {
            Recorder rc = new Recorder();
            client.start(rc);
            rc.awaitState(TransportState.RECONNECTING, WAIT);
            assertThat(client.isConnected()).isFalse();
            try (TcpServerTransport server = new TcpServerTransport(new InetSocketAddress("127.0.0.1", port), FAST)) {
                server.start(new Recorder());
                rc.awaitState(TransportState.CONNECTED, WAIT);
                assertThat(client.isConnected()).isTrue();
            }
        }
    }

    @Test
    void startTwiceIsRefused() throws Exception {
        try (TcpServerTransport server = new TcpServerTransport(new InetSocketAddress("127.0.0.1", 0), FAST)) {
            server.start(new Recorder());
            assertThatThrownBy(() -> server.start(new Recorder())).isInstanceOf(IllegalStateException.class);
        }
    }
}
