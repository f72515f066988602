package org.vigie.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a trail behaves. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param signer                 signs checkpoints; null writes none (the chain alone)
 * @param trustedKeys            keys that verify existing checkpoints on open (the signer's own, and retired ones)
 * @param checkpointEveryRecords a checkpoint after at most this many records (1..1,000,000)
 * @param checkpointInterval     and at most this long after the first record it does not yet attest (1 s..1 day)
 * @param maxPendingBytes        records waiting for the writer beyond this many bytes are refused (1 MiB..1 GiB)
 * @param callbackExecutor       completes the futures and delivers events; null: a thread of the trail's own
 * @param listener               the trail's events, on the callback executor
 * @param clock                  the {@code at} of the records the trail writes itself (open, cut, checkpoints)
 */
public record AuditTrailOptions(@Nullable CheckpointSigner signer, CheckpointKeys trustedKeys,
                                int checkpointEveryRecords, Duration checkpointInterval, long maxPendingBytes,
                                @Nullable Executor callbackExecutor, Consumer<AuditTrailEvent> listener,
                                Clock clock) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public AuditTrailOptions {
        Objects.requireNonNull(trustedKeys, "trustedKeys");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        if (checkpointEveryRecords < 1 || checkpointEveryRecords > 1_000_000) {
            throw new IllegalArgumentException("checkpointEveryRecords must be 1..1000000, was "
                    + checkpointEveryRecords);
        }
        if (checkpointInterval.compareTo(Duration.ofSeconds(1)) < 0
                || checkpointInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("checkpointInterval must be 1 s..1 day, was " + checkpointInterval);
        }
        if (maxPendingBytes < (1 << 20) || maxPendingBytes > (1L << 30)) {
            throw new IllegalArgumentException("maxPendingBytes must be 1 MiB..1 GiB, was " + maxPendingBytes);
        }
    }

    /** @return no signer, checkpoints every 1000 records or 60 s, 16 MiB backlog, own callback thread, UTC clock */
    public static AuditTrailOptions defaults() {
        return new AuditTrailOptions(null, CheckpointKeys.none(), 1000, Duration.ofSeconds(60), 16L << 20, null,
                e -> { }, Clock.systemUTC());
    }

    /**
     * @param s the checkpoint signer; if it is also a {@link CheckpointVerifier} (HMAC) and no trusted key is set,
     *          it verifies the existing checkpoints too
     * @return a copy
     */
    public AuditTrailOptions withSigner(CheckpointSigner s) {
        CheckpointKeys keys = trustedKeys.isEmpty() && s instanceof CheckpointVerifier v
                ? CheckpointKeys.of(v) : trustedKeys;
        return new AuditTrailOptions(s, keys, checkpointEveryRecords, checkpointInterval, maxPendingBytes,
                callbackExecutor, listener, clock);
    }

    /** @param k trusted keys @return a copy */
    public AuditTrailOptions withTrustedKeys(CheckpointKeys k) {
        return new AuditTrailOptions(signer, k, checkpointEveryRecords, checkpointInterval, maxPendingBytes,
                callbackExecutor, listener, clock);
    }

    /**
     * @param records  records per checkpoint
     * @param interval longest unattested time
     * @return a copy
     */
    public AuditTrailOptions withCheckpoints(int records, Duration interval) {
        return new AuditTrailOptions(signer, trustedKeys, records, interval, maxPendingBytes, callbackExecutor,
                listener, clock);
    }

    /** @param bytes backlog limit @return a copy */
    public AuditTrailOptions withMaxPendingBytes(long bytes) {
        return new AuditTrailOptions(signer, trustedKeys, checkpointEveryRecords, checkpointInterval, bytes,
                callbackExecutor, listener, clock);
    }

    /** @param e callback executor @return a copy */
    public AuditTrailOptions withCallbackExecutor(Executor e) {
        return new AuditTrailOptions(signer, trustedKeys, checkpointEveryRecords, checkpointInterval,
                maxPendingBytes, e, listener, clock);
    }

    /** @param l event listener @return a copy */
    public AuditTrailOptions withListener(Consumer<AuditTrailEvent> l) {
        return new AuditTrailOptions(signer, trustedKeys, checkpointEveryRecords, checkpointInterval,
                maxPendingBytes, callbackExecutor, l, clock);
    }

    /** @param c clock @return a copy */
    public AuditTrailOptions withClock(Clock c) {
        return new AuditTrailOptions(signer, trustedKeys, checkpointEveryRecords, checkpointInterval,
                maxPendingBytes, callbackExecutor, listener, c);
    }
}
