package org.vigie.link.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureParseTest {

    static Path captures() {
        Path p = Path.of("..", "testdata", "captures");
        return Files.isDirectory(p) ? p : Path.of("testdata", "captures");
    }

    @ParameterizedTest
    @ValueSource(strings = {"session1", "session2", "session3", "session4", "session5"})
    void everyFrameOfTheRealArduCopterStreamIsRecovered(String session) throws IOException {
        byte[] bytes = Files.readAllBytes(captures().resolve(session + "_from_sitl.raw"));
        List<MavlinkFrame> frames = new ArrayList<>();
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                frames.add(f.toFrame());
            }
        });
        for (int i = 0; i < bytes.length; i += 37) {
            parser.feed(bytes, i, Math.min(37, bytes.length - i));
        }
        // the 152-byte boot banner, plus console lines ArduCopter prints between frames ("Init Gyro" ...)
        assertThat(parser.stats().garbageBytes()).isGreaterThanOrEqualTo(session.equals("session5") ? 0 : 152);
        assertThat(parser.stats().crcErrors()).isZero();
        assertThat(parser.buffered()).isZero();
        int total = frames.stream().mapToInt(f -> f.raw().length).sum();
        assertThat(total + parser.stats().garbageBytes()).isEqualTo(bytes.length);
        System.out.println(session + ": " + frames.size() + " frames, unknown " + parser.stats().unknownFrames());
    }
}
