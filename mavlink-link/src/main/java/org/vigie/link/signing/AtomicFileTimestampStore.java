package org.vigie.link.signing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Stores the signing timestamp in a small text file (one decimal number and a newline), replaced atomically: the
 * value is written to a temporary file in the same directory, forced to disk, then moved over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. A crash leaves either the old or the new value, never a torn file.
 *
 * <p>Threading: calls are synchronized on the instance.
 */
public final class AtomicFileTimestampStore implements TimestampStore {

    /** Largest file read: a 15-digit number, a newline and room for stray whitespace. */
    public static final int MAX_FILE_BYTES = 64;

    private final Path file;

    /**
     * Creates a store backed by a file (created on the first save; its directory must exist).
     *
     * @param file the file path
     */
    public AtomicFileTimestampStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** @return the backing file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized OptionalLong load() throws IOException {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IOException("signing timestamp file " + file + " is " + size
                        + " bytes, more than the limit of " + MAX_FILE_BYTES + " bytes");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(text);
            if (v < 0 || v > Signing.MAX_TIMESTAMP) {
                throw new IOException("signing timestamp file " + file + " holds " + v + ", outside 0..2^48-1");
            }
            return OptionalLong.of(v);
        } catch (NumberFormatException e) {
            throw new IOException("signing timestamp file " + file + " does not hold a number", e);
        }
    }

    @Override
    public synchronized void save(long timestamp) throws IOException {
        if (timestamp < 0 || timestamp > Signing.MAX_TIMESTAMP) {
            throw new IllegalArgumentException("signing timestamp must be 0..2^48-1, was " + timestamp);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = (timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
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
        return "AtomicFileTimestampStore[" + file + "]";
    }
}
