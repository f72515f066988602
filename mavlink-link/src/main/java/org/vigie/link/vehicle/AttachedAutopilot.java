package org.vigie.link.vehicle;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.LinkClosedException;
import org.vigie.link.LinkEvent;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.command.Target;
import org.vigie.link.time.Scheduler;

/**
 * The one place that knows which autopilot a port is attached to, what it last announced and whether it is alive.
 * A port ({@link MavlinkPort#autopilot()}) owns exactly one; the link, its services and the companion read it.
 *
 * <ul>
 *   <li><b>Selection.</b> Locks onto a configured system id, or onto the first system whose component 1 sends a
 *       HEARTBEAT with a real autopilot (MAV_AUTOPILOT other than INVALID) and a flying MAV_TYPE (not an antenna
 *       tracker, ground station, onboard controller, gimbal, ADS-B or camera); then follows that system and
 *       component only. As a {@code Supplier<Target>} it addresses the link services (system 1, component 1,
 *       ArduPilot until an autopilot is heard).</li>
 *   <li><b>Snapshot.</b> {@link #vehicle()}: a {@link Vehicle} from its HEARTBEAT (and AUTOPILOT_VERSION), with
 *       {@code connected} false once the port reports its peer lost ({@link LinkEvent.PeerLost}).</li>
 *   <li><b>Liveness in the autopilot's time.</b> {@link #heartbeatAgeMs()} counts only silence for which there is
 *       evidence ({@link MavlinkPort#provenSilenceNanos}, the link's one rule): time up to which this port's event
 *       thread had processed every frame already handed to it. When the event thread is late (busy planning,
 *       descheduled on a loaded machine, paused by the garbage collector) the age stops growing with the clock: at a
 *       speed-up of 50 a 100 ms hiccup of the thread is 5 s of scheduler time, which must not read as 5 s of autopilot
 *       silence; once the thread catches up, the HEARTBEATs that waited are processed first. On a thread that is
 *       never late (every {@link org.vigie.link.time.ManualScheduler} test) the age equals scheduler time since the
 *       last HEARTBEAT.</li>
 *   <li><b>Reboots</b> ({@link AutopilotReboot}): time_boot_ms of SYSTEM_TIME, ATTITUDE, LOCAL_POSITION_NED or
 *       GLOBAL_POSITION_INT going back by more than {@link #REBOOT_BACKSTEP_MS} in the same message; a HEARTBEAT in
 *       MAV_STATE_BOOT after a later state or after the peer was lost; a disarmed HEARTBEAT after more than a second
 *       of silence while last seen armed higher than 3 m above home and higher than it could have descended at 3 m/s
 *       during the silence (ArduCopter restarts without a BOOT heartbeat). One reboot is reported once: every
 *       clue is forgotten when it is reported. Frames count as the autopilot's when they come from {@link #get()}'s
 *       system and component, so time_boot_ms is judged even before the first HEARTBEAT.</li>
 * </ul>
 *
 * <p>Threading: state is written on the port's event thread (frames and events arrive there); the accessors read
 * volatile fields and may be called from any thread. {@code subscribe*} listeners run on the event thread, in the
 * order things happened, before any typed subscriber of the port sees the frame that showed them (a reboot is
 * reported before the first message of the new boot is delivered); {@link #awaitVehicle()} completes on the port's
 * callback executor.
 */
public final class AttachedAutopilot implements Supplier<Target>, AutoCloseable {

    /** A time_boot_ms step backwards larger than this, in the same message, is a reboot, not jitter. */
    public static final long REBOOT_BACKSTEP_MS = 1000;
    /** The HEARTBEAT silence after which a port reports its peer lost, when it says nothing else (5 s). */
    public static final Duration DEFAULT_LOST_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AttachedAutopilot.class);
    private static final int MSG_HEARTBEAT = 0;
    private static final int MSG_SYSTEM_TIME = 2;
    private static final int MSG_ATTITUDE = 30;
    private static final int MSG_LOCAL_POSITION_NED = 32;
    private static final int MSG_GLOBAL_POSITION_INT = 33;
    private static final int MSG_AUTOPILOT_VERSION = 148;
    private static final int MAV_STATE_BOOT = 1;
    private static final int MAV_COMP_ID_AUTOPILOT1 = 1;
    /** MAV_TYPEs that never fly: antenna tracker 5, GCS 6, onboard controller 18, gimbal 26, ADS-B 27, camera 30. */
    private static final Set<Integer> NON_VEHICLE_TYPES = Set.of(5, 6, 18, 26, 27, 30);
    /** A disarmed HEARTBEAT after a silence longer than this (ms), high in the air, is a reboot. */
    private static final long DROP_SILENCE_MS = 1000;
    /** ...when last seen higher than this (m) above home... */
    private static final double DROP_MIN_ALT_M = 3;
    /** ...and higher than a descent at this rate (m/s) during the silence could explain. */
    private static final double DROP_DESCENT_MPS = 3;

    private final MavlinkPort port;
    private final Scheduler scheduler;
    private final Duration lostTimeout;
    private final Subscription frames;
    private final Subscription events;
    private final List<Consumer<Vehicle>> vehicleSubscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<AutopilotReboot>> rebootSubscribers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Waiter> vehicleWaiters = new ConcurrentLinkedQueue<>();

    private volatile int configuredSysId;
    private volatile int sysId;
    private volatile int compId = -1;
    private volatile AutopilotFlavour flavour = AutopilotFlavour.GENERIC;
    private volatile long lastHeartbeatNanos;
    private volatile boolean heard;
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong reboots = new AtomicLong();
    private volatile @Nullable Vehicle vehicle;
    private volatile boolean portClosed;

    // event thread only: the clues of a reboot
    private final Map<Integer, Long> lastBootMs = new HashMap<>();
    private int lastSystemStatus = -1;
    private boolean lostSinceLastHeartbeat;
    private boolean lastArmed;
    private double lastRelAltM = Double.NaN;

    /**
     * Follows the autopilot on a port whose peer-lost time-out is {@link #DEFAULT_LOST_TIMEOUT}.
     *
     * @param port  the port
     * @param sysId the autopilot's system id 1..255, or -1 to lock onto the first autopilot heard
     * @throws IllegalArgumentException for another system id
     */
    public AttachedAutopilot(MavlinkPort port, int sysId) {
        this(port, sysId, DEFAULT_LOST_TIMEOUT);
    }

    /**
     * Subscribes to the port's frames and events. A port creates its own one; build another only for a port that has
     * none (a test double).
     *
     * @param port        the port
     * @param sysId       the autopilot's system id 1..255, or -1 to lock onto the first autopilot heard
     * @param lostTimeout the port's peer-lost time-out (only quoted in reboot reasons)
     * @throws IllegalArgumentException for another system id
     */
    public AttachedAutopilot(MavlinkPort port, int sysId, Duration lostTimeout) {
        checkSysId(sysId);
        this.port = Objects.requireNonNull(port, "port");
        this.lostTimeout = Objects.requireNonNull(lostTimeout, "lostTimeout");
        this.scheduler = port.scheduler();
        this.configuredSysId = sysId;
        this.sysId = sysId;
        this.frames = port.subscribeFrames(this::onFrame);
        this.events = port.subscribeEvents(this::onEvent);
    }

    private static void checkSysId(int sysId) {
        if (sysId != -1 && (sysId < 1 || sysId > 255)) {
            throw new IllegalArgumentException("autopilot system id " + sysId + " must be -1 or 1..255");
        }
    }

    // ------------------------------------------------------------------ API

    /**
     * Requires the autopilot to be one system: locks onto it if this was following the first autopilot heard
     * (forgetting another system already attached), or checks it against the configured one. Thread-safe; the lock
     * takes effect on the event thread.
     *
     * @param required the autopilot's system id 1..255, or -1 for no requirement
     * @throws IllegalArgumentException if out of range, or if another system id was configured
     */
    public void requireSystem(int required) {
        checkSysId(required);
        if (required == -1 || required == configuredSysId) {
            return;
        }
        if (configuredSysId != -1) {
            throw new IllegalArgumentException("autopilot system id " + required + " was asked, but the port is "
                    + "configured for system " + configuredSysId);
        }
        configuredSysId = required;
        scheduler.execute(() -> {
            if (sysId != required) {
                LOG.info("autopilot system {} required: forgetting system {}", required, sysId);
                sysId = required;
                compId = -1;
                flavour = AutopilotFlavour.GENERIC;
                heard = false;
                vehicle = null;
                forgetClues();
            }
        });
    }

    /** @return the autopilot as the link services address it (system 1, component 1, ArduPilot until heard) */
    @Override
    public Target get() {
        int s = sysId;
        int c = compId;
        return new Target(s > 0 ? s : 1, c >= 0 ? c : 1,
                flavour == AutopilotFlavour.PX4 ? AutopilotFlavour.PX4 : AutopilotFlavour.ARDUPILOT);
    }

    /** @return the configured system id, -1 when following the first autopilot heard */
    public int configuredSysId() {
        return configuredSysId;
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
        return heartbeats.get();
    }

    /** @return how many reboots were reported */
    public long reboots() {
        return reboots.get();
    }

    /** @return the last snapshot of the autopilot, empty until its first HEARTBEAT; thread-safe */
    public Optional<Vehicle> vehicle() {
        return Optional.ofNullable(vehicle);
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

    /**
     * Listens to new snapshots (mode, armed state, status, connection, version).
     *
     * @param listener called on the event thread with each new snapshot
     * @return handle to unsubscribe
     */
    public Subscription subscribeVehicle(Consumer<Vehicle> listener) {
        return Subscription.register(vehicleSubscribers, listener);
    }

    /**
     * Listens to reboots.
     *
     * @param listener called on the event thread, before the frame that showed the reboot reaches typed subscribers
     * @return handle to unsubscribe
     */
    public Subscription subscribeReboots(Consumer<AutopilotReboot> listener) {
        return Subscription.register(rebootSubscribers, listener);
    }

    /**
     * Waits for the autopilot's first HEARTBEAT.
     *
     * @return a future completed on the port's callback executor with the snapshot (at once if already attached), or
     *     exceptionally with {@link LinkClosedException} if the port closes first
     */
    public CompletableFuture<Vehicle> awaitVehicle() {
        Waiter w = new Waiter();
        vehicleWaiters.add(w);
        Vehicle v = vehicle;
        if (v != null) {
            w.complete(v);
        } else if (portClosed) {
            w.fail(closedException());
        }
        return w.future;
    }

    /** Unsubscribes from the port. */
    @Override
    public void close() {
        frames.close();
        events.close();
    }

    // ------------------------------------------------------------------ event thread

    private void onFrame(MavlinkFrame f) {
        switch (f.msgId()) {
            case MSG_HEARTBEAT -> onHeartbeat(f);
            case MSG_SYSTEM_TIME -> onBootTime(f, 8);
            case MSG_ATTITUDE, MSG_LOCAL_POSITION_NED -> onBootTime(f, 0);
            case MSG_GLOBAL_POSITION_INT -> {
                if (onBootTime(f, 0)) {
                    lastRelAltM = s32(f, 16) / 1000.0;
                }
            }
            case MSG_AUTOPILOT_VERSION -> onAutopilotVersion(f);
            default -> { }
        }
    }

    private void onEvent(LinkEvent e) {
        if (e instanceof LinkEvent.PeerLost lost && lost.sysId() == sysId && lost.compId() == compId) {
            lostSinceLastHeartbeat = true;
            Vehicle v = vehicle;
            if (v != null) {
                publish(new Vehicle(v.sysId(), v.compId(), v.flavour(), v.mavAutopilot(), v.mavType(), v.baseMode(),
                        v.customMode(), v.systemStatus(), false, v.flightSwVersion(), v.capabilities()));
            }
        } else if (e instanceof LinkEvent.Closed) {
            portClosed = true;
            LinkClosedException ex = closedException();
            Waiter w;
            while ((w = vehicleWaiters.poll()) != null) {
                w.fail(ex);
            }
        }
    }

    private void onHeartbeat(MavlinkFrame f) {
        long customMode = u32(f, 0);
        int type = f.payloadByte(4);
        int autopilot = f.payloadByte(5);
        int baseMode = f.payloadByte(6);
        int status = f.payloadByte(7);
        if (!selects(f, type, autopilot)) {
            return;
        }
        sysId = f.sysId();
        compId = f.compId();
        long now = scheduler.nanoTime();
        boolean armed = (baseMode & Vehicle.MAV_MODE_FLAG_SAFETY_ARMED) != 0;
        String reboot = null;
        if (status == MAV_STATE_BOOT && lastSystemStatus > MAV_STATE_BOOT) {
            reboot = "HEARTBEAT back in MAV_STATE_BOOT after state " + lastSystemStatus;
        } else if (status == MAV_STATE_BOOT && lostSinceLastHeartbeat) {
            reboot = "heartbeat back in BOOT state after " + lostTimeout.toMillis() + " ms or more of silence";
        } else if (heard && !armed && lastArmed) {
            long silenceMs = Math.min((now - lastHeartbeatNanos) / 1_000_000L,
                    port.provenSilenceNanos(lastHeartbeatNanos) / 1_000_000L);
            double altM = lastRelAltM;
            if (silenceMs > DROP_SILENCE_MS && altM > DROP_MIN_ALT_M && silenceMs < altM / DROP_DESCENT_MPS * 1000) {
                reboot = String.format(Locale.ROOT, "HEARTBEAT disarmed after %d ms of silence, last seen armed %.1f m"
                        + " above home", silenceMs, altM);
            }
        }
        if (reboot != null) {
            rebooted(reboot);
        }
        lastSystemStatus = status;
        lostSinceLastHeartbeat = false;
        lastArmed = armed;
        flavour = AutopilotFlavour.fromMavAutopilot(autopilot);
        lastHeartbeatNanos = now;
        heard = true;
        heartbeats.incrementAndGet();
        Vehicle v = vehicle;
        publish(new Vehicle(sysId, compId, flavour, autopilot, type, baseMode, customMode, status, true,
                v == null ? 0 : v.flightSwVersion(), v == null ? 0 : v.capabilities()));
    }

    private boolean selects(MavlinkFrame f, int type, int autopilot) {
        if (compId >= 0) {
            return f.sysId() == sysId && f.compId() == compId;
        }
        if (autopilot == AutopilotFlavour.MAV_AUTOPILOT_INVALID || NON_VEHICLE_TYPES.contains(type)) {
            return false;
        }
        return sysId > 0 ? f.sysId() == sysId : f.compId() == MAV_COMP_ID_AUTOPILOT1;
    }

    private boolean fromAutopilot(MavlinkFrame f) {
        Target t = get();
        return f.sysId() == t.systemId() && f.compId() == t.componentId();
    }

    /** @return whether the frame is the autopilot's (its boot time judged, a reboot reported first) */
    private boolean onBootTime(MavlinkFrame f, int offset) {
        if (!fromAutopilot(f)) {
            return false;
        }
        long t = u32(f, offset);
        Long last = lastBootMs.put(f.msgId(), t);
        if (last != null && t + REBOOT_BACKSTEP_MS < last) {
            rebooted("time_boot_ms of message " + f.msgId() + " went back from " + last + " to " + t);
            lastBootMs.put(f.msgId(), t);
        }
        return true;
    }

    private void onAutopilotVersion(MavlinkFrame f) {
        Vehicle v = vehicle;
        if (v == null || f.sysId() != v.sysId() || f.compId() != v.compId()) {
            return;
        }
        long capabilities = u32(f, 0) | (u32(f, 4) << 32);
        long flightSw = u32(f, 16);
        publish(new Vehicle(v.sysId(), v.compId(), v.flavour(), v.mavAutopilot(), v.mavType(), v.baseMode(),
                v.customMode(), v.systemStatus(), v.connected(), flightSw, capabilities));
    }

    private void rebooted(String reason) {
        Target t = get();
        AutopilotReboot r = new AutopilotReboot(t.systemId(), t.componentId(), reason);
        LOG.info("autopilot {}/{} rebooted: {}", r.sysId(), r.compId(), reason);
        forgetClues();
        reboots.incrementAndGet();
        for (Consumer<AutopilotReboot> c : rebootSubscribers) {
            try {
                c.accept(r);
            } catch (RuntimeException e) {
                LOG.warn("reboot subscriber threw", e);
            }
        }
    }

    private void forgetClues() {
        lastBootMs.clear();
        lastSystemStatus = -1;
        lostSinceLastHeartbeat = false;
        lastArmed = false;
        lastRelAltM = Double.NaN;
    }

    private void publish(Vehicle next) {
        Vehicle previous = vehicle;
        if (next.equals(previous)) {
            return;
        }
        vehicle = next;
        if (previous == null) {
            LOG.info("attached to {}", next);
            Waiter w;
            while ((w = vehicleWaiters.poll()) != null) {
                w.complete(next);
            }
        }
        for (Consumer<Vehicle> c : vehicleSubscribers) {
            try {
                c.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("vehicle subscriber threw", e);
            }
        }
    }

    /** One {@link #awaitVehicle()}: completed once, by whichever of the caller and the event thread claims it first. */
    private final class Waiter {
        final CompletableFuture<Vehicle> future = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        void complete(Vehicle v) {
            if (claimed.compareAndSet(false, true)) {
                port.callbackExecutor().execute(() -> future.complete(v));
            }
        }

        void fail(LinkClosedException e) {
            if (claimed.compareAndSet(false, true)) {
                port.callbackExecutor().execute(() -> future.completeExceptionally(e));
            }
        }
    }

    private static LinkClosedException closedException() {
        return new LinkClosedException("link closed while waiting for the autopilot");
    }

    private static long u32(MavlinkFrame f, int offset) {
        return (long) f.payloadByte(offset) | (long) f.payloadByte(offset + 1) << 8
                | (long) f.payloadByte(offset + 2) << 16 | (long) f.payloadByte(offset + 3) << 24;
    }

    private static int s32(MavlinkFrame f, int offset) {
        return (int) u32(f, offset);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AttachedAutopilot[%s, heard %s, %d reboots]", get(), heard, reboots.get());
    }
}
