package org.vigie.mission.remoteid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigie.link.MavlinkPort;
import org.vigie.link.command.Target;
import org.vigie.link.time.Cancellable;

/**
 * Gives the autopilot, from the moment the companion attaches, what only the operator knows for Remote ID:
 * OPEN_DRONE_ID_SYSTEM (operator location) every {@link RemoteIdConfig#systemPeriod()}, and each static message
 * (OPEN_DRONE_ID_OPERATOR_ID, OPEN_DRONE_ID_SELF_ID, and OPEN_DRONE_ID_BASIC_ID when configured) every
 * {@link RemoteIdConfig#staticPeriod()}, spaced evenly, as ArduPilot's AP_OpenDroneID expects them from a ground
 * station. The autopilot caches them and forwards them to its transmitter; its pre-arm check refuses arming while
 * SYSTEM is older than 3 s. The messages do not change with dispatches: nothing of an incident is broadcast.
 *
 * <p>Threading: sends from the port's event thread (two periodic tasks); {@link #close()} and the counters may be
 * used from any thread.
 */
public final class RemoteIdBroadcaster implements AutoCloseable {

    private volatile List<Cancellable> timers = List.of();
    private final AtomicLong systemSent = new AtomicLong();
    private final AtomicLong staticSent = new AtomicLong();
    private volatile boolean closed;

    private RemoteIdBroadcaster() {
    }

    /**
     * Starts sending at once.
     *
     * @param port      the link to the autopilot
     * @param autopilot the autopilot's target (the companion's {@code AutopilotLock})
     * @param config    what to send
     * @return the running broadcaster
     */
    public static RemoteIdBroadcaster start(MavlinkPort port, Supplier<Target> autopilot, RemoteIdConfig config) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(autopilot, "autopilot");
        Objects.requireNonNull(config, "config");
        RemoteIdBroadcaster b = new RemoteIdBroadcaster();
        List<Function<Target, Object>> statics = new ArrayList<>();
        statics.add(t -> RemoteIdMessages.operatorId(config, t));
        statics.add(t -> RemoteIdMessages.selfId(config, t));
        if (config.uasSerialNumber().isPresent()) {
            statics.add(t -> RemoteIdMessages.basicId(config, t));
        }
        Duration spacing = config.staticPeriod().dividedBy(statics.size());
        int[] next = {0};
        Cancellable system = port.scheduler().scheduleAtFixedRate(Duration.ZERO, config.systemPeriod(), () -> {
            if (!b.closed) {
                port.send(RemoteIdMessages.system(config, autopilot.get(), port.scheduler().now()));
                b.systemSent.incrementAndGet();
            }
        });
        Cancellable statik = port.scheduler().scheduleAtFixedRate(Duration.ZERO, spacing, () -> {
            if (!b.closed) {
                port.send(statics.get(next[0]).apply(autopilot.get()));
                next[0] = (next[0] + 1) % statics.size();
                b.staticSent.incrementAndGet();
            }
        });
        b.timers = List.of(system, statik);
        return b;
    }

    /** @return OPEN_DRONE_ID_SYSTEM messages sent so far */
    public long systemSent() {
        return systemSent.get();
    }

    /** @return static OPEN_DRONE_ID messages sent so far */
    public long staticSent() {
        return staticSent.get();
    }

    /** Stops sending. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Cancellable c : timers) {
            c.cancel();
        }
    }
}
