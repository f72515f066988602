package org.vigie.examples;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.SystemTime;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;

/**
 * Measures the autopilot's clock rate against the companion's ({@link ClockRate}): the first {@code time_boot_ms}
 * heard from the autopilot (component 1) and the companion's scheduler time at that moment, then the first sample at
 * least {@link #SPAN} later by both clocks and {@link #MIN_WALL_S} later by the wall clock. A {@code time_boot_ms} that goes back (a reboot) starts again. If no two
 * samples arrive within {@code giveUp} of companion time, the autopilot's HEARTBEATs (one per second of its time)
 * judge instead when they were heard for at least {@link #MIN_HEARTBEAT_SPAN}: fewer than half the expected number is
 * an autopilot far slower than the companion (a companion at {@code --speedup 100} beside an autopilot at 1x hears
 * one HEARTBEAT per 100 s of its time, and no telemetry stream can even be set up); otherwise the result is empty
 * (nothing to judge by: the launcher says so and flies). Samples are taken on the event thread as frames are handled; the result completes there.
 *
 * <p>Threading: started from any thread; its state lives on the port's event thread.
 */
final class ClockRateCheck {

    /** The least companion time over which HEARTBEATs are counted. */
    static final Duration MIN_HEARTBEAT_SPAN = Duration.ofSeconds(10);
    /**
     * The least wall-clock time a measurement spans, s: at a speed-up of 20 two seconds of either clock pass in
     * 100 ms, where a thread's scheduling jitter (a JVM still compiling) would weigh too much.
     */
    static final double MIN_WALL_S = 1.0;
    /** How much of each clock a measurement spans at least. */
    static final Duration SPAN = Duration.ofSeconds(2);

    private final MavlinkPort port;
    private final CompletableFuture<Optional<ClockRate>> result = new CompletableFuture<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private long firstBootMs = -1;
    private long firstNanos;
    private long firstWallNanos;
    private long lastBootMs = -1;
    private int heartbeats;
    private long firstHeartbeatNanos;

    private final Duration giveUp;

    private ClockRateCheck(MavlinkPort port, Duration giveUp) {
        this.port = port;
        this.giveUp = giveUp;
    }

    /**
     * Starts measuring.
     *
     * @param port   the link to the autopilot
     * @param giveUp companion time after the first HEARTBEAT (or, if none is heard, twice that after the start) after
     *               which HEARTBEATs judge, or the result is empty
     * @return the measured rate, or empty; completed on the event thread
     */
    static CompletableFuture<Optional<ClockRate>> start(MavlinkPort port, Duration giveUp) {
        ClockRateCheck c = new ClockRateCheck(port, giveUp);
        port.scheduler().execute(() -> {
            c.subscriptions.add(port.subscribe(SystemTime.class, (m, f) -> c.sample(m.timeBootMs(), f)));
            c.subscriptions.add(port.subscribe(Attitude.class, (m, f) -> c.sample(m.timeBootMs(), f)));
            c.subscriptions.add(port.subscribe(GlobalPositionInt.class, (m, f) -> c.sample(m.timeBootMs(), f)));
            c.subscriptions.add(port.subscribe(Heartbeat.class, (m, f) -> c.heartbeat(f)));
            port.scheduler().schedule(giveUp.multipliedBy(2), () -> {
                if (c.heartbeats == 0) {
                    c.finish(Optional.empty());
                }
            });
        });
        return c.result;
    }

    private void sample(long bootMs, MavlinkFrame f) {
        if (result.isDone() || f.compId() != 1) {
            return;
        }
        long now = port.scheduler().nanoTime();
        if (firstBootMs < 0 || bootMs < lastBootMs) {
            firstBootMs = bootMs;
            firstNanos = now;
            firstWallNanos = System.nanoTime();
        }
        lastBootMs = bootMs;
        double autopilotS = (bootMs - firstBootMs) / 1e3;
        double companionS = (now - firstNanos) / 1e9;
        double spanS = SPAN.toNanos() / 1e9;
        double wallS = (System.nanoTime() - firstWallNanos) / 1e9;
        if (autopilotS >= spanS && companionS >= spanS && wallS >= MIN_WALL_S) {
            finish(Optional.of(new ClockRate(autopilotS / companionS, autopilotS, companionS, false)));
        }
    }

    private void heartbeat(MavlinkFrame f) {
        if (f.compId() != 1) {
            return;
        }
        if (heartbeats++ == 0) {
            firstHeartbeatNanos = port.scheduler().nanoTime();
            port.scheduler().schedule(giveUp, this::giveUp);
        }
    }

    private void giveUp() {
        double companionS = (port.scheduler().nanoTime() - firstHeartbeatNanos) / 1e9;
        if (heartbeats > 0 && companionS >= MIN_HEARTBEAT_SPAN.toNanos() / 1e9) {
            ClockRate r = new ClockRate(heartbeats / companionS, heartbeats, companionS, true);
            finish(r.ratio() < ClockRate.MIN_MATCH ? Optional.of(r) : Optional.empty());
        } else {
            finish(Optional.empty());
        }
    }

    private void finish(Optional<ClockRate> r) {
        if (result.isDone()) {
            return;
        }
        subscriptions.forEach(Subscription::close);
        result.complete(r);
    }
}
