package org.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.signing.AtomicFileTimestampStore;
import org.vigie.link.tlog.TlogReader;

/** Input limits of mavlink-link, each at the limit and just over: payload slices, tlog files, timestamp files. */
class LinkInputLimitsTest {

    private static final MessageCodec CODEC = new MessageCodec();

    @TempDir
    Path dir;

    @Test
    void decodeOrNullRejectsBadOffsetsAndLengthsNamingThem() {
        byte[] hb = {0, 0, 0, 0, 6, 8, 0, 4, 3};
        byte[] buf = new byte[20];
        System.arraycopy(hb, 0, buf, 11, 9);
        assertThat(CODEC.decodeOrNull(0, buf, 11, 9)).as("slice ending at the buffer's end").isNotNull();
        assertThatThrownBy(() -> CODEC.decodeOrNull(0, buf, 12, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 12").hasMessageContaining("length 9").hasMessageContaining("20-byte");
        assertThatThrownBy(() -> CODEC.decodeOrNull(0, buf, -1, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset -1");
        assertThatThrownBy(() -> CODEC.decodeOrNull(0, buf, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length -1");
        assertThatThrownBy(() -> CODEC.decodeOrNull(0, buf, Integer.MAX_VALUE, 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset " + Integer.MAX_VALUE);
        assertThatThrownBy(() -> CODEC.decodeOrNull(76, null, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        byte[] big = new byte[300];
        assertThat(CODEC.decodeOrNull(76, big, 0, 255)).as("255 bytes: a whole COMMAND_LONG, extended").isNotNull();
        assertThatThrownBy(() -> CODEC.decodeOrNull(76, big, 0, 256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 256").hasMessageContaining("0..255");
        assertThatThrownBy(() -> CODEC.decodeOrNull(76, big, 299, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 299");
    }

    @Test
    void tlogReadAllHoldsAtMost64MiBAndSaysToStreamBeyond() throws IOException {
        Path at = dir.resolve("at.tlog");
        try (RandomAccessFile f = new RandomAccessFile(at.toFile(), "rw")) {
            f.setLength(TlogReader.MAX_READ_ALL_BYTES);
        }
        TlogReader.Contents c = TlogReader.readAll(at);
        assertThat(c.records()).isEmpty();
        assertThat(c.corruptAtOffset()).as("zeros are no record; read, not refused").isZero();
        Path over = dir.resolve("over.tlog");
        try (RandomAccessFile f = new RandomAccessFile(over.toFile(), "rw")) {
            f.setLength(TlogReader.MAX_READ_ALL_BYTES + 1);
        }
        assertThatThrownBy(() -> TlogReader.readAll(over)).isInstanceOf(IOException.class)
                .hasMessageContaining(TlogReader.MAX_READ_ALL_BYTES + 1 + " bytes")
                .hasMessageContaining("limit of " + TlogReader.MAX_READ_ALL_BYTES).hasMessageContaining("open");
    }

    @Test
    void theSigningTimestampFileIsReadOnlyUpTo64Bytes() throws IOException {
        Path f = dir.resolve("ts");
        AtomicFileTimestampStore store = new AtomicFileTimestampStore(f);
        Files.writeString(f, "12345" + " ".repeat(AtomicFileTimestampStore.MAX_FILE_BYTES - 5));
        assertThat(store.load()).hasValue(12345);
        Files.writeString(f, "12345" + " ".repeat(AtomicFileTimestampStore.MAX_FILE_BYTES - 4));
        assertThatThrownBy(store::load).isInstanceOf(IOException.class)
                .hasMessageContaining("limit of " + AtomicFileTimestampStore.MAX_FILE_BYTES);
    }
}
