package org.vigie.link.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.ManualScheduler;

/** Key rotation on a ManualScheduler: old key only, both keys, new key only, the retired key refused and counted. */
class SigningKeyringTest {

    private static final SigningKey OLD = ReplayAcrossRestartTest.key(21);
    private static final SigningKey NEW = ReplayAcrossRestartTest.key(22);
    private static final SigningKey THIRD = ReplayAcrossRestartTest.key(23);
    private static final byte[] HB = {0, 0, 0, 0, 6, 8, 0, 4, 3};

    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-12-06T16:00:00Z"));
    private final List<KeyEvent> events = new CopyOnWriteArrayList<>();
    private final FrameWriter writer = new FrameWriter();
    private final SigningTimestamps peerTs = open(clock);
    private int seq;

    private static SigningTimestamps open(ManualScheduler c) {
        try {
            return SigningTimestamps.open(c, TimestampStore.inMemory(null));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A frame from the peer (255/190 link 1) signed with {@code key}. */
    private MavlinkFrame peerFrame(SigningKey key) {
        return writer.encodeV2(255, 190, 0, HB, new MavlinkSigner(key, 1, peerTs));
    }

    private SigningKeyring keyring(KeyRotationOptions options) {
        SigningKeyring k = SigningKeyring.open(OLD, clock, clock.callbackExecutor(), options);
        k.onEvent(events::add);
        return k;
    }

    /** Which key signed a frame of ours: the one whose checker accepts it. */
    private static SigningKey signedWith(MavlinkFrame f, SigningKey... candidates) throws Exception {
        for (SigningKey k : candidates) {
            if (new SignatureChecker(k, open(new ManualScheduler(Instant.parse("2026-12-06T16:00:00Z"))))
                    .check(f).accepted()) {
                return k;
            }
        }
        throw new AssertionError("signed with none of the keys");
    }

    @Test
    void oldOnlyThenBothThenNewOnlyAndTheRetiredKeyIsRefusedAndCounted() throws Exception {
        SigningKeyring keys = keyring(KeyRotationOptions.of(Duration.ofMinutes(10)));
        SignatureChecker checker = new SignatureChecker(keys, open(clock), Set.of(), StreamTimestamps.volatileMemory());
        MavlinkSigner ours = new MavlinkSigner(keys, 0, open(clock));

        // old only
        assertThat(checker.check(peerFrame(OLD))).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(checker.check(peerFrame(NEW))).isEqualTo(SignatureVerdict.REJECTED_BAD_SIGNATURE);
        assertThat(signedWith(writer.encodeV2(1, 191, 0, HB, ours), OLD, NEW)).isEqualTo(OLD);

        // both: installed, outgoing still old
        KeyEvent.KeyInstalled installed = keys.install(NEW).getNow(null);
        assertThat(installed).as("completes on the event thread").isNull();
        clock.runPending();
        assertThat(keys.accepted()).containsExactly(OLD, NEW);
        assertThat(keys.inSwitchover()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(checker.check(peerFrame(OLD))).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(signedWith(writer.encodeV2(1, 191, 0, HB, ours), OLD, NEW)).isEqualTo(OLD);
        // the peer signs with the new key: it has it, so we switch too
        assertThat(checker.check(peerFrame(NEW))).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(keys.outgoing()).isEqualTo(NEW);
        assertThat(signedWith(writer.encodeV2(1, 191, 0, HB, ours), OLD, NEW)).isEqualTo(NEW);
        assertThat(checker.check(peerFrame(OLD))).as("still accepted during the switchover")
                .isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);

        // new only: 10 minutes after the install the old key is retired
        clock.advance(Duration.ofMinutes(9).minusMillis(1));
        assertThat(keys.accepted()).containsExactly(OLD, NEW);
        clock.advance(Duration.ofMillis(1));
        assertThat(keys.accepted()).containsExactly(NEW);
        assertThat(keys.retired()).containsExactly(OLD);
        assertThat(checker.check(peerFrame(NEW))).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(checker.check(peerFrame(OLD))).isEqualTo(SignatureVerdict.REJECTED_RETIRED_KEY);
        assertThat(checker.check(peerFrame(OLD))).isEqualTo(SignatureVerdict.REJECTED_RETIRED_KEY);
        assertThat(checker.check(peerFrame(THIRD))).isEqualTo(SignatureVerdict.REJECTED_BAD_SIGNATURE);
        assertThat(checker.count(SignatureVerdict.REJECTED_RETIRED_KEY)).isEqualTo(2);

        Instant t0 = Instant.parse("2026-12-06T16:00:00Z");
        assertThat(events).containsExactly(
                new KeyEvent.KeyInstalled(t0, NEW.fingerprint(), OLD.fingerprint(), t0.plusSeconds(300),
                        t0.plusSeconds(600)),
                new KeyEvent.NewKeyHeard(t0.plusSeconds(60), NEW.fingerprint(), 255, 190, 1),
                new KeyEvent.OutgoingSwitched(t0.plusSeconds(60), OLD.fingerprint(), NEW.fingerprint(),
                        KeyEvent.SwitchReason.PEER_SIGNED_WITH_IT),
                new KeyEvent.KeyRetired(t0.plusSeconds(600), OLD.fingerprint(), NEW.fingerprint(), false));
    }

    @Test
    void withoutFollowingThePeerOutgoingSwitchesAtTheDeadline() {
        SigningKeyring keys = keyring(KeyRotationOptions.of(Duration.ofMinutes(10)).withFollowPeer(false));
        SignatureChecker checker = new SignatureChecker(keys, open(clock), Set.of(), StreamTimestamps.volatileMemory());
        keys.install(NEW);
        clock.runPending();
        assertThat(checker.check(peerFrame(NEW))).isEqualTo(SignatureVerdict.ACCEPTED_SIGNED);
        assertThat(keys.outgoing()).as("a centre of several drones waits").isEqualTo(OLD);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(keys.outgoing()).isEqualTo(OLD);
        clock.advance(Duration.ofMillis(1));
        assertThat(keys.outgoing()).isEqualTo(NEW);
        assertThat(events).filteredOn(e -> e instanceof KeyEvent.OutgoingSwitched)
                .extracting(e -> ((KeyEvent.OutgoingSwitched) e).reason())
                .containsExactly(KeyEvent.SwitchReason.DEADLINE);
    }

    @Test
    void switchAndRetireOnRequestAndNoSecondRotationDuringOne() throws Exception {
        SigningKeyring keys = keyring(KeyRotationOptions.defaults());
        keys.install(NEW);
        clock.runPending();
        var second = keys.install(THIRD);
        clock.runPending();
        assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining(NEW.fingerprint());
        var switched = keys.switchOutgoing();
        clock.runPending();
        assertThat(switched.get()).isTrue();
        assertThat(keys.outgoing()).isEqualTo(NEW);
        var retired = keys.retireNow();
        clock.runPending();
        assertThat(retired.get()).isTrue();
        assertThat(keys.accepted()).containsExactly(NEW);
        assertThat(events).last().isEqualTo(new KeyEvent.KeyRetired(clock.now(), OLD.fingerprint(),
                NEW.fingerprint(), true));
        clock.advance(Duration.ofMinutes(20));
        assertThat(events).as("the cancelled timers do nothing").hasSize(3);

        var reuse = keys.install(OLD);
        clock.runPending();
        assertThatThrownBy(reuse::get).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retired");
        assertThatThrownBy(() -> keys.install(SigningKey.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all-zero");
        assertThatThrownBy(() -> SigningKeyring.fixed(OLD).install(NEW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SigningKeyring.open");
        assertThatThrownBy(() -> new KeyRotationOptions(Duration.ofMinutes(10), Duration.ofMinutes(11), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("switchAfter");
    }
}
