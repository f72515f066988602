package org.vigie.mission.flight;

import io.dronefleet.mavlink.minimal.Heartbeat;
import java.util.function.Supplier;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.command.Target;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * Which autopilot the companion works with: locks onto a configured system id, or onto the first system whose
 * component 1 sends a HEARTBEAT with a real autopilot type, and keeps its component, its flavour and the time of its
 * last HEARTBEAT (liveness). It reads only the sender's ids and the autopilot field: the vehicle's state (armed, mode,
 * status) is decoded once, by {@link org.vigie.link.telemetry.TelemetryService}.
 *
 * <p>As a {@code Supplier<Target>} it feeds the link services; before any autopilot is heard it answers system 1,
 * component 1, ArduPilot (the common defaults).
 *
 * <p>Threading: updated on the port's event thread; the accessors read volatile fields and may be called from any
 * thread.
 */
public final class AutopilotLock implements Supplier<Target>, AutoCloseable {

    private final MavlinkPort port;
    private final Subscription sub;
    private volatile int sysId;
    private volatile int compId = -1;
    private volatile AutopilotFlavour flavour = AutopilotFlavour.GENERIC;
    private volatile long lastHeartbeatMs = Long.MIN_VALUE;

    /**
     * Subscribes to HEARTBEAT.
     *
     * @param port  the link
     * @param sysId the autopilot's system id 1..255, or -1 to lock onto the first autopilot heard
     * @throws IllegalArgumentException for another system id
     */
    public AutopilotLock(MavlinkPort port, int sysId) {
        if (sysId != -1 && (sysId < 1 || sysId > 255)) {
            throw new IllegalArgumentException("autopilot system id " + sysId + " must be -1 or 1..255");
        }
        this.port = port;
        this.sysId = sysId;
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
        lastHeartbeatMs = port.scheduler().monotonicMs();
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

    /** @return milliseconds (scheduler time) since its last HEARTBEAT, Long.MAX_VALUE if never */
    public long heartbeatAgeMs() {
        long last = lastHeartbeatMs;
        return last == Long.MIN_VALUE ? Long.MAX_VALUE : port.scheduler().monotonicMs() - last;
    }

    /** Unsubscribes. */
    @Override
    public void close() {
        sub.close();
    }
}
