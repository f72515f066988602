package org.vigie.bench.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;

/** Loads the recorded ArduCopter streams for the routing benchmarks. */
final class Captures {

    private Captures() {}

    /** Finds testdata/captures from the repo root or a module folder (or -Dvigie.captures=DIR). */
    static Path dir() {
        String prop = System.getProperty("vigie.captures");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path p : new Path[] {Path.of("testdata", "captures"), Path.of("..", "testdata", "captures")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("testdata/captures not found from " + Path.of("").toAbsolutePath()
                + " (run from the repo root or set -Dvigie.captures=DIR)");
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The prefix of a raw stream (banner and console text included) that holds exactly {@code frames} frames.
     */
    static byte[] prefixWithFrames(byte[] stream, int frames) {
        int[] count = {0};
        FrameParser p = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                count[0]++;
            }
        });
        for (int i = 0; i < stream.length; i++) {
            p.feed(stream, i, 1);
            if (count[0] == frames) {
                byte[] out = new byte[i + 1];
                System.arraycopy(stream, 0, out, 0, i + 1);
                return out;
            }
        }
        throw new IllegalStateException("stream holds only " + count[0] + " frames, wanted " + frames);
    }

    /** Every frame of a raw stream, each as its own byte array (for one-frame-per-datagram senders). */
    static List<byte[]> frames(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        FrameParser p = new FrameParser(new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                byte[] f = new byte[frame.length()];
                System.arraycopy(frame.buffer(), frame.offset(), f, 0, f.length);
                out.add(f);
            }
        });
        p.feed(stream);
        return out;
    }
}
