package org.vigie.link.signing;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * The local signing timestamp of one system: 48-bit, 10 µs units since 2015-01-01T00:00:00Z, following the MAVLink
 * specification's timestamp rules.
 *
 * <ul>
 *   <li>{@link #next()} (one call per signed outgoing frame) returns {@code max(last + 1, now)}, so timestamps are
 *       strictly increasing even at more than 100,000 frames/s, and follow the scheduler's clock otherwise;</li>
 *   <li>{@link #observe(long)} raises the local timestamp to that of an accepted incoming frame if it is ahead;</li>
 *   <li>persistence: whenever the timestamp has moved {@link #PERSIST_STEP} (30 s) past the last stored value it is
 *       saved to the {@link TimestampStore} before being used, so every timestamp ever used is below
 *       {@code stored + 60 s}; on {@link #open} the first timestamp is {@code max(stored + 60 s, now)}. A restart
 *       therefore never reuses a timestamp, as long as saves succeed (a failed save is logged and counted in
 *       {@link #persistFailures()}; it is retried on the next call).</li>
 * </ul>
 * The saves happen synchronously on the calling thread, at most once per 30 s of timestamp advance (a small file
 * write, see {@link AtomicFileTimestampStore}).
 *
 * <p>Threading: thread-safe (the signer calls {@link #next()} on the writer thread, the checker calls
 * {@link #observe} and {@link #current()} on the event thread). Time comes only from the injected
 * {@link Scheduler#now()}.
 */
public final class SigningTimestamps {

    /** Advance of the timestamp (30 s, in 10 µs units) that triggers a save. */
    public static final long PERSIST_STEP = Signing.ONE_MINUTE / 2;

    private static final Logger LOG = LoggerFactory.getLogger(SigningTimestamps.class);

    private final Scheduler scheduler;
    private final TimestampStore store;
    private final AtomicLong last;
    private final Object saveLock = new Object();
    private volatile long persisted;
    private final AtomicLong persistFailures = new AtomicLong();

    private SigningTimestamps(Scheduler scheduler, TimestampStore store, long first) {
        this.scheduler = scheduler;
        this.store = store;
        this.last = new AtomicLong(first - 1);
        this.persisted = -1;
    }

    /**
     * Loads the stored timestamp and starts the local timestamp at {@code max(stored + 60 s, now)} (just {@code now}
     * when nothing was stored), then saves that start value.
     *
     * @param scheduler the time source
     * @param store where the timestamp is persisted
     * @return the timestamp source
     * @throws IOException if the store cannot be read, or the start value cannot be saved
     */
    public static SigningTimestamps open(Scheduler scheduler, TimestampStore store) throws IOException {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(store, "store");
        OptionalLong stored = store.load();
        long now = Signing.timestampOf(scheduler.now());
        long first = stored.isPresent() ? Math.max(stored.getAsLong() + Signing.ONE_MINUTE, now) : now;
        first = Math.max(1, Math.min(first, Signing.MAX_TIMESTAMP));
        SigningTimestamps t = new SigningTimestamps(scheduler, store, first);
        store.save(first);
        t.persisted = first;
        return t;
    }

    /**
     * The timestamp for the next signed outgoing frame: {@code max(last + 1, now)}, strictly greater than every
     * value returned or observed before.
     *
     * @return 48-bit timestamp
     */
    public long next() {
        long now = Signing.timestampOf(scheduler.now());
        long v;
        while (true) {
            long prev = last.get();
            v = Math.max(prev + 1, now);
            if (last.compareAndSet(prev, v)) {
                break;
            }
        }
        persistIfDue(v);
        return v;
    }

    /**
     * Raises the local timestamp to that of an accepted incoming signed frame, if it is ahead (the specification's
     * rule, so that our next frames are not judged stale by that peer). As in the reference C library, the next
     * outgoing frame may then carry the observed value itself (it belongs to another stream): {@link #next()} returns
     * at least {@code timestamp}.
     *
     * @param timestamp the incoming frame's timestamp; values outside 48 bits are ignored
     */
    public void observe(long timestamp) {
        if (timestamp < 1 || timestamp > Signing.MAX_TIMESTAMP) {
            return;
        }
        long prev = last.getAndAccumulate(timestamp - 1, Math::max);
        if (timestamp - 1 > prev) {
            persistIfDue(timestamp - 1);
        }
    }

    /**
     * Our current time for replay judgements: the least value the next frame may carry, {@code max(last + 1, now)}
     * (the reference C library's {@code signing->timestamp}).
     *
     * @return 48-bit timestamp
     */
    public long current() {
        return Math.max(last.get() + 1, Signing.timestampOf(scheduler.now()));
    }

    /** @return the last timestamp returned by {@link #next()}, or one less than the highest observed one */
    public long last() {
        return last.get();
    }

    /** @return the last value successfully saved to the store */
    public long persisted() {
        return persisted;
    }

    /** @return how many saves failed */
    public long persistFailures() {
        return persistFailures.get();
    }

    /**
     * Saves the current value now (call on orderly shutdown, or from a periodic task).
     *
     * @throws IOException if the store fails
     */
    public void persist() throws IOException {
        synchronized (saveLock) {
            long v = last.get();
            if (v > persisted) {
                store.save(v);
                persisted = v;
            }
        }
    }

    /**
     * Also saves the timestamp periodically on the scheduler's event thread (the specification's "at least once a
     * minute"), on top of the saves {@link #next()} makes as the timestamp advances. Failures are logged and counted.
     *
     * @param period how often, between 1 s and 60 s
     * @return a handle that stops the periodic saves
     * @throws IllegalArgumentException if the period is outside 1..60 s
     */
    public Cancellable persistEvery(Duration period) {
        if (period == null || period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("signing timestamp save period must be 1 s .. 60 s, was " + period);
        }
        return scheduler.scheduleAtFixedRate(period, period, () -> {
            try {
                persist();
            } catch (IOException | RuntimeException e) {
                persistFailures.incrementAndGet();
                LOG.warn("could not save the signing timestamp to {}: {}", store, e.toString());
            }
        });
    }

    private void persistIfDue(long v) {
        if (v - persisted < PERSIST_STEP) {
            return;
        }
        synchronized (saveLock) {
            if (v - persisted < PERSIST_STEP) {
                return;
            }
            try {
                long target = Math.max(v, last.get());
                store.save(target);
                persisted = target;
            } catch (IOException | RuntimeException e) {
                persistFailures.incrementAndGet();
                LOG.warn("could not save the signing timestamp to {}: {}", store, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "SigningTimestamps[last=" + last.get() + " persisted=" + persisted + "]";
    }
}
