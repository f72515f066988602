package org.vigie.mission.flight;

import java.util.function.Supplier;
import org.vigie.link.MavlinkPort;
import org.vigie.link.command.Target;
import org.vigie.link.vehicle.AttachedAutopilot;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * Which autopilot the companion works with, and whether it is alive: the flight's name for the port's one
 * {@link AttachedAutopilot} ({@link MavlinkPort#autopilot()}), which owns the lock (a configured system id, or the first
 * component 1 heard with a real autopilot type), the flavour, HEARTBEAT liveness judged in the autopilot's time and
 * reboots. This class only delegates.
 *
 * <p>As a {@code Supplier<Target>} it feeds the link services; before any autopilot is heard it answers system 1,
 * component 1, ArduPilot (the common defaults).
 *
 * <p>Threading: updated on the port's event thread; the accessors may be called from any thread.
 */
public final class AutopilotLock implements Supplier<Target>, AutoCloseable {

    private final AttachedAutopilot autopilot;

    /**
     * Delegates to the port's attached autopilot, requiring it to be {@code sysId} when one is given
     * ({@link AttachedAutopilot#requireSystem}).
     *
     * @param port  the link
     * @param sysId the autopilot's system id 1..255, or -1 to lock onto the first autopilot heard
     * @throws IllegalArgumentException for another system id, or one that differs from the port's configured one
     */
    public AutopilotLock(MavlinkPort port, int sysId) {
        this.autopilot = port.autopilot();
        autopilot.requireSystem(sysId);
    }

    /** @return the link component this lock delegates to */
    public AttachedAutopilot autopilot() {
        return autopilot;
    }

    /** @return the autopilot as the link services address it (system 1, component 1, ArduPilot until heard) */
    @Override
    public Target get() {
        return autopilot.get();
    }

    /** @return the autopilot's system id, -1 until one was heard (when not configured) */
    public int sysId() {
        return autopilot.sysId();
    }

    /** @return the autopilot's component id, -1 until heard */
    public int compId() {
        return autopilot.compId();
    }

    /** @return the flavour from its HEARTBEAT, GENERIC until heard */
    public AutopilotFlavour flavour() {
        return autopilot.flavour();
    }

    /** @return whether a HEARTBEAT from the autopilot was heard */
    public boolean heard() {
        return autopilot.heard();
    }

    /**
     * @return milliseconds (scheduler time) of proven silence since its last HEARTBEAT, Long.MAX_VALUE if never (see
     *         {@link AttachedAutopilot#heartbeatAgeMs()}: time when this side had not processed what it had received
     *         does not count)
     */
    public long heartbeatAgeMs() {
        return autopilot.heartbeatAgeMs();
    }

    /** Does nothing: the port's attached autopilot lives as long as the port. */
    @Override
    public void close() {
        // the port owns the attached autopilot
    }
}
