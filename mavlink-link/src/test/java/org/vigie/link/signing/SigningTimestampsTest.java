package org.vigie.link.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.link.time.ManualScheduler;

class SigningTimestampsTest {

    static final Instant T0 = Instant.parse("2026-11-28T22:34:00Z");

    @Test
    void conversionsFollowTheMavlinkEpochIn10MicrosecondUnits() {
        assertThat(Signing.timestampOf(Instant.parse("2015-01-01T00:00:00Z"))).isZero();
        assertThat(Signing.timestampOf(Instant.parse("2015-01-01T00:00:01.00001Z"))).isEqualTo(100_001);
        assertThat(Signing.timestampOf(Instant.parse("2014-12-31T23:59:59Z"))).isZero();
        // session5: initial_timestamp 37583485035308 <-> Unix 1795905250.353 s (summary)
        assertThat(Signing.instantOf(37583485035308L).toEpochMilli()).isEqualTo(1795905250353L);
        assertThat(Signing.timestampOf(Signing.instantOf(37583485035308L))).isEqualTo(37583485035308L);
        assertThatThrownBy(() -> Signing.instantOf(1L << 48)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Signing.isSetupSigning(256)).isTrue();
        assertThat(Signing.isSetupSigning(109)).isFalse();
    }

    @Test
    void strictlyIncreasingByAtLeastOneAndFollowingTheSchedulersClock() throws IOException {
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps ts = SigningTimestamps.open(clock, TimestampStore.inMemory(null));
        long now = Signing.timestampOf(T0);
        assertThat(ts.next()).isEqualTo(now);
        assertThat(ts.next()).isEqualTo(now + 1);   // same instant: +1
        assertThat(ts.next()).isEqualTo(now + 2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ts.next()).isEqualTo(now + 100_000); // the clock moved ahead
        ts.observe(now + 500_000);                    // an accepted incoming frame is ahead of us
        assertThat(ts.next()).isEqualTo(now + 500_000); // the C library's rule: at least the observed value
        ts.observe(now);                               // behind: ignored
        assertThat(ts.next()).isEqualTo(now + 500_001);
        assertThat(ts.current()).isEqualTo(now + 500_002);
    }

    @Test
    void startsAtStoredPlusOneMinuteOrNowWhicheverIsLater() throws IOException {
        long now = Signing.timestampOf(T0);
        SigningTimestamps ahead = SigningTimestamps.open(new ManualScheduler(T0), TimestampStore.inMemory(now));
        assertThat(ahead.next()).isEqualTo(now + Signing.ONE_MINUTE);
        SigningTimestamps behind = SigningTimestamps.open(new ManualScheduler(T0),
                TimestampStore.inMemory(now - 10 * Signing.ONE_MINUTE));
        assertThat(behind.next()).isEqualTo(now);
    }

    @Test
    void aRestartNeverReusesATimestampEvenWhenRunningAheadOfTheClock() throws IOException {
        TimestampStore store = TimestampStore.inMemory(null);
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps ts = SigningTimestamps.open(clock, store);
        long maxUsed = 0;
        // a burst far above 100,000 frames/s: timestamps run ahead of the clock, and a jump from a peer
        for (int i = 0; i < 5_000_000; i++) {
            maxUsed = ts.next();
        }
        ts.observe(maxUsed + 4 * Signing.ONE_MINUTE);
        maxUsed = Math.max(maxUsed, ts.next());
        for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofMillis(700));
            maxUsed = ts.next();
        }
        assertThat(ts.persistFailures()).isZero();
        assertThat(maxUsed - store.load().getAsLong()).isLessThan(SigningTimestamps.PERSIST_STEP);
        // crash: no orderly persist(); restart with the clock where it is
        SigningTimestamps restarted = SigningTimestamps.open(clock, store);
        assertThat(restarted.next()).isGreaterThan(maxUsed);
    }

    @Test
    void theAtomicFileStoreRoundTripsAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("signing.ts");
        AtomicFileTimestampStore store = new AtomicFileTimestampStore(file);
        assertThat(store.load()).isEmpty();
        store.save(37583485035308L);
        assertThat(store.load()).isEqualTo(OptionalLong.of(37583485035308L));
        store.save(37583491035308L);
        assertThat(store.load()).isEqualTo(OptionalLong.of(37583491035308L));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("signing.ts");
        }
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps ts = SigningTimestamps.open(clock, store);
        assertThat(ts.next()).isEqualTo(37583491035308L + Signing.ONE_MINUTE);
        assertThat(store.load()).isEqualTo(OptionalLong.of(37583491035308L + Signing.ONE_MINUTE));
        assertThatThrownBy(() -> store.save(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorruptFileIsAnErrorNotASilentRestartFromZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("signing.ts");
        Files.writeString(file, "garbage");
        AtomicFileTimestampStore store = new AtomicFileTimestampStore(file);
        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("signing.ts");
        assertThatThrownBy(() -> SigningTimestamps.open(new ManualScheduler(T0), store))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFailingStoreIsCountedAndDoesNotStopSigning() throws IOException {
        int[] saves = {0};
        TimestampStore flaky = new TimestampStore() {
            @Override
            public OptionalLong load() {
                return OptionalLong.empty();
            }

            @Override
            public void save(long timestamp) throws IOException {
                if (saves[0]++ > 0) {
                    throw new IOException("disk full");
                }
            }
        };
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps ts = SigningTimestamps.open(clock, flaky);
        long first = ts.next();
        clock.advance(Duration.ofSeconds(31));
        assertThat(ts.next()).isGreaterThan(first);
        assertThat(ts.persistFailures()).isEqualTo(1);
    }

    @Test
    void periodicSavesHappenOnTheSchedulerEvenWithoutTraffic() throws IOException {
        TimestampStore store = TimestampStore.inMemory(null);
        ManualScheduler clock = new ManualScheduler(T0);
        SigningTimestamps ts = SigningTimestamps.open(clock, store);
        long first = ts.next();
        var handle = ts.persistEvery(Duration.ofSeconds(30));
        ts.next();
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.load().getAsLong()).isEqualTo(first + 1);
        handle.cancel();
        assertThatThrownBy(() -> ts.persistEvery(Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
