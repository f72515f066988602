package org.vigie.link.vehicle;

import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.command.Target;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * The one place that knows which autopilot a port is attached to and whether it is alive: locks onto a configured
 * system id, or onto the first system whose component 1 sends a HEARTBEAT with a real autopilot type; keeps its
 * component, its flavour and its HEARTBEAT liveness. As a {@code Supplier<Target>} it addresses the link services
 * (system 1, component 1, ArduPilot until an autopilot is heard).
 *
 * <p><b>Liveness in the autopilot's time.</b> {@link #heartbeatAgeMs()} counts only silence for which there is
 * evidence: time during which this port's event thread had processed every frame already handed to it. A pulse on the
 * event thread ({@link #PULSE_MS} of scheduler time) posts a marker behind the frames queued so far; when the marker
 * runs, every frame received before the pulse has been seen, so a HEARTBEAT missing up to that instant is really
 * missing. When the event thread is late (busy planning, descheduled on a loaded machine, paused by the garbage
 * collector) the markers stop and the age stops growing with the clock: at a speed-up of 50 a 100 ms hiccup of the
 * thread is 5 s of scheduler time, which must not read as 5 s of autopilot silence. Once the thread catches up, the
 * queued frames (with their HEARTBEATs) are processed before the next marker. On a thread that is never late (every
 * {@link org.vigie.link.time.ManualScheduler} test) the age equals scheduler time since the last HEARTBEAT.
 *
 * <p>Threading: state is written on the port's event thread; the accessors read volatile fields and may be called from
 * any thread.
 */
public final class AttachedAutopilot implements Supplier<Target>, AutoCloseable {

    /** Period of the event-thread pulse that proves the frames received so far were processed, scheduler ms. */
    public static final long PULSE_MS = 100;

    private final Scheduler scheduler;
    private final Subscription sub;
    private final Cancellable pulse;
    private volatile int sysId;
    private volatile int compId = -1;
    private volatile AutopilotFlavour flavour = AutopilotFlavour.GENERIC;
    private volatile long lastHeartbeatMs = Long.MIN_VALUE;
    private volatile long caughtUpMs;
    private volatile long heartbeats;

    /**
     * Subscribes to HEARTBEAT and starts the liveness pulse on the port's scheduler.
     *
     * @param port  the link
     * @param sysId the autopilot's system id 1..255, or -1 to lock onto the first autopilot heard
     * @throws IllegalArgumentException for another system id
     */
    public AttachedAutopilot(MavlinkPort port, int sysId) {
        if (sysId != -1 && (sysId < 1 || sysId > 255)) {
            throw new IllegalArgumentException("autopilot system id " + sysId + " must be -1 or 1..255");
        }
        Objects.requireNonNull(port, "port");
        this.scheduler = port.scheduler();
        this.sysId = sysId;
        this.caughtUpMs = scheduler.monotonicMs();
        this.sub = port.subscribe(Heartbeat.class, this::onHeartbeat);
        this.pulse = scheduler.scheduleAtFixedRate(Duration.ofMillis(PULSE_MS), Duration.ofMillis(PULSE_MS), () -> {
            long postedMs = scheduler.monotonicMs();
            scheduler.execute(() -> caughtUpMs = postedMs);
        });
    }

    private void onHeartbeat(Heartbeat h, MavlinkFrame f) {
        int autopilot = h.autopilot() == null ? 0 : h.autopilot().value();
        if (autopilot == AutopilotFlavour.MAV_AUTOPILOT_INVALID) {
            return;
        }
        if (sysId < 0) {
            if (f.compId() != 1) {
                return;
            }
            sysId = f.sysId();
        }
        if (f.sysId() != sysId || (compId >= 0 && f.compId() != compId)) {
            return;
        }
        compId = f.compId();
        flavour = AutopilotFlavour.fromMavAutopilot(autopilot);
        lastHeartbeatMs = scheduler.monotonicMs();
        heartbeats++;
    }

    /** @return the autopilot as the link services address it (system 1, component 1, ArduPilot until heard) */
    @Override
    public Target get() {
        int s = sysId;
        int c = compId;
        return new Target(s > 0 ? s : 1, c >= 0 ? c : 1,
                flavour == AutopilotFlavour.PX4 ? AutopilotFlavour.PX4 : AutopilotFlavour.ARDUPILOT);
    }

    /** @return the autopilot's system id, -1 until one was heard (when not configured) */
    public int sysId() {
        return sysId;
    }

    /** @return the autopilot's component id, -1 until heard */
    public int compId() {
        return compId;
    }

    /** @return the flavour from its HEARTBEAT, GENERIC until heard */
    public AutopilotFlavour flavour() {
        return flavour;
    }

    /** @return whether a HEARTBEAT from the autopilot was heard */
    public boolean heard() {
        return lastHeartbeatMs != Long.MIN_VALUE;
    }

    /** @return how many HEARTBEATs of the autopilot were received */
    public long heartbeats() {
        return heartbeats;
    }

    /**
     * How long the autopilot has been proven silent: scheduler milliseconds since its last HEARTBEAT, counting only
     * time up to which this port had processed every frame received (see the class comment), plus one pulse.
     *
     * @return milliseconds, Long.MAX_VALUE if never heard
     */
    public long heartbeatAgeMs() {
        long last = lastHeartbeatMs;
        if (last == Long.MIN_VALUE) {
            return Long.MAX_VALUE;
        }
        long byClock = scheduler.monotonicMs() - last;
        long byEvidence = Math.max(0, caughtUpMs - last) + PULSE_MS;
        return Math.max(0, Math.min(byClock, byEvidence));
    }

    /**
     * Scheduler milliseconds since the last HEARTBEAT by the clock alone, whether or not this port kept up.
     *
     * @return milliseconds, Long.MAX_VALUE if never heard
     */
    public long heartbeatClockAgeMs() {
        long last = lastHeartbeatMs;
        return last == Long.MIN_VALUE ? Long.MAX_VALUE : scheduler.monotonicMs() - last;
    }

    /**
     * Whether the autopilot counts as alive.
     *
     * @param timeoutMs proven HEARTBEAT silence after which it is lost, scheduler ms
     * @return true if heard and silent for at most {@code timeoutMs}
     */
    public boolean alive(long timeoutMs) {
        return heard() && heartbeatAgeMs() <= timeoutMs;
    }

    /** Unsubscribes and stops the pulse. */
    @Override
    public void close() {
        sub.close();
        pulse.cancel();
    }
}
