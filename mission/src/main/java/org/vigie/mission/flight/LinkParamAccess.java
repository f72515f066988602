package org.vigie.mission.flight;

import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.time.Cancellable;

/**
 * {@link ParamAccess} straight on the MAVLink parameter protocol: PARAM_SET (or PARAM_REQUEST_READ) resent every
 * {@code retryPeriod} up to {@code attempts} times until a PARAM_VALUE with that name arrives from the autopilot.
 * Values are sent as REAL32, which ArduPilot and PX4 convert to the parameter's own type. An unknown name gets no
 * answer (ArduPilot stays silent): the future then completes empty.
 *
 * <p>Threading: state lives on the port's event thread; methods may be called from any thread. Futures complete on
 * the event thread.
 */
public final class LinkParamAccess implements ParamAccess, AutoCloseable {

    private final MavlinkPort port;
    private final IntSupplier targetSys;
    private final IntSupplier targetComp;
    private final Duration retryPeriod;
    private final int attempts;
    private final List<Pending> pending = new ArrayList<>();
    private final Subscription sub;

    private final class Pending {
        final String name;
        final Runnable send;
        final CompletableFuture<OptionalDouble> future = new CompletableFuture<>();
        int sent;
        Cancellable timer;

        Pending(String name, Runnable send) {
            this.name = name;
            this.send = send;
        }
    }

    /**
     * @param port        the link
     * @param targetSys   autopilot system id, read when each request starts
     * @param targetComp  autopilot component id
     * @param retryPeriod time between resends
     * @param attempts    sends before giving up (&ge; 1)
     */
    public LinkParamAccess(MavlinkPort port, IntSupplier targetSys, IntSupplier targetComp, Duration retryPeriod,
                           int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts " + attempts + " must be >= 1");
        }
        this.port = port;
        this.targetSys = targetSys;
        this.targetComp = targetComp;
        this.retryPeriod = retryPeriod;
        this.attempts = attempts;
        this.sub = port.subscribe(ParamValue.class, (m, f) -> {
            if (f.sysId() != targetSys.getAsInt()) {
                return;
            }
            String id = m.paramId() == null ? "" : m.paramId().trim();
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.name.equals(id)) {
                    it.remove();
                    if (p.timer != null) {
                        p.timer.cancel();
                    }
                    p.future.complete(OptionalDouble.of(m.paramValue()));
                }
            }
        });
    }

    @Override
    public CompletableFuture<OptionalDouble> set(String name, double value) {
        checkName(name);
        return start(name, () -> port.send(ParamSet.builder().targetSystem(targetSys.getAsInt())
                .targetComponent(targetComp.getAsInt()).paramId(name).paramValue((float) value)
                .paramType(MavParamType.MAV_PARAM_TYPE_REAL32).build()));
    }

    @Override
    public CompletableFuture<OptionalDouble> read(String name) {
        checkName(name);
        return start(name, () -> port.send(ParamRequestRead.builder().targetSystem(targetSys.getAsInt())
                .targetComponent(targetComp.getAsInt()).paramId(name).paramIndex(-1).build()));
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 16) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be 1..16 characters");
        }
    }

    private CompletableFuture<OptionalDouble> start(String name, Runnable send) {
        Pending p = new Pending(name, send);
        port.scheduler().execute(() -> {
            pending.add(p);
            attempt(p);
        });
        return p.future;
    }

    private void attempt(Pending p) {
        if (p.future.isDone()) {
            return;
        }
        if (p.sent >= attempts) {
            pending.remove(p);
            p.future.complete(OptionalDouble.empty());
            return;
        }
        p.sent++;
        p.send.run();
        p.timer = port.scheduler().schedule(retryPeriod, () -> attempt(p));
    }

    /** Completes every pending request empty and unsubscribes. */
    @Override
    public void close() {
        sub.close();
        port.scheduler().execute(() -> {
            for (Pending p : pending) {
                p.future.complete(OptionalDouble.empty());
            }
            pending.clear();
        });
    }
}
