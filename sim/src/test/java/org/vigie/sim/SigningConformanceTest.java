package org.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandAck;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;

/**
 * Replays session5 (MAVLink 2 signing, two serial ports) against a simulator with two channels and compares the
 * acknowledgements and the signing of the vehicle's frames with what ArduCopter did.
 */
class SigningConformanceTest {

    record Tagged(int channel, Tlog.Record rec) {}

    @Test
    void signingLikeArduCopter() throws IOException {
        List<Tlog.Record> s0 = Tlog.read("session5_serial0");
        List<Tlog.Record> s1 = Tlog.read("session5");
        long firstHb = s0.stream().filter(r -> r.frame().sysId() == 1 && r.frame().msgId() == 0).findFirst()
                .orElseThrow().timeUs();
        long t0 = firstHb - 930_000L;
        List<Tagged> all = new ArrayList<>();
        s0.forEach(r -> all.add(new Tagged(0, r)));
        s1.forEach(r -> all.add(new Tagged(1, r)));
        all.sort(Comparator.comparingLong(t -> t.rec().timeUs()));

        ManualScheduler s = new ManualScheduler();
        InMemoryTransport[] p0 = InMemoryTransport.pair("gcs0", "sim0");
        InMemoryTransport[] p1 = InMemoryTransport.pair("gcs1", "sim1");
        SimVehicle sim = new SimVehicle(SimConfig.builder().build(), s, p0[1], p1[1]);
        TestGcs g0 = new TestGcs(s, p0[0], 255, 190);
        TestGcs g1 = new TestGcs(s, p1[0], 255, 190);
        sim.start();
        List<List<Object>> real = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<MavlinkFrame>> realFrames = List.of(new ArrayList<>(), new ArrayList<>());
        long lastUs = 0;
        for (Tagged t : all) {
            MavlinkFrame f = t.rec().frame();
            long rel = t.rec().timeUs() - t0;
            lastUs = Math.max(lastUs, rel);
            if (f.sysId() == 1) {
                realFrames.get(t.channel()).add(f);
                TestGcs.CODEC.decode(f).ifPresent(real.get(t.channel())::add);
            } else {
                long target = rel * 1000L;
                if (target > s.nanoTime()) {
                    s.advance(Duration.ofNanos(target - s.nanoTime()));
                }
                (t.channel() == 0 ? g0 : g1).sendRaw(f.raw());
            }
        }
        s.advance(Duration.ofNanos(lastUs * 1000L + 2_000_000_000L - s.nanoTime()));
        TestGcs[] gcs = {g0, g1};
        for (int ch = 0; ch < 2; ch++) {
            List<Object> simMsgs = new ArrayList<>();
            List<MavlinkFrame> simFrames = new ArrayList<>();
            for (TestGcs.Rx rx : gcs[ch].received) {
                simFrames.add(rx.frame());
                if (rx.message() != null) {
                    simMsgs.add(rx.message());
                }
            }
            assertThat(CaptureConformanceTest.project(simMsgs, CommandAck.class,
                    a -> a.command().value() + "=" + a.result().value())).as("COMMAND_ACKs on channel " + ch)
                    .isEqualTo(CaptureConformanceTest.project(real.get(ch), CommandAck.class,
                            a -> a.command().value() + "=" + a.result().value()));
            assertThat(signingPhases(simFrames)).as("signing phases on channel " + ch)
                    .isEqualTo(signingPhases(realFrames.get(ch)));
            for (MavlinkFrame f : simFrames) {
                if (f.signed()) {
                    assertThat(f.signatureLinkId()).isEqualTo(ch);
                }
            }
        }
        // the first signed frame carries initial_timestamp + 60 s, as ArduCopter's did
        long firstSim = g1.received.stream().map(TestGcs.Rx::frame).filter(MavlinkFrame::signed).findFirst()
                .orElseThrow().signatureTimestamp();
        assertThat(firstSim).isEqualTo(37583485035308L + 6_000_000L);
        assertThat(sim.signingOn()).isFalse();
    }

    /** Unsigned / signed / unsigned ... runs of the vehicle's frames. */
    static List<String> signingPhases(List<MavlinkFrame> frames) {
        List<String> out = new ArrayList<>();
        for (MavlinkFrame f : frames) {
            String p = f.signed() ? "signed" : "unsigned";
            if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
