package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.minimal.MavType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.link.codec.DiscardReason;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;
import org.vigie.link.vehicle.AutopilotFlavour;
import org.vigie.link.vehicle.Vehicle;

/** Real ArduCopter traffic (testdata/captures, see its README) replayed into a link. */
class CaptureReplayTest {

    static Path captures() {
        Path p = Path.of("..", "testdata", "captures");
        return Files.isDirectory(p) ? p : Path.of("testdata", "captures");
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<LinkEvent> events = new ArrayList<>();
    private final List<Vehicle> snapshots = new ArrayList<>();

    private MavlinkLink link(InMemoryTransport end) {
        MavlinkLink link = MavlinkLink.create(LinkConfig.of(1).withHeartbeat(false), scheduler, scheduler.callbackExecutor(), end);
        link.subscribeEvents(events::add);
        link.subscribeVehicle(snapshots::add);
        return link;
    }

    /** Consecutive distinct (mode, armed) states, e.g. "STABILIZE disarmed". */
    private List<String> modeTimeline() {
        List<String> out = new ArrayList<>();
        for (Vehicle v : snapshots) {
            String s = v.modeName() + (v.armed() ? " armed" : " disarmed");
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s);
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "session1;STABILIZE disarmed,GUIDED disarmed,GUIDED armed,RTL armed,LAND armed,LAND disarmed",
        "session2;STABILIZE disarmed,GUIDED disarmed,GUIDED armed,RTL armed,LAND armed,LAND disarmed",
        "session3;STABILIZE disarmed,AUTO disarmed,GUIDED disarmed,GUIDED armed,AUTO armed,AUTO disarmed",
        "session4;STABILIZE disarmed,GUIDED disarmed,GUIDED armed,RTL armed,RTL disarmed"})
    void theRawByteStreamGivesTheVehicleAndItsModes(String session, String expectedTimeline) throws IOException {
        byte[] bytes = Files.readAllBytes(captures().resolve(session + "_from_sitl.raw"));
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sitl");
        pair[1].start((data, off, len) -> { });
        MavlinkLink link = link(pair[0]);
        for (int i = 0; i < bytes.length; i += 512) {
            pair[1].send(bytes, i, Math.min(512, bytes.length - i));
            scheduler.runPending();
        }
        scheduler.advance(Duration.ofSeconds(1));   // closes the last parse-error burst

        Vehicle first = snapshots.get(0);
        assertThat(first.sysId()).isEqualTo(1);
        assertThat(first.compId()).isEqualTo(1);
        assertThat(first.flavour()).isEqualTo(AutopilotFlavour.ARDUPILOT);
        assertThat(first.vehicleType()).isEqualTo(MavType.MAV_TYPE_QUADROTOR);
        assertThat(first.modeName()).isEqualTo("STABILIZE");
        assertThat(first.armed()).isFalse();
        assertThat(first.systemStatus()).isEqualTo(1);   // BOOT
        assertThat(modeTimeline()).containsExactly(expectedTimeline.split(","));

        LinkStats stats = link.stats();
        assertThat(stats.bytesIn()).isEqualTo(bytes.length);
        assertThat(stats.crcErrors()).isZero();
        long garbage = stats.parserDiscards().get(DiscardReason.GARBAGE);
        assertThat(garbage).isGreaterThanOrEqualTo(152);   // boot banner and console lines
        assertThat(events.stream().filter(e -> e instanceof LinkEvent.ParseError)
                .mapToLong(e -> ((LinkEvent.ParseError) e).byteCount()).sum()).isEqualTo(garbage);
        assertThat(stats.signatureRejectionsTotal()).isZero();
        assertThat(stats.peer(1, 1).lost()).isZero();   // a lossless TCP capture
        assertThat(events).noneMatch(e -> e instanceof LinkEvent.AutopilotRebooted);
        link.close();
    }

    @Test
    void autopilotVersionIsPickedUpWhenTheAutopilotSendsIt() throws IOException {
        byte[] bytes = Files.readAllBytes(captures().resolve("session1_from_sitl.raw"));
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sitl");
        pair[1].start((data, off, len) -> { });
        MavlinkLink link = link(pair[0]);
        pair[1].send(bytes, 0, bytes.length);
        scheduler.runPending();
        Vehicle last = link.vehicle().orElseThrow();
        assertThat(last.flightSwVersionText()).startsWith("4.7.0");
        assertThat(last.capabilities() & 0x2000).isNotZero();   // MAV_PROTOCOL_CAPABILITY_MAVLINK2
        link.close();
    }

    /** The tlog carries real timestamps: replayed in scheduler time the autopilot is never lost nor rebooted. */
    @Test
    void timedReplayOfTheTlogNeverLosesTheAutopilot() throws IOException {
        ByteBuffer tlog = ByteBuffer.wrap(Files.readAllBytes(captures().resolve("session1.tlog")));
        InMemoryTransport[] pair = InMemoryTransport.pair("companion", "sitl");
        pair[1].start((data, off, len) -> { });
        MavlinkLink link = link(pair[0]);
        long t0 = -1;
        int fromSitl = 0;
        while (tlog.remaining() > 8) {
            long us = tlog.getLong();
            int start = tlog.position();
            byte[] raw = tlog.array();
            int len = raw[start + 1] & 0xFF;
            int frameLen = (raw[start] & 0xFF) == 0xFD
                    ? 12 + len + ((raw[start + 2] & 1) != 0 ? 13 : 0) : 8 + len;
            int sysId = (raw[start] & 0xFF) == 0xFD ? raw[start + 5] & 0xFF : raw[start + 3] & 0xFF;
            if (t0 < 0) {
                t0 = us;
            }
            long due = (us - t0) * 1000L;
            if (due > scheduler.nanoTime()) {
                scheduler.advance(Duration.ofNanos(due - scheduler.nanoTime()));
            }
            if (sysId == 1) {
                pair[1].send(raw, start, frameLen);
                fromSitl++;
            }
            tlog.position(start + frameLen);
        }
        scheduler.runPending();
        assertThat(scheduler.nanoTime()).isGreaterThan(Duration.ofSeconds(100).toNanos());
        assertThat(fromSitl).isGreaterThan(1000);
        assertThat(events).noneMatch(e -> e instanceof LinkEvent.PeerLost);
        assertThat(events).noneMatch(e -> e instanceof LinkEvent.AutopilotRebooted);
        assertThat(events.stream().filter(e -> e instanceof LinkEvent.PeerSeen)).hasSize(1);
        assertThat(link.stats().framesIn()).isEqualTo(fromSitl);
        assertThat(link.vehicle().orElseThrow().modeName()).isEqualTo("LAND");
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(events).anyMatch(e -> e instanceof LinkEvent.PeerLost);
        link.close();
    }
}
