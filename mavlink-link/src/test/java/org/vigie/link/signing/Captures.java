package org.vigie.link.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.MavlinkFrame;

/** Reads the recorded ArduCopter captures (raw byte streams and tlogs) for tests. */
final class Captures {

    /** One tlog record: Unix time in µs and the frame. */
    record TlogRecord(long unixUs, MavlinkFrame frame) {
        Instant instant() {
            return Instant.ofEpochSecond(unixUs / 1_000_000, (unixUs % 1_000_000) * 1_000);
        }
    }

    private Captures() {}

    static Path dir() {
        Path p = Path.of("..", "testdata", "captures");
        return Files.isDirectory(p) ? p : Path.of("testdata", "captures");
    }

    static List<MavlinkFrame> rawFrames(String file) {
        try {
            byte[] bytes = Files.readAllBytes(dir().resolve(file));
            List<MavlinkFrame> frames = new ArrayList<>();
            FrameParser p = new FrameParser(f -> frames.add(f.toFrame()));
            p.feed(bytes);
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TlogRecord> tlog(String file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir().resolve(file)));
            List<TlogRecord> out = new ArrayList<>();
            List<MavlinkFrame> one = new ArrayList<>();
            FrameParser p = new FrameParser(f -> one.add(f.toFrame()));
            while (b.remaining() > 8) {
                long t = b.getLong();
                int start = b.position();
                int stx = b.get(start) & 0xFF;
                int len = b.get(start + 1) & 0xFF;
                int frameLen = stx == MavlinkFrame.STX_V2
                        ? 12 + len + ((b.get(start + 2) & MavlinkFrame.INCOMPAT_SIGNED) != 0 ? 13 : 0) : 8 + len;
                one.clear();
                p.feed(b.array(), start, frameLen);
                if (one.size() != 1) {
                    throw new IllegalStateException("tlog record at " + start + " is not one frame");
                }
                out.add(new TlogRecord(t, one.get(0)));
                b.position(start + frameLen);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
