package org.vigie.link.vehicle;

import io.dronefleet.mavlink.minimal.Heartbeat;
import java.util.Objects;
import java.util.function.Supplier;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.command.Target;
import org.vigie.link.time.Scheduler;

/**
 * The one place that knows which autopilot a port is attached to and whether it is alive: locks onto a configured
 * system id, or onto the first system whose component 1 sends a HEARTBEAT with a real autopilot type; keeps its
 * component, its flavour and its HEARTBEAT liveness. As a {@code Supplier<Target>} it addresses the link services
 * (system 1, component 1, ArduPilot until an autopilot is heard).
 *
 * <p><b>Liveness in the autopilot's time.</b> {@link #heartbeatAgeMs()} counts only silence for which there is
 * evidence ({@link MavlinkPort#provenSilenceNanos}, the link's one rule): time up to which this port's event thread had processed every frame already
 * handed to it. When the event thread is late (busy planning, descheduled on a loaded machine, paused by the garbage
 * collector) the age stops growing with the clock: at a speed-up of 50 a 100 ms hiccup of the thread is 5 s of
 * scheduler time, which must not read as 5 s of autopilot silence; once the thread catches up, the HEARTBEATs that
 * waited are processed first. On a thread that is never late (every {@link org.vigie.link.time.ManualScheduler} test)
 * the age equals scheduler time since the last HEARTBEAT.
 *
 * <p>Threading: state is written on the port's event thread; the accessors read volatile fields and may be called from
 * any thread.
 */
public final class AttachedAutopilot implements Supplier<Target>, AutoCloseable {

    private final Scheduler scheduler;
    private final Subscription sub;
    private final MavlinkPort port;
    private volatile int sysId;
    private volatile int compId = -1;
    private volatile AutopilotFlavour flavour = AutopilotFlavour.GENERIC;
    private volatile long lastHeartbeatNanos;
    private volatile boolean heard;
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
        this.port = port;
        this.sub = port.subscribe(Heartbeat.class, this::onHeartbeat);
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
        lastHeartbeatNanos = scheduler.nanoTime();
        heard = true;
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
        return heard;
    }

    /** @return how many HEARTBEATs of the autopilot were received */
    public long heartbeats() {
        return heartbeats;
    }

    /**
     * How long the autopilot has been proven silent: scheduler milliseconds since its last HEARTBEAT, counting only
     * time up to which this port had processed every frame received (see the class comment).
     *
     * @return milliseconds, Long.MAX_VALUE if never heard
     */
    public long heartbeatAgeMs() {
        return heard ? port.provenSilenceNanos(lastHeartbeatNanos) / 1_000_000L : Long.MAX_VALUE;
    }

    /**
     * Scheduler milliseconds since the last HEARTBEAT by the clock alone, whether or not this port kept up.
     *
     * @return milliseconds, Long.MAX_VALUE if never heard
     */
    public long heartbeatClockAgeMs() {
        return heard ? (scheduler.nanoTime() - lastHeartbeatNanos) / 1_000_000L : Long.MAX_VALUE;
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

    /** Unsubscribes. */
    @Override
    public void close() {
        sub.close();
    }
}
