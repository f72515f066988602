package org.vigie.link.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MavlinkFrame;

/**
 * Reads a capture's {@code NAME.tlog}: records of an 8-byte big-endian Unix time in microseconds followed by one
 * MAVLink frame. Records are returned in time order (the file has a few sub-millisecond inversions between the two
 * directions).
 */
public final class Tlog {

    /**
     * One record.
     *
     * @param timeUs Unix time, microseconds
     * @param frame the frame
     */
    public record Record(long timeUs, MavlinkFrame frame) {}

    private Tlog() {
    }

    /** @return the captures directory, relative to the module or the repository root */
    public static Path captures() {
        Path p = Path.of("..", "testdata", "captures");
        return Files.isDirectory(p) ? p : Path.of("testdata", "captures");
    }

    /**
     * Reads a session's tlog.
     *
     * @param session e.g. "session1"
     * @return the records in order
     * @throws IOException on read failure
     */
    public static List<Record> read(String session) throws IOException {
        byte[] all = Files.readAllBytes(captures().resolve(session + ".tlog"));
        List<Record> out = new ArrayList<>();
        List<MavlinkFrame> one = new ArrayList<>();
        FrameParser parser = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView f) {
                one.add(f.toFrame());
            }
        });
        ByteBuffer b = ByteBuffer.wrap(all);
        int i = 0;
        while (i + 8 < all.length) {
            long t = b.getLong(i);
            i += 8;
            int len = frameLength(all, i);
            one.clear();
            parser.feed(all, i, len);
            if (one.size() != 1) {
                throw new IOException("record at " + (i - 8) + " did not hold exactly one frame");
            }
            out.add(new Record(t, one.get(0)));
            i += len;
        }
        // the recorder interleaves the two directions with small inversions: restore time order (stable)
        out.sort(java.util.Comparator.comparingLong(Record::timeUs));
        return out;
    }

    private static int frameLength(byte[] d, int i) {
        int stx = d[i] & 0xFF;
        int len = d[i + 1] & 0xFF;
        if (stx == 0xFD) {
            return 10 + len + 2 + ((d[i + 2] & 1) != 0 ? 13 : 0);
        }
        return 6 + len + 2;
    }
}
