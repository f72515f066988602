package org.vigie.mission.flight.step;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.vigie.link.command.CommandOutcome;

/**
 * One work item of the flight, in the shape of MAVSDK's mission-transfer work items: each step has its own stages,
 * deadline and retries, is started exactly once (its first {@link #run()}) and finished exactly once
 * ({@link #finish()}, by the state machine when the step is superseded or the flight ends, or by the step itself when
 * it hands over). A result that arrives for a finished step is dropped here, by construction: there is no global
 * epoch counter.
 *
 * <p>A step reacts to two kinds of events: the results of its commands and transfers ({@link #await}, delivered on
 * the event thread) and the flight's decision tick ({@link #run()}), at which it judges telemetry and deadlines.
 *
 * <p>Threading: the flight's event thread only.
 */
public abstract class FlightStep {

    private enum Life { NEW, RUNNING, FINISHED }

    /** The state machine this step works for. */
    protected final StepHost host;
    private Life life = Life.NEW;
    private long startedMs;
    private org.vigie.link.time.@Nullable Cancellable timer;

    /** @param host the state machine */
    protected FlightStep(StepHost host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Runs the step: started the first time, then at every tick or kick until it has finished. */
    public final void run() {
        if (life == Life.FINISHED) {
            return;
        }
        long now = host.nowMs();
        if (life == Life.NEW) {
            life = Life.RUNNING;
            startedMs = now;
        }
        step(now);
    }

    /**
     * One pass of the step.
     *
     * @param nowMs the flight's clock, milliseconds
     */
    protected abstract void step(long nowMs);

    /**
     * Finishes the step; later results and runs are ignored.
     *
     * @return true the first time, false when it had already finished
     */
    public final boolean finish() {
        if (life == Life.FINISHED) {
            return false;
        }
        life = Life.FINISHED;
        cancelTimer();
        return true;
    }

    /** @return whether the step has finished */
    public final boolean finished() {
        return life == Life.FINISHED;
    }

    /** @return when the step started, flight clock milliseconds (0 before it started) */
    protected final long startedMs() {
        return startedMs;
    }

    /**
     * Delivers a command's or a transfer's result to this step on the event thread, unless the step has finished
     * meanwhile. A future that fails (the link closed) fails the flight.
     *
     * @param f    the result to wait for
     * @param then what to do with it
     * @param <T>  the result type
     */
    public final <T> void await(CompletableFuture<T> f, Consumer<T> then) {
        org.vigie.link.Futures.listen(f, (v, err) -> host.execute(() -> {
            if (life == Life.FINISHED) {
                return;
            }
            if (err != null) {
                host.fail(org.vigie.dispatch.FlightOutcome.FAILED, "link failure during " + host.phase() + ": " + err);
                return;
            }
            then.accept(v);
        }));
    }

    /**
     * Arms this step's one timer (a deadline or a retry wait), replacing any armed before: at flight clock
     * {@code atMs} the task runs on the event thread, unless the step has finished by then.
     *
     * @param atMs   when, flight clock milliseconds
     * @param onTime what to do then
     */
    protected final void timerAt(long atMs, Runnable onTime) {
        cancelTimer();
        timer = host.schedule(Math.max(0, atMs - host.nowMs()), () -> {
            if (life != Life.FINISHED) {
                timer = null;
                onTime.run();
            }
        });
    }

    /** Disarms this step's timer, if any. */
    protected final void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Runs this step again soon (after a result), through the state machine. */
    protected final void kick() {
        host.kick(this);
    }

    /**
     * @return whether this step judges on the vehicle's position and altitude (leg progress, arrival, climb, landing):
     *         such a step runs again at each GLOBAL_POSITION_INT, not only at the decision tick. Default: false.
     */
    public boolean reactsToPosition() {
        return false;
    }

    /** Called when the autopilot link is back after a loss: re-send what may have been lost. Default: nothing. */
    public void linkBack() {
    }

    /**
     * @param o a command outcome
     * @return the autopilot's STATUSTEXT explanations, ": a; b", or empty
     */
    public static String describe(CommandOutcome o) {
        return o.statusTexts().isEmpty() ? "" : ": " + String.join("; ", o.statusTexts());
    }

    /** @return the value with one decimal */
    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
