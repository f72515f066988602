package org.vigie.mission.flight.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.flight.FlavourStrategy;
import org.vigie.mission.flight.FlightContext;
import org.vigie.mission.flight.FlightPlan;

/** The work-item contract every step inherits: started once, finished once, late results dropped. */
class FlightStepTest {

    /** Runs posted tasks only when asked (like the event thread between two events); records failures. */
    static final class Host implements StepHost {
        final ArrayDeque<Runnable> posted = new ArrayDeque<>();
        final List<String> failures = new ArrayList<>();
        long now = 1000;

        /** Timers: due time and task; a cancelled one is removed. */
        final List<Object[]> timers = new ArrayList<>();

        void advanceTo(long ms) {
            now = ms;
            for (Object[] tm : List.copyOf(timers)) {
                if ((long) tm[0] <= ms && timers.remove(tm)) {
                    ((Runnable) tm[1]).run();
                }
            }
            drain();
        }

        @Override
        public org.vigie.link.time.Cancellable schedule(long delayMs, Runnable task) {
            Object[] tm = {now + delayMs, task};
            timers.add(tm);
            return () -> timers.remove(tm);
        }

        void drain() {
            Runnable r;
            while ((r = posted.poll()) != null) {
                r.run();
            }
        }

        @Override public FlightContext ctx() { throw new UnsupportedOperationException(); }
        @Override public FlavourStrategy strategy() { return null; }
        @Override public FlightPlan plan() { throw new UnsupportedOperationException(); }
        @Override public FlightPhase phase() { return FlightPhase.UPLOAD; }
        @Override public long phaseEnteredMs() { return 0; }
        @Override public void brakeDone() { }
        @Override public DispatchRequest request() { throw new UnsupportedOperationException(); }
        @Override public long nowMs() { return now; }
        @Override public void execute(Runnable task) { posted.add(task); }
        @Override public void kick(FlightStep step) { posted.add(step::run); }
        @Override public void then(FlightStep next) { }
        @Override public void enter(FlightPhase to, String reason) { }
        @Override public void fail(FlightOutcome outcome, String reason) { failures.add(outcome + ": " + reason); }
        @Override public void failOnGround(String reason) { }
        @Override public void failsafeLand(String reason) { }
        @Override public void landed(String reason) { }
        @Override public void warn(String message) { }
        @Override public void requestMode(String mode, FlightStep owner, Runnable onAccepted) { }
        @Override public boolean takeRelease() { return false; }
        @Override public boolean modeConfirmed() { return false; }
        @Override public boolean dispatchLost() { return false; }
        @Override public GeoPoint here() { return GeoPoint.of(0, 0); }
        @Override public double horizontalM(GeoPoint a, GeoPoint b) { return 0; }
    }

    /** Sends one request on its first run and counts what comes back. */
    static final class Probe extends FlightStep {
        final CompletableFuture<String> answer = new CompletableFuture<>();
        final List<String> received = new ArrayList<>();
        int runs;
        int sends;

        Probe(StepHost host) {
            super(host);
        }

        @Override
        protected void step(long nowMs) {
            runs++;
            if (sends == 0) {
                sends++;
                await(answer, received::add);
            }
        }
    }

    @Test
    void startsOnceAtItsFirstRunAndDeliversItsResultOnTheEventThread() {
        Host host = new Host();
        Probe p = new Probe(host);
        host.now = 1234;
        p.run();
        host.now = 1500;
        p.run();
        assertThat(p.startedMs()).isEqualTo(1234);
        assertThat(p.sends).isEqualTo(1);
        p.answer.complete("ok");
        assertThat(p.received).as("not before the event thread runs it").isEmpty();
        host.drain();
        assertThat(p.received).containsExactly("ok");
    }

    @Test
    void aFinishedStepFinishesOnceIgnoresLateResultsAndNeverRunsAgain() {
        Host host = new Host();
        Probe p = new Probe(host);
        p.run();
        assertThat(p.finish()).isTrue();
        assertThat(p.finish()).as("finished exactly once").isFalse();
        p.answer.complete("late");
        host.drain();
        p.run();
        assertThat(p.received).as("a superseded step drops its late result").isEmpty();
        assertThat(p.runs).isEqualTo(1);
        assertThat(p.finished()).isTrue();
    }

    /** Arms a timer on its first run and counts when it fires. */
    static final class Timed extends FlightStep {
        int fired;

        Timed(StepHost host) {
            super(host);
        }

        @Override
        protected void step(long nowMs) {
            timerAt(nowMs + 500, () -> fired++);
        }
    }

    @Test
    void aStepTimerFiresOnceAtItsTimeIsReplacedWhenArmedAgainAndDiesWithTheStep() {
        Host host = new Host();
        Timed s = new Timed(host);
        s.run();
        host.advanceTo(1200);
        s.run();
        assertThat(host.timers).as("arming again replaces the timer").hasSize(1);
        host.advanceTo(1699);
        assertThat(s.fired).isZero();
        host.advanceTo(1700);
        assertThat(s.fired).isEqualTo(1);
        s.run();
        s.finish();
        assertThat(host.timers).as("finishing cancels it").isEmpty();
        host.advanceTo(5000);
        assertThat(s.fired).isEqualTo(1);
    }

    @Test
    void aFailedFutureFailsTheFlightOnlyWhileTheStepIsCurrent() {
        Host host = new Host();
        Probe live = new Probe(host);
        live.run();
        live.answer.completeExceptionally(new IllegalStateException("link closed"));
        host.drain();
        assertThat(host.failures).singleElement().asString().startsWith("FAILED: link failure during UPLOAD");

        Probe gone = new Probe(host);
        gone.run();
        gone.finish();
        gone.answer.completeExceptionally(new IllegalStateException("link closed"));
        host.drain();
        assertThat(host.failures).hasSize(1);
    }
}
