package org.vigie.link.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.ManualScheduler;

class TlogTest {

    static final Path CAPTURES = Path.of("..", "testdata", "captures");

    static Stream<Path> tlogs() throws IOException {
        try (Stream<Path> s = Files.list(CAPTURES)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".tlog")).sorted().toList();
            assertThat(l).as("capture tlogs").hasSizeGreaterThanOrEqualTo(5);
            return l.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("tlogs")
    void everyRecordOfTheCapturesParses(Path file) throws IOException {
        TlogReader.Contents c = TlogReader.readAll(file);
        assertThat(c.clean()).as("%s: bad=%d truncated=%d corruptAt=%d", file, c.badRecords(), c.truncatedBytes(),
                c.corruptAtOffset()).isTrue();
        long bytes = 0;
        long first = c.records().get(0).timestampUs();
        for (TlogRecord r : c.records()) {
            bytes += 8 + r.frame().raw().length;
            assertThat(Math.abs(r.timestampUs() - first)).as("within the session's hour").isLessThan(3_600_000_000L);
        }
        assertThat(bytes).as("every byte of the file is in a record").isEqualTo(Files.size(file));
        assertThat(c.records()).isNotEmpty();
        assertThat(c.records().get(0).timestampUs()).as("a plausible Unix time in µs (after 2020)")
                .isGreaterThan(1_577_836_800_000_000L);
    }

    @Test
    void writerAndReaderRoundTripWithSchedulerTime() throws IOException {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T23:00:00.000123Z"));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        FrameWriter fw = new FrameWriter();
        MavlinkFrame a = fw.encodeV2(1, 1, 0, new byte[] {1, 2, 3, 4, 2, 3, 0x59, 3, 3}, null);
        MavlinkFrame b = fw.encodeV1(255, 190, 0, new byte[] {0, 0, 0, 0, 6, 8, 0, 0, 3});
        try (TlogWriter w = new TlogWriter(bos, clock)) {
            w.write(a);
            clock.advance(Duration.ofMillis(250));
            w.onFrame(b.raw(), 0, b.raw().length, true);
            assertThat(w.records()).isEqualTo(2);
        }
        byte[] bytes = bos.toByteArray();
        assertThat(Arrays.copyOf(bytes, 8)).as("big-endian µs")
                .isEqualTo(new byte[] {0x00, 0x06, 0x61, 0x5E, 0x22, (byte) 0xDD, 0x1C, 0x7B});
        TlogReader.Contents c;
        try (TlogReader r = new TlogReader(new ByteArrayInputStream(bytes))) {
            List<TlogRecord> list = new java.util.ArrayList<>();
            r.forEachRemaining(list::add);
            c = new TlogReader.Contents(list, r.badRecords(), r.truncatedBytes(), r.corruptAtOffset());
        }
        assertThat(c.clean()).isTrue();
        assertThat(c.records()).extracting(TlogRecord::frame).containsExactly(a, b);
        long t0 = TlogWriter.epochMicros(Instant.parse("2026-11-28T23:00:00.000123Z"));
        assertThat(c.records()).extracting(TlogRecord::timestampUs).containsExactly(t0, t0 + 250_000);
    }

    @Test
    void truncatedLastRecordIsReportedNotThrown() throws IOException {
        byte[] whole = Files.readAllBytes(CAPTURES.resolve("session1.tlog"));
        int total = TlogReader.readAll(CAPTURES.resolve("session1.tlog")).records().size();
        for (int cut : new int[] {3, 8, 9, 12, 20}) {
            byte[] part = Arrays.copyOf(whole, whole.length - cut);
            try (TlogReader r = new TlogReader(new ByteArrayInputStream(part))) {
                int n = 0;
                while (r.hasNext()) {
                    r.next();
                    n++;
                }
                assertThat(n).isEqualTo(total - 1);
                assertThat(r.truncatedBytes()).as("cut %d", cut).isPositive();
                assertThat(r.corruptAtOffset()).isEqualTo(-1);
            }
        }
    }

    @Test
    void corruptedRecordsAreCountedOrReported() throws IOException {
        byte[] whole = Files.readAllBytes(CAPTURES.resolve("session1.tlog"));
        byte[] badCrc = whole.clone();
        badCrc[8 + 12] ^= 0x55;
        try (TlogReader r = new TlogReader(new ByteArrayInputStream(badCrc))) {
            r.forEachRemaining(x -> { });
            assertThat(r.badRecords()).isEqualTo(1);
            assertThat(r.truncatedBytes()).isZero();
        }
        byte[] badStx = whole.clone();
        badStx[8] = 0x42;
        try (TlogReader r = new TlogReader(new ByteArrayInputStream(badStx))) {
            assertThat(r.hasNext()).isFalse();
            assertThat(r.corruptAtOffset()).isZero();
        }
    }

    @Test
    void writerAfterCloseCountsDrops() throws IOException {
        TlogWriter w = new TlogWriter(new ByteArrayOutputStream(), new ManualScheduler());
        w.close();
        w.close();
        w.onFrame(new byte[] {1, 2}, 0, 2, false);
        assertThat(w.dropped()).isEqualTo(1);
    }
}
