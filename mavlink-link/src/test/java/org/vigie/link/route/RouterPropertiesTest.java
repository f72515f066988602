package org.vigie.link.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageTable;

/**
 * Random traffic between random endpoints against a reference model of the MAVLink routing rules: where each frame
 * goes, that it is unchanged, never echoed, and that every frame in is accounted for.
 */
class RouterPropertiesTest {

    static final MessageTable TABLE = MessageTable.ardupilotmega();

    /** One frame sent from an endpoint. */
    record Send(int from, int msgId, int sys, int comp, int targetSys, int targetComp) {}

    @Provide
    Arbitrary<List<Send>> traffic() {
        Arbitrary<Integer> ids = Arbitraries.of(1, 2, 255);
        Arbitrary<Send> send = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(0, 76, 77, 21, 256),
                ids,
                Arbitraries.of(0, 1, 190),
                Arbitraries.of(0, 1, 2, 255, 9),
                Arbitraries.of(0, 1, 190)).as(Send::new);
        return send.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void routingFollowsTheRules(@ForAll("traffic") List<Send> sends, @ForAll @IntRange(min = 2, max = 4) int n) {
        Router router = new Router();
        List<RouterTest.Capture> sinks = new ArrayList<>();
        List<Endpoint> eps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RouterTest.Capture c = new RouterTest.Capture();
            sinks.add(c);
            eps.add(router.addEndpoint("e" + i, c));
        }
        List<Set<Integer>> seenSys = new ArrayList<>();
        List<Set<Integer>> seenComp = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seenSys.add(new HashSet<>());
            seenComp.add(new HashSet<>());
        }
        FrameWriter w = new FrameWriter();
        Endpoint[] from = new Endpoint[1];
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                router.route(from[0], frame);
            }
        });
        long[] expectedOut = new long[n];
        long accounted = 0;
        for (Send s : sends) {
            int src = s.from() % n;
            byte[] payload = new byte[Math.max(1, TABLE.maxPayloadLength(s.msgId()))];
            payload[0] = 3;
            int tso = TABLE.targetSystemOffset(s.msgId());
            int tco = TABLE.targetComponentOffset(s.msgId());
            if (tso >= 0) {
                payload[tso] = (byte) s.targetSys();
            }
            if (tco >= 0) {
                payload[tco] = (byte) s.targetComp();
            }
            MavlinkFrame f = w.encodeV2(s.sys(), s.comp(), s.msgId(), payload, null);
            int[] before = new int[n];
            for (int i = 0; i < n; i++) {
                before[i] = sinks.get(i).frames.size();
            }
            from[0] = eps.get(src);
            parser.feed(f.raw());

            int ts = tso >= 0 ? s.targetSys() : -1;
            int tc = tco >= 0 ? s.targetComp() : -1;
            if (s.msgId() != 256) {
                seenSys.get(src).add(s.sys());
                if (s.comp() != 0) {
                    seenComp.get(src).add(s.sys() << 8 | s.comp());
                }
            }
            int destinations = 0;
            for (int i = 0; i < n; i++) {
                boolean expect = i != src && s.msgId() != 256
                        && (ts <= 0 || (tc > 0 ? seenComp.get(i).contains(ts << 8 | tc) : seenSys.get(i).contains(ts)));
                List<byte[]> got = sinks.get(i).frames;
                assertThat(got.size() - before[i]).as("frame %s to endpoint %d", s, i).isEqualTo(expect ? 1 : 0);
                if (expect) {
                    assertThat(got.get(got.size() - 1)).isEqualTo(f.raw());
                    expectedOut[i]++;
                    destinations++;
                }
            }
            if (destinations > 0) {
                accounted++;
            }
        }
        long in = 0;
        long dropped = 0;
        for (int i = 0; i < n; i++) {
            EndpointStats st = eps.get(i).stats();
            assertThat(st.framesOut()).isEqualTo(expectedOut[i]);
            in += st.framesIn();
            dropped += st.rejected() + st.unroutable() + st.filtered() + st.deduplicated();
        }
        assertThat(in).isEqualTo(sends.size());
        assertThat(accounted + dropped).as("every frame in was forwarded or counted").isEqualTo(in);
    }
}
