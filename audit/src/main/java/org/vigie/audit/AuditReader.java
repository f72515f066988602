package org.vigie.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a trail file record by record, streaming: memory is bounded by the longest record
 * ({@link AuditFormat#MAX_RECORD_BYTES}) whatever the file's size. It checks each record's form, not the chain (that is
 * {@link AuditVerifier}'s job). Bytes after the last line end (a write interrupted by a crash) are not a record:
 * {@link #next()} returns null and {@link #tornTailBytes()} says how many there were. Not thread-safe: one reader per
 * thread.
 */
public final class AuditReader implements Closeable {

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[4096];
    private final MessageDigest sha = AuditFormat.sha256();
    private long lineNo;
    private long offset;
    private long tornTail;
    private boolean eof;

    private AuditReader(InputStream in) {
        this.in = in;
    }

    /**
     * @param file a trail file
     * @return a reader at its first record
     * @throws IOException if the file cannot be opened
     */
    public static AuditReader open(Path file) throws IOException {
        return new AuditReader(Files.newInputStream(file));
    }

    /**
     * @param in a trail's bytes from its first byte; closed with the reader
     * @return a reader
     */
    public static AuditReader of(InputStream in) {
        return new AuditReader(in);
    }

    /**
     * The next record.
     *
     * @return the record, or null at the end of the complete lines
     * @throws AuditFormatException if the next line is not a well-formed record (line, offset, what)
     * @throws IOException          if reading fails
     */
    public @Nullable AuditRecord next() throws IOException {
        if (eof) {
            return null;
        }
        int len = 0;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, CHUNK);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    eof = true;
                    tornTail = len;
                    return null;
                }
            }
            int nl = -1;
            for (int i = chunkPos; i < chunkLen; i++) {
                if (chunk[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? chunkLen : nl;
            int n = end - chunkPos;
            if (len + n + 1 > AuditFormat.MAX_RECORD_BYTES) {
                throw new AuditFormatException(lineNo + 1, offset, "line longer than the limit of "
                        + AuditFormat.MAX_RECORD_BYTES + " bytes");
            }
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.min(AuditFormat.MAX_RECORD_BYTES, Math.max(line.length * 2, len + n)));
            }
            System.arraycopy(chunk, chunkPos, line, len, n);
            len += n;
            chunkPos = end;
            if (nl >= 0) {
                chunkPos++;
                break;
            }
        }
        sha.update(line, 0, len);
        sha.update((byte) '\n');
        byte[] digest = sha.digest();
        lineNo++;
        long at = offset;
        offset += len + 1L;
        return AuditFormat.parse(line, len, lineNo, at, digest);
    }

    /** @return complete lines read so far */
    public long linesRead() {
        return lineNo;
    }

    /** @return bytes of the complete lines read so far: where the next line starts */
    public long validBytes() {
        return offset;
    }

    /** @return once {@link #next()} returned null: the bytes after the last line end (0 for a clean end) */
    public long tornTailBytes() {
        return tornTail;
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
