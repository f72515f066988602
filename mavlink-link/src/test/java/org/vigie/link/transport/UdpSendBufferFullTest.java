package org.vigie.link.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A full socket send buffer (a non-blocking channel that takes nothing) is waited on, as a blocking socket would,
 * and only then counted as a lost datagram. The OS cannot be made to fill a loopback send buffer on demand, so the
 * channel is a stand-in that refuses a given number of sends.
 */
class UdpSendBufferFullTest {

    /** A datagram channel whose send takes nothing for the first {@code refusals} calls (-1: always). */
    private static final class FullChannel extends DatagramChannel {
        final AtomicInteger calls = new AtomicInteger();
        final int refusals;

        FullChannel(int refusals) {
            super(SelectorProvider.provider());
            this.refusals = refusals;
        }

        @Override
        public int send(ByteBuffer src, SocketAddress target) {
            int n = calls.incrementAndGet();
            if (refusals < 0 || n <= refusals) {
                return 0;
            }
            int r = src.remaining();
            src.position(src.limit());
            return r;
        }

        @Override
        public DatagramChannel bind(SocketAddress local) {
            return this;
        }

        @Override
        public <T> DatagramChannel setOption(SocketOption<T> name, T value) {
            return this;
        }

        @Override
        public <T> T getOption(SocketOption<T> name) {
            return null;
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return Set.of();
        }

        @Override
        public java.net.DatagramSocket socket() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public DatagramChannel connect(SocketAddress remote) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatagramChannel disconnect() {
            return this;
        }

        @Override
        public SocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public SocketAddress receive(ByteBuffer dst) {
            return null;
        }

        @Override
        public int read(ByteBuffer dst) {
            return 0;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            return 0;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public MembershipKey join(java.net.InetAddress group, java.net.NetworkInterface interf) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MembershipKey join(java.net.InetAddress group, java.net.NetworkInterface interf,
                java.net.InetAddress source) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseSelectableChannel() {
        }

        @Override
        protected void implConfigureBlocking(boolean block) {
        }
    }

    private static AbstractUdpTransport transport(FullChannel ch) throws Exception {
        SocketAddress to = new InetSocketAddress("127.0.0.1", 9);
        TransportOptions opts = TransportOptions.defaults().withUdpPacking(1200, Duration.ZERO);
        return new AbstractUdpTransport("udpout://fake", ch, opts) {
            @Override
            String connectedDetail() {
                return "fake";
            }


            @Override
            boolean sendCopied(int length) {
                return sendCopy(to, length);
            }

            @Override
            public boolean isConnected() {
                return true;
            }
        };
    }

    @Test
    void aBrieflyFullSendBufferIsWaitedOnNotDropped() throws Exception {
        FullChannel ch = new FullChannel(3);
        try (AbstractUdpTransport t = transport(ch)) {
            assertThat(t.send(new byte[] {1, 2, 3}, 0, 3)).isTrue();
            assertThat(ch.calls.get()).isEqualTo(4);
            assertThat(t.datagramsSent()).isEqualTo(1);
            assertThat(t.sendErrors()).isZero();
        }
    }

    @Test
    void aSendBufferThatStaysFullLosesTheDatagramCountedAfterTheWait() throws Exception {
        FullChannel ch = new FullChannel(-1);
        try (AbstractUdpTransport t = transport(ch)) {
            long start = System.nanoTime();
            byte[] f = {1, 2, 3};
            assertThat(t.write(f, 0, 3)).isTrue();
            assertThat(t.write(f, 0, 3)).isTrue();
            t.flush();
            long waitedNanos = System.nanoTime() - start;
            assertThat(waitedNanos).isGreaterThanOrEqualTo(AbstractUdpTransport.SEND_ROOM_WAIT_NANOS);
            assertThat(t.sendErrors()).isEqualTo(1);
            assertThat(t.writesDropped()).isEqualTo(2);
            assertThat(t.datagramsSent()).isZero();
            assertThat(ch.calls.get()).isGreaterThan(1);
        }
    }
}
