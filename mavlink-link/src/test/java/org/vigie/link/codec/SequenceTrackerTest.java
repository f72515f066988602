package org.vigie.link.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.SequenceTracker.SequenceStats;

class SequenceTrackerTest {

    @Test
    void inOrderStreamAcrossTheWrapLosesNothing() {
        SequenceTracker t = new SequenceTracker();
        for (int i = 0; i < 1000; i++) {
            t.record(1, 1, (200 + i) & 0xFF);
        }
        assertThat(t.stats(1, 1)).contains(new SequenceStats(1, 1, 1000, 0, 0));
        assertThat(t.lossPercent(1, 1)).isZero();
    }

    @Test
    void gapsAreCountedModulo256() {
        SequenceTracker t = new SequenceTracker();
        t.record(1, 1, 250);
        t.record(1, 1, 253); // 251, 252 lost
        t.record(1, 1, 2);   // 254, 255, 0, 1 lost (wrap)
        t.record(1, 1, 3);
        assertThat(t.received(1, 1)).isEqualTo(4);
        assertThat(t.lost(1, 1)).isEqualTo(6);
        assertThat(t.duplicates(1, 1)).isZero();
        assertThat(t.lossPercent(1, 1)).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void duplicatesAndLateFramesAreNotLoss() {
        SequenceTracker t = new SequenceTracker();
        t.record(1, 1, 10);
        t.record(1, 1, 11);
        t.record(1, 1, 11); // redundant link
        t.record(1, 1, 12);
        t.record(1, 1, 9);  // late
        t.record(1, 1, 13);
        assertThat(t.stats(1, 1)).contains(new SequenceStats(1, 1, 6, 0, 2));
        assertThat(t.lossPercent(1, 1)).isZero();
    }

    @Test
    void aSequenceJustOutsideTheDuplicateWindowIsAGap() {
        SequenceTracker t = new SequenceTracker();
        t.record(7, 1, 100);
        t.record(7, 1, 101 - SequenceTracker.DUPLICATE_WINDOW - 1); // 17 behind expected: a 239-frame gap
        assertThat(t.lost(7, 1)).isEqualTo(256 - SequenceTracker.DUPLICATE_WINDOW - 1);
        assertThat(t.duplicates(7, 1)).isZero();
    }

    @Test
    void peersAreIndependentAndListedInOrderOfAppearance() {
        SequenceTracker t = new SequenceTracker();
        t.record(1, 1, 0);
        t.record(255, 190, 50);
        t.record(1, 1, 2);
        t.record(255, 190, 51);
        assertThat(t.all()).containsExactly(new SequenceStats(1, 1, 2, 1, 0), new SequenceStats(255, 190, 2, 0, 0));
        assertThat(t.stats(3, 3)).isEmpty();
        assertThat(t.received(3, 3)).isZero();
        t.forget(1, 1);
        t.record(1, 1, 77);
        assertThat(t.stats(1, 1)).contains(new SequenceStats(1, 1, 1, 0, 0));
    }

    @Test
    void seededRandomDropsAreCountedExactly() {
        Random r = new Random(42);
        SequenceTracker t = new SequenceTracker();
        int delivered = 0;
        int dropped = 0;
        int lastDelivered = -1;
        for (int seq = 0; seq < 100_000; seq++) {
            boolean drop = seq > 0 && r.nextInt(100) < 7 && seq < 99_999;
            if (drop) {
                dropped++;
            } else {
                t.record(42, 1, seq & 0xFF);
                delivered++;
                lastDelivered = seq;
            }
        }
        assertThat(lastDelivered).isEqualTo(99_999);
        assertThat(t.received(42, 1)).isEqualTo(delivered);
        assertThat(t.lost(42, 1)).isEqualTo(dropped);
        assertThat(t.lossPercent(42, 1)).isCloseTo(100.0 * dropped / 100_000, within(1e-9));
    }

    @Test
    void theRealArduCopterStreamHasNoGaps() throws IOException {
        byte[] bytes = Files.readAllBytes(CaptureParseTest.captures().resolve("session3_from_sitl.raw"));
        SequenceTracker t = new SequenceTracker();
        FrameParser p = new FrameParser(f -> t.record(f.sysId(), f.compId(), f.seq()));
        p.feed(bytes);
        SequenceStats s = t.stats(1, 1).orElseThrow();
        assertThat(s.received()).isEqualTo(p.stats().frames());
        assertThat(s.lost()).isZero();
        assertThat(s.duplicates()).isZero();
    }

    @Test
    void outOfRangeArgumentsAreRefused() {
        SequenceTracker t = new SequenceTracker();
        assertThatThrownBy(() -> t.record(256, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
        assertThatThrownBy(() -> t.record(1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
