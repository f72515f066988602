package org.vigie.link.time;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a peer has been <em>proven</em> silent, as opposed to how long ago a late thread last looked: the rule
 * every "the peer went silent" time-out of the link follows (autopilot HEARTBEAT liveness, peer loss).
 *
 * <p>A pulse on the event thread (every {@code pulse} of scheduler time) posts a marker behind the tasks already
 * queued, frames from the transports among them; when the marker runs, everything received before the pulse has been
 * processed, so a frame missing up to that instant is really missing. When the event thread is late (busy, descheduled
 * on a loaded machine, paused by the garbage collector) the markers stop and proven silence stops growing with the
 * clock; once the thread catches up, the frames that waited are processed before the next marker. On a thread that is
 * never late (every {@link ManualScheduler} test) proven silence equals scheduler time since the last frame.
 *
 * <p>Threading: markers run on the event thread; {@link #provenSilenceNanos} may be called from any thread.
 */
public final class SilenceEvidence implements Cancellable {

    /** The pulse the link uses: 100 ms of scheduler time. */
    public static final Duration DEFAULT_PULSE = Duration.ofMillis(100);

    private final Scheduler scheduler;
    private final long pulseNanos;
    private final Cancellable pulse;
    private volatile long processedUpToNanos;

    private SilenceEvidence(Scheduler scheduler, Duration pulse) {
        this.scheduler = scheduler;
        this.pulseNanos = pulse.toNanos();
        this.processedUpToNanos = scheduler.nanoTime();
        this.pulse = scheduler.scheduleAtFixedRate(pulse, pulse, () -> {
            long postedNanos = scheduler.nanoTime();
            scheduler.execute(() -> processedUpToNanos = postedNanos);
        });
    }

    /**
     * Starts the pulse on a scheduler.
     *
     * @param scheduler the event thread and clock
     * @param pulse     period of the pulse, scheduler time, positive
     * @return the running evidence; {@link #cancel()} stops it
     * @throws IllegalArgumentException if the pulse is not positive
     */
    public static SilenceEvidence start(Scheduler scheduler, Duration pulse) {
        Objects.requireNonNull(scheduler, "scheduler");
        if (pulse.isNegative() || pulse.isZero()) {
            throw new IllegalArgumentException("pulse must be positive, was " + pulse);
        }
        return new SilenceEvidence(scheduler, pulse);
    }

    /**
     * Proven silence since an instant: scheduler time since {@code sinceNanos}, counted only up to the last instant
     * by which the event thread had processed everything handed to it, plus one pulse.
     *
     * @param sinceNanos when the peer was last heard, on {@link Scheduler#nanoTime()}
     * @return nanoseconds, never negative
     */
    public long provenSilenceNanos(long sinceNanos) {
        long byClock = scheduler.nanoTime() - sinceNanos;
        long byEvidence = Math.max(0, processedUpToNanos - sinceNanos) + pulseNanos;
        return Math.max(0, Math.min(byClock, byEvidence));
    }

    /** Stops the pulse. */
    @Override
    public void cancel() {
        pulse.cancel();
    }
}
