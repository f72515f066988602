package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.ParamSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;

class WriteQueueTest {

    private final MessageCodec codec = new MessageCodec();
    private final FrameWriter writer = new FrameWriter();

    private MavlinkFrame frame(Object message) {
        return writer.encodeV2(1, 191, MessageCodec.messageId(message), codec.encodePayload(message), null);
    }

    private static Attitude attitude(int n) {
        return Attitude.builder().timeBootMs(n).build();
    }

    private static CommandLong command(int n) {
        return CommandLong.builder().targetSystem(1).command(MavCmd.MAV_CMD_DO_SET_MODE).param1(n).build();
    }

    @Test
    void onlyTelemetryIsDroppable() {
        assertThat(WritePolicy.droppable(0)).isTrue();      // HEARTBEAT
        assertThat(WritePolicy.droppable(30)).isTrue();     // ATTITUDE
        assertThat(WritePolicy.droppable(33)).isTrue();     // GLOBAL_POSITION_INT
        assertThat(WritePolicy.droppable(76)).isFalse();    // COMMAND_LONG
        assertThat(WritePolicy.droppable(75)).isFalse();    // COMMAND_INT
        assertThat(WritePolicy.droppable(77)).isFalse();    // COMMAND_ACK
        assertThat(WritePolicy.droppable(73)).isFalse();    // MISSION_ITEM_INT
        assertThat(WritePolicy.droppable(44)).isFalse();    // MISSION_COUNT
        assertThat(WritePolicy.droppable(23)).isFalse();    // PARAM_SET
        assertThat(WritePolicy.droppable(22)).isFalse();    // PARAM_VALUE
        assertThat(WritePolicy.droppable(253)).isFalse();   // STATUSTEXT
        assertThat(WritePolicy.droppable(86)).isFalse();    // SET_POSITION_TARGET_GLOBAL_INT
        assertThat(WritePolicy.droppable(256)).isFalse();   // SETUP_SIGNING
    }

    @Test
    void aFullQueueDropsTheOldestTelemetryAndNeverACommand() {
        WriteQueue q = new WriteQueue(3);
        assertThat(q.offer(frame(attitude(1)))).isZero();
        assertThat(q.offer(frame(command(1)))).isZero();
        assertThat(q.offer(frame(attitude(2)))).isZero();
        assertThat(q.offer(frame(command(2)))).isEqualTo(1);   // attitude 1 makes room
        assertThat(q.offer(frame(command(3)))).isEqualTo(1);   // attitude 2 makes room
        assertThat(q.offer(frame(attitude(3)))).isEqualTo(1);  // nothing droppable queued: the new one is dropped
        assertThat(q.offer(frame(ParamSet.builder().paramId("RTL_ALT").paramValue(3000).build()))).isZero();
        assertThat(q.offer(frame(MissionItemInt.builder().seq(1).build()))).isZero();
        assertThat(q.size()).isEqualTo(5);                     // past capacity: never drop non-droppable
        assertThat(q.dropped()).isEqualTo(3);
        List<Integer> ids = new ArrayList<>();
        MavlinkFrame f;
        while ((f = q.poll()) != null) {
            ids.add(f.msgId());
        }
        assertThat(ids).containsExactly(76, 76, 76, 23, 73);
    }

    /** A transport whose first send blocks until released, as a stalled TCP peer or a slow serial line would. */
    private static final class StalledTransport implements Transport {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<MavlinkFrame> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        final MessageCodec codec = new MessageCodec();

        @Override
        public String description() {
            return "stalled://test";
        }

        @Override
        public void start(TransportListener listener) { }

        @Override
        public boolean send(byte[] data, int offset, int length) {
            entered.countDown();
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            byte[] raw = java.util.Arrays.copyOfRange(data, offset, offset + length);
            new org.vigie.link.codec.FrameParser(new org.vigie.link.codec.FrameParser.Listener() {
                @Override
                public void onFrame(org.vigie.link.codec.FrameView v) {
                    sent.add(v.toFrame());
                }
            }).feed(raw);
            return true;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void close() { }
    }

    @Test
    void aStalledTransportLosesOnlyTelemetryAndTheEventThreadNeverBlocks() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        StalledTransport stalled = new StalledTransport();
        MavlinkLink link = MavlinkLink.create(LinkConfig.of(1).withHeartbeat(false).withWriteQueueCapacity(4)
                .withWriteMode(LinkConfig.WriteMode.WRITER_THREAD), scheduler, scheduler.callbackExecutor(), stalled);
        try {
            link.send(command(0));
            assertThat(stalled.entered.await(5, TimeUnit.SECONDS)).isTrue();   // writer thread stuck in send
            for (int i = 1; i <= 10; i++) {
                link.send(attitude(i));
            }
            for (int i = 1; i <= 3; i++) {
                link.send(command(i));
            }
            link.send(attitude(11));
            link.send(command(4));
            link.send(attitude(12));
            link.send(command(5));
            assertThat(link.stats().droppedWrites()).isEqualTo(12);
            stalled.release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (stalled.sent.size() < 6 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            List<String> got = new ArrayList<>();
            for (MavlinkFrame f : stalled.sent) {
                got.add(f.msgId() == 76 ? "C" + (int) codec.decode(f, CommandLong.class).orElseThrow().param1()
                        : "A" + codec.decode(f, Attitude.class).orElseThrow().timeBootMs());
            }
            assertThat(got).containsExactly("C0", "C1", "C2", "C3", "C4", "C5");
            assertThat(link.stats().framesOut()).isEqualTo(6);
        } finally {
            link.close();
        }
    }
}
