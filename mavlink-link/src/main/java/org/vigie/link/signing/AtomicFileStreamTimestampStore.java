package org.vigie.link.signing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Stores the replay memory of incoming streams in a small text file, one stream a line:
 * {@code sysid compid linkid timestamp} (decimal, single spaces), replaced atomically like
 * {@link AtomicFileTimestampStore} (temporary file, forced to disk, atomic move). A crash leaves the old or the new
 * content, never a torn file.
 *
 * <p>Limits on reading (the file is input too): at most {@value #MAX_FILE_BYTES} bytes and
 * {@link StreamTimestamps#MAX_STREAMS} lines; a file beyond them, or a line that is not four numbers in range, is an
 * {@link IOException} naming the line and the limit.
 *
 * <p>Threading: calls are synchronized on the instance.
 */
public final class AtomicFileStreamTimestampStore implements StreamTimestampStore {

    /** Largest file read: {@link StreamTimestamps#MAX_STREAMS} lines of at most 32 bytes. */
    public static final int MAX_FILE_BYTES = StreamTimestamps.MAX_STREAMS * 32;

    private final Path file;

    /**
     * Creates a store backed by a file (created on the first save; its directory must exist).
     *
     * @param file the file path
     */
    public AtomicFileStreamTimestampStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** @return the backing file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Map<Integer, Long> load() throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        if (size > MAX_FILE_BYTES) {
            throw new IOException("stream timestamp file " + file + " is " + size + " bytes, more than the limit of "
                    + MAX_FILE_BYTES + " bytes (" + StreamTimestamps.MAX_STREAMS + " streams)");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Map<Integer, Long> out = new HashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(" ", -1);
            if (f.length != 4) {
                throw new IOException("stream timestamp file " + file + " line " + lineNo
                        + ": expected 'sysid compid linkid timestamp'");
            }
            try {
                int sys = byteField(f[0], "sysid", lineNo);
                int comp = byteField(f[1], "compid", lineNo);
                int link = byteField(f[2], "linkid", lineNo);
                long ts = Long.parseLong(f[3]);
                if (ts < 0 || ts > Signing.MAX_TIMESTAMP) {
                    throw new IOException("stream timestamp file " + file + " line " + lineNo + ": timestamp " + ts
                            + " is outside 0..2^48-1");
                }
                out.put(StreamTimestamps.streamKey(sys, comp, link), ts);
            } catch (NumberFormatException e) {
                throw new IOException("stream timestamp file " + file + " line " + lineNo + " is not four numbers", e);
            }
            if (out.size() > StreamTimestamps.MAX_STREAMS) {
                throw new IOException("stream timestamp file " + file + " holds more than the limit of "
                        + StreamTimestamps.MAX_STREAMS + " streams");
            }
        }
        return out;
    }

    private int byteField(String s, String name, int lineNo) throws IOException {
        int v = Integer.parseInt(s);
        if (v < 0 || v > 255) {
            throw new IOException("stream timestamp file " + file + " line " + lineNo + ": " + name + " " + v
                    + " is outside 0..255");
        }
        return v;
    }

    @Override
    public synchronized void save(Map<Integer, Long> bounds) throws IOException {
        if (bounds.size() > StreamTimestamps.MAX_STREAMS) {
            throw new IllegalArgumentException(bounds.size() + " streams, more than the limit of "
                    + StreamTimestamps.MAX_STREAMS);
        }
        StringBuilder sb = new StringBuilder(bounds.size() * 24);
        for (Map.Entry<Integer, Long> e : new TreeMap<>(bounds).entrySet()) {
            int k = e.getKey();
            sb.append(k >>> 16 & 0xFF).append(' ').append(k >>> 8 & 0xFF).append(' ').append(k & 0xFF).append(' ')
                    .append(e.getValue()).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "AtomicFileStreamTimestampStore[" + file + "]";
    }
}
