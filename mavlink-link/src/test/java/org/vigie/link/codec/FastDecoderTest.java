package org.vigie.link.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written decoders build exactly what dronefleet's reflection deserializer builds. */
class FastDecoderTest {

    static final MessageCodec CODEC = new MessageCodec();
    static final MessageTable TABLE = MessageTable.ardupilotmega();

    @ParameterizedTest
    @ValueSource(strings = {"session2", "session3", "session5", "session5_serial0"})
    void equalToTheReflectionDecodeOnEveryFrameOfTheCaptures(String session) throws IOException {
        Map<Integer, Integer> checked = new TreeMap<>();
        for (String dir : new String[] {"_from_sitl.raw", "_to_sitl.raw"}) {
            byte[] bytes = Files.readAllBytes(CaptureParseTest.captures().resolve(session + dir));
            FrameParser p = new FrameParser(f -> {
                if (!MessageCodec.hasFastDecoder(f.msgId())) {
                    return;
                }
                Object fast = CODEC.decode(f).orElseThrow();
                MavlinkFrame frame = f.toFrame();
                Object slow = CODEC.decodeByReflection(f.msgId(), frame.payload());
                assertThat(fast).as("%s %s", session, frame).isEqualTo(slow);
                assertThat(CODEC.decode(frame)).contains(slow);
                checked.merge(f.msgId(), 1, Integer::sum);
            });
            p.feed(bytes);
        }
        // HEARTBEAT and the streams the README lists are among the frames checked
        assertThat(checked).containsKey(0);
        if (session.equals("session3")) {
            assertThat(checked.keySet()).contains(0, 1, 24, 30, 33, 42, 74, 147, 162, 193, 242, 245);
            assertThat(checked.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(3000);
        }
    }

    @Test
    void equalToTheReflectionDecodeOnRandomPayloadsOfEveryLength() {
        Random r = new Random(2026);
        for (int id : FastDecoders.IDS) {
            int max = TABLE.maxPayloadLength(id);
            for (int i = 0; i < 60; i++) {
                int len = i == 0 ? max : i == 1 ? 1 : r.nextInt(max + 8) + 1;
                byte[] p = new byte[len];
                r.nextBytes(p);
                if (i % 3 == 0) {
                    java.util.Arrays.fill(p, r.nextInt(len), len, (byte) 0);
                }
                Object fast = FastDecoders.decode(id, p, 0, p.length);
                Object slow = CODEC.decodeByReflection(id, p);
                assertThat(fast).as("id %d payload %s", id, java.util.HexFormat.of().formatHex(p)).isEqualTo(slow);
                // from inside a larger buffer, as the parser shows it
                byte[] big = new byte[len + 20];
                System.arraycopy(p, 0, big, 7, len);
                assertThat(FastDecoders.decode(id, big, 7, len)).isEqualTo(slow);
            }
        }
    }

    @Test
    void theTelemetryDecodedEveryFrameTakesTheFastPath() {
        for (int id : new int[] {0, 1, 24, 30, 33, 42, 74, 147, 193, 242, 245, 253, 285}) {
            assertThat(MessageCodec.hasFastDecoder(id)).as("id %d", id).isTrue();
            assertThat(TABLE.known(id)).isTrue();
        }
        assertThat(MessageCodec.hasFastDecoder(76)).isFalse(); // COMMAND_LONG: reflection is fine for commands
        assertThat(FastDecoders.decode(76, new byte[33], 0, 33)).isNull();
    }
}
