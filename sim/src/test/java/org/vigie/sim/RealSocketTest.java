package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.time.RealtimeScheduler;
import org.vigie.link.transport.TcpServerTransport;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.Transports;

/** The simulator on a real TCP socket and a realtime scheduler (ten times faster than real time). */
class RealSocketTest {

    @Test
    void heartbeatsReachATcpClient() throws Exception {
        TcpServerTransport server = (TcpServerTransport) Transports.open("tcpin://127.0.0.1:0");
        try (RealtimeScheduler scheduler = new RealtimeScheduler("sim-test", 10, Clock.systemUTC());
             SimVehicle sim = new SimVehicle(SimConfig.builder().fastBoot().build(), scheduler, server)) {
            sim.start();
            int port = server.localAddress().getPort();
            CountDownLatch heartbeats = new CountDownLatch(3);
            AtomicInteger sysId = new AtomicInteger();
            FrameParser parser = new FrameParser(new FrameParser.Listener() {
                @Override
                public void onFrame(FrameView f) {
                    if (f.msgId() == 0) {
                        sysId.set(f.sysId());
                        heartbeats.countDown();
                    }
                }
            });
            Transport client = Transports.open("tcpout://127.0.0.1:" + port);
            try {
                client.start(new TransportListener() {
                    @Override
                    public void onBytes(byte[] data, int offset, int length) {
                        synchronized (parser) {
                            parser.feed(data, offset, length);
                        }
                    }
                });
                // three heartbeats are three simulated seconds: 0.3 s of wall time at 10x
                assertThat(heartbeats.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(sysId.get()).isEqualTo(1);
            } finally {
                client.close();
            }
        }
    }
}
