package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkCrc;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;

/**
 * A frame of unknown id at the end of a UDP datagram must be delivered with that datagram, not held back until the
 * next one arrives (the parser can only tell where an unknown frame ends when it sees what follows it).
 */
class DatagramFlushTest {

    /** A transport whose reads are whole datagrams, driven by the test. */
    private static final class FakeDatagramTransport implements Transport {
        final boolean datagrams;
        TransportListener listener;

        FakeDatagramTransport(boolean datagrams) {
            this.datagrams = datagrams;
        }

        @Override
        public String description() {
            return "fake-udp";
        }

        @Override
        public void start(TransportListener l) {
            listener = l;
        }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            return true;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public boolean datagrams() {
            return datagrams;
        }

        @Override
        public void close() {}
    }

    private static byte[] datagramEndingWithUnknownFrame() {
        byte[] hb = new FrameWriter().encodeV2(1, 1, 0, new MessageCodec().encodePayload(Heartbeat.builder()
                .type(MavType.MAV_TYPE_QUADROTOR).autopilot(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA)
                .mavlinkVersion(3).build()), null).raw();
        // MAVLink 2 frame of id 60000 (not in the dialect: CRC cannot be checked), 3-byte payload
        byte[] unknown = {(byte) 0xFD, 3, 0, 0, 7, 1, 1, (byte) 0x60, (byte) 0xEA, 0, 1, 2, 3, 0, 0};
        int crc = MavlinkCrc.accumulate(MavlinkCrc.INIT, unknown, 1, 12);
        unknown[13] = (byte) crc;
        unknown[14] = (byte) (crc >>> 8);
        byte[] datagram = new byte[hb.length + unknown.length];
        System.arraycopy(hb, 0, datagram, 0, hb.length);
        System.arraycopy(unknown, 0, datagram, hb.length, unknown.length);
        return datagram;
    }

    private static List<Integer> receivedIds(boolean datagrams) {
        ManualScheduler scheduler = new ManualScheduler();
        FakeDatagramTransport transport = new FakeDatagramTransport(datagrams);
        List<Integer> ids = new ArrayList<>();
        try (MavlinkLink link = MavlinkLink.create(LinkConfig.of(200).withHeartbeat(false), scheduler, scheduler.callbackExecutor(),
                transport)) {
            link.subscribeFrames((MavlinkFrame f) -> ids.add(f.msgId()));
            byte[] d = datagramEndingWithUnknownFrame();
            transport.listener.onBytes(d, 0, d.length);
            scheduler.runPending();
        }
        return ids;
    }

    @Test
    void aDatagramTransportDeliversATrailingUnknownFrameAtOnce() {
        assertThat(receivedIds(true)).containsExactly(0, 60000);
    }

    @Test
    void aStreamTransportWaitsForTheNextByteBeforeJudgingAnUnknownFrame() {
        assertThat(receivedIds(false)).containsExactly(0);
    }
}
