package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigie.link.codec.DiscardReason;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.transport.InMemoryTransport;

class LinkPropertiesTest {

    private static final byte[] HEARTBEAT = new FrameWriter().encodeV2(1, 1, 0,
            new MessageCodec().encodePayload(TestPeer.arduCopter(4, true)), null).raw();

    @Provide
    Arbitrary<List<byte[]>> chunks() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> frame = Arbitraries.just(HEARTBEAT);
        Arbitrary<byte[]> cut = Arbitraries.integers().between(1, HEARTBEAT.length - 1)
                .map(n -> java.util.Arrays.copyOf(HEARTBEAT, n));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, noise), net.jqwik.api.Tuple.of(2, frame), net.jqwik.api.Tuple.of(1, cut))
                .list().ofMaxSize(40);
    }

    /** Whatever arrives, the link never throws, counts every byte, and its ParseError events add up to its stats. */
    @Property(tries = 150, seed = "3448685531554010645")
    void everyDiscardIsReportedAndCounted(@ForAll("chunks") List<byte[]> chunks) {
        ManualScheduler scheduler = new ManualScheduler();
        InMemoryTransport[] pair = InMemoryTransport.pair("link", "noise");
        pair[1].start((d, o, l) -> { });
        MavlinkLink link = MavlinkLink.create(LinkConfig.of(2).withHeartbeat(false), scheduler, scheduler.callbackExecutor(),
                pair[0]);
        List<LinkEvent> events = new ArrayList<>();
        link.subscribeEvents(events::add);
        List<org.vigie.link.codec.MavlinkFrame> heartbeats = new ArrayList<>();
        link.subscribeFrames(f -> {
            if (f.msgId() == 0) {
                heartbeats.add(f);
            }
        });
        long total = 0;
        for (byte[] c : chunks) {
            pair[1].send(c, 0, c.length);
            total += c.length;
            scheduler.advance(Duration.ofMillis(30));
        }
        scheduler.advance(Duration.ofSeconds(1));
        LinkStats stats = link.stats();
        assertThat(stats.bytesIn()).isEqualTo(total);
        Map<DiscardReason, Long> reported = new EnumMap<>(DiscardReason.class);
        for (LinkEvent e : events) {
            if (e instanceof LinkEvent.ParseError p) {
                reported.merge(p.reason(), p.byteCount(), Long::sum);
            }
        }
        for (DiscardReason r : DiscardReason.values()) {
            assertThat(reported.getOrDefault(r, 0L)).as("%s", r).isEqualTo(stats.parserDiscards().get(r));
        }
        // frames of unknown id can appear in noise (their CRC cannot be checked); heartbeats cannot
        assertThat(heartbeats).allMatch(f -> java.util.Arrays.equals(f.raw(), HEARTBEAT));
        if (!heartbeats.isEmpty()) {
            assertThat(link.vehicle()).get().extracting(v -> v.modeName()).isEqualTo("GUIDED");
        } else {
            assertThat(link.vehicle()).isEmpty();
        }
        link.close();
    }
}
