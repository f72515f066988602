package org.vigie.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MavlinkFrame;

/** Reads a capture's .tlog: 8-byte big-endian Unix time in microseconds, then one frame, repeated. */
final class Tlog {

    /** One recorded frame. */
    record Record(long timeUs, MavlinkFrame frame) {}

    static final Path CAPTURES = Path.of("..", "testdata", "captures");

    private Tlog() {}

    static List<Record> read(String session) throws IOException {
        byte[] d = Files.readAllBytes(CAPTURES.resolve(session + ".tlog"));
        List<Record> out = new ArrayList<>();
        int i = 0;
        while (i + 9 < d.length) {
            long t = 0;
            for (int k = 0; k < 8; k++) {
                t = (t << 8) | (d[i + k] & 0xFF);
            }
            i += 8;
            int len;
            if ((d[i] & 0xFF) == 0xFD) {
                int sig = (d[i + 2] & 1) != 0 ? 13 : 0;
                len = 10 + (d[i + 1] & 0xFF) + 2 + sig;
            } else {
                len = 6 + (d[i + 1] & 0xFF) + 2;
            }
            MavlinkFrame[] got = new MavlinkFrame[1];
            FrameParser p = new FrameParser(new FrameParser.Listener() {
                @Override
                public void onFrame(FrameView view) {
                    got[0] = view.toFrame();
                }
            });
            p.feed(d, i, Math.min(len, d.length - i));
            if (got[0] != null) {
                out.add(new Record(t, got[0]));
            }
            i += len;
        }
        return out;
    }
}
