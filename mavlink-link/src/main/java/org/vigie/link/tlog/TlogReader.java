package org.vigie.link.tlog;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageTable;

/**
 * Reads a {@code .tlog} (8-byte big-endian Unix microseconds, then one MAVLink 1 or 2 frame, repeated) record by
 * record, as an iterator of {@link TlogRecord}.
 *
 * <p>Bad input never throws: a record whose frame fails its checksum is skipped and counted
 * ({@link #badRecords()}); an incomplete last record (a log cut by a crash or power loss) ends the iteration and is
 * reported by {@link #truncatedBytes()}; a record that does not start with a MAVLink start byte ends the iteration
 * (records cannot be re-synchronised reliably) and is reported by {@link #corruptAtOffset()}. Only I/O failures of
 * the underlying stream throw ({@link UncheckedIOException} from the iterator).
 *
 * <p>Threading: not thread-safe.
 */
public final class TlogReader implements Iterator<TlogRecord>, Closeable {

    /** Largest file {@link #readAll} reads into memory: 64 MiB (about a million records). */
    public static final long MAX_READ_ALL_BYTES = 64L * 1024 * 1024;

    /**
     * Everything in a tlog file, and what was wrong with it.
     *
     * @param records the records that parsed, in file order
     * @param badRecords records skipped because their frame failed the checksum or length checks
     * @param truncatedBytes bytes of an incomplete last record (0 if the file ends cleanly)
     * @param corruptAtOffset file offset of a record with no MAVLink start byte, -1 if none
     */
    public record Contents(List<TlogRecord> records, long badRecords, long truncatedBytes, long corruptAtOffset) {
        /** Copies the list. */
        public Contents {
            records = List.copyOf(records);
        }

        /** @return true if every byte of the file belonged to a valid record */
        public boolean clean() {
            return badRecords == 0 && truncatedBytes == 0 && corruptAtOffset < 0;
        }
    }

    private final InputStream in;
    private final FrameParser parser;
    private final byte[] frameBuf = new byte[10 + 255 + 2 + 13];
    private @Nullable MavlinkFrame parsed;
    private @Nullable TlogRecord next;
    private boolean done;
    private long offset;
    private long badRecords;
    private long truncatedBytes;
    private long corruptAtOffset = -1;
    private long recordsRead;

    /**
     * Reads from a stream (which the reader then owns and closes), ardupilotmega dialect.
     *
     * @param in the tlog bytes
     */
    public TlogReader(InputStream in) {
        this(in, MessageTable.ardupilotmega());
    }

    /**
     * Reads from a stream with a given dialect.
     *
     * @param in the tlog bytes
     * @param table dialect (checksums)
     */
    public TlogReader(InputStream in, MessageTable table) {
        this.in = new BufferedInputStream(Objects.requireNonNull(in, "in"), 64 * 1024);
        this.parser = new FrameParser(table, new FrameParser.Listener() {
            @Override
            public void onFrame(FrameView frame) {
                parsed = frame.toFrame();
            }
        });
    }

    /**
     * Opens a file.
     *
     * @param file the tlog
     * @return the reader
     * @throws IOException if the file cannot be opened
     */
    public static TlogReader open(Path file) throws IOException {
        return new TlogReader(Files.newInputStream(file));
    }

    /**
     * Reads a whole file into memory (at most {@value #MAX_READ_ALL_BYTES} bytes; stream larger logs record by record
     * with {@link #open}).
     *
     * @param file the tlog
     * @return its records and what was wrong
     * @throws IOException if the file cannot be read, or is larger than {@value #MAX_READ_ALL_BYTES} bytes (the
     *     message names the size and the limit)
     */
    public static Contents readAll(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_READ_ALL_BYTES) {
            throw new IOException("tlog " + file + " is " + size + " bytes, more than the limit of "
                    + MAX_READ_ALL_BYTES + " bytes that readAll holds in memory; read it record by record with "
                    + "TlogReader.open");
        }
        try (TlogReader r = open(file)) {
            List<TlogRecord> list = new ArrayList<>();
            try {
                while (r.hasNext()) {
                    list.add(r.next());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return new Contents(list, r.badRecords(), r.truncatedBytes(), r.corruptAtOffset());
        }
    }

    /** @return records returned so far */
    public long recordsRead() {
        return recordsRead;
    }

    /** @return records skipped because their frame failed the checksum or length checks */
    public long badRecords() {
        return badRecords;
    }

    /** @return bytes of an incomplete last record, 0 if none (final once {@link #hasNext()} returned false) */
    public long truncatedBytes() {
        return truncatedBytes;
    }

    /** @return file offset of a record with no MAVLink start byte, -1 if none */
    public long corruptAtOffset() {
        return corruptAtOffset;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            try {
                readRecord();
            } catch (IOException e) {
                done = true;
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public @Nullable TlogRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("end of tlog");
        }
        TlogRecord r = next;
        next = null;
        recordsRead++;
        return r;
    }

    private void readRecord() throws IOException {
        long recordStart = offset;
        int n = readFully(frameBuf, 0, 8);
        if (n == 0) {
            done = true;
            return;
        }
        if (n < 8) {
            truncate(n);
            return;
        }
        long ts = 0;
        for (int i = 0; i < 8; i++) {
            ts = ts << 8 | (frameBuf[i] & 0xFF);
        }
        n = readFully(frameBuf, 0, 1);
        if (n == 0) {
            truncate(8);
            return;
        }
        int stx = frameBuf[0] & 0xFF;
        int headerLen;
        if (stx == MavlinkFrame.STX_V2) {
            headerLen = 10;
        } else if (stx == MavlinkFrame.STX_V1) {
            headerLen = 6;
        } else {
            corruptAtOffset = recordStart;
            done = true;
            return;
        }
        n = readFully(frameBuf, 1, headerLen - 1);
        if (n < headerLen - 1) {
            truncate(9 + n);
            return;
        }
        int payloadLen = frameBuf[1] & 0xFF;
        boolean signed = headerLen == 10 && (frameBuf[2] & MavlinkFrame.INCOMPAT_SIGNED) != 0;
        int rest = payloadLen + 2 + (signed ? MavlinkFrame.SIGNATURE_LENGTH : 0);
        n = readFully(frameBuf, headerLen, rest);
        if (n < rest) {
            truncate(8 + headerLen + n);
            return;
        }
        parsed = null;
        parser.feed(frameBuf, 0, headerLen + rest);
        parser.flush();
        if (parsed == null || parsed.raw().length != headerLen + rest) {
            badRecords++;
            return;
        }
        next = new TlogRecord(ts, parsed);
    }

    private void truncate(long bytes) {
        truncatedBytes = bytes;
        done = true;
    }

    private int readFully(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(b, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        offset += total;
        return total;
    }

    @Override
    public void close() throws IOException {
        done = true;
        in.close();
    }
}
