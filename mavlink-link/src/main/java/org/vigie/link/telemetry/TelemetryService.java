package org.vigie.link.telemetry;

import io.dronefleet.mavlink.ardupilotmega.EkfStatusReport;
import io.dronefleet.mavlink.ardupilotmega.MountStatus;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.FenceStatus;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.RequestDataStream;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.SystemTime;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.command.CommandOutcome;
import org.vigie.link.command.CommandResult;
import org.vigie.link.command.CommandService;
import org.vigie.link.command.Target;
import org.vigie.link.mission.MissionTransferService;
import org.vigie.link.param.ParamService;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;
import org.vigie.link.vehicle.AttachedAutopilot;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * The vehicle's telemetry: asks for the streams a companion needs, keeps an immutable {@link VehicleState} snapshot,
 * notifies listeners per {@link StateGroup}, flags groups stale when their stream stops, joins multi-chunk STATUSTEXT,
 * and forgets everything when the port's {@link AttachedAutopilot} reports a reboot.
 *
 * <ul>
 *   <li>ArduCopter streams nothing until asked: {@link #requestStreams(Map)} sends SET_MESSAGE_INTERVAL per message;
 *       for an ArduPilot target answering UNSUPPORTED (older firmware), it falls back to REQUEST_DATA_STREAM for the
 *       stream group holding that message.</li>
 *   <li>Messages are taken from the target system (HEARTBEAT from the target component only; gimbal messages from
 *       any component of the target system).</li>
 *   <li>Reboot: judged by the port's one {@link AttachedAutopilot} ({@link MavlinkPort#autopilot()}: time_boot_ms
 *       going back, a BOOT heartbeat, a disarmed heartbeat after a silence high in the air), which reports it before
 *       the first message of the new boot reaches this service. The state is cleared and reboot listeners are told
 *       ({@link #propagateRebootsTo} wires the transfer and parameter services).</li>
 * </ul>
 *
 * <p>Threading: state on the port's event thread; {@link #state()} may be read from any thread (a volatile immutable
 * snapshot); listeners run on the callback executor.
 */
public final class TelemetryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryService.class);
    private static final int STATUSTEXT_CHUNK = 50;

    /** ArduPilot's REQUEST_DATA_STREAM groups holding the messages Vigie uses (GCS_Common.cpp stream tables). */
    private static final Map<Integer, Integer> ARDUPILOT_STREAM_OF = Map.ofEntries(
            Map.entry(1, 2), Map.entry(24, 2), Map.entry(42, 2), Map.entry(162, 2), Map.entry(245, 2),
            Map.entry(33, 6), Map.entry(32, 6),
            Map.entry(30, 10),
            Map.entry(74, 11),
            Map.entry(2, 12), Map.entry(147, 12), Map.entry(193, 12), Map.entry(285, 12), Map.entry(158, 12));

    private record ChunkKey(int sysId, int compId, int id) {}

    private static final class Chunks {
        final TreeMap<Integer, String> parts = new TreeMap<>();
        int severity;
        int lastSeq = -1;
        @Nullable Cancellable timer;
    }

    private final MavlinkPort port;
    private final Scheduler scheduler;
    private final Supplier<Target> target;
    private final CommandService commands;
    private final TelemetryOptions options;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<StateGroup, List<Consumer<VehicleState>>> listeners = new EnumMap<>(StateGroup.class);
    private final List<Consumer<StatusText>> textListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> rebootListeners = new CopyOnWriteArrayList<>();
    private final Map<StateGroup, Long> lastUpdate = new EnumMap<>(StateGroup.class);
    private final Set<StateGroup> stale = EnumSet.noneOf(StateGroup.class);
    private final Map<ChunkKey, Chunks> chunks = new HashMap<>();
    private final Cancellable staleTimer;
    private volatile VehicleState current = VehicleState.empty();

    private VehicleState.@Nullable Status status;
    private VehicleState.@Nullable Position position;
    private VehicleState.@Nullable Attitude attitude;
    private VehicleState.@Nullable Battery battery;
    private VehicleState.@Nullable Gps gps;
    private VehicleState.@Nullable Ekf ekf;
    private VehicleState.@Nullable Home home;
    private VehicleState.@Nullable MissionProgress mission;
    private VehicleState.@Nullable Gimbal gimbal;
    private VehicleState.@Nullable Fence fence;
    private VehicleState.@Nullable AutopilotTime time;
    private VehicleState.@Nullable Landed landed;

    /**
     * Creates the service and subscribes to the telemetry messages.
     *
     * @param port the link
     * @param target the autopilot
     * @param commands used for SET_MESSAGE_INTERVAL
     * @param options timing
     */
    public TelemetryService(MavlinkPort port, Supplier<Target> target, CommandService commands,
                            TelemetryOptions options) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = port.scheduler();
        this.target = Objects.requireNonNull(target, "target");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.options = Objects.requireNonNull(options, "options");
        for (StateGroup g : StateGroup.values()) {
            listeners.put(g, new CopyOnWriteArrayList<>());
        }
        sub(Heartbeat.class, this::onHeartbeat);
        sub(GlobalPositionInt.class, this::onPosition);
        sub(Attitude.class, this::onAttitude);
        sub(SysStatus.class, this::onSysStatus);
        sub(BatteryStatus.class, this::onBatteryStatus);
        sub(GpsRawInt.class, this::onGps);
        sub(EkfStatusReport.class, (m, f) -> {
            if (fromAutopilot(f)) {
                ekf = new VehicleState.Ekf(m.flags().value(), now());
                updated(StateGroup.EKF);
            }
        });
        sub(HomePosition.class, (m, f) -> {
            if (fromAutopilot(f)) {
                home = new VehicleState.Home(m.latitude() / 1e7, m.longitude() / 1e7, m.altitude() / 1000.0, now());
                updated(StateGroup.HOME);
            }
        });
        sub(MissionCurrent.class, (m, f) -> {
            if (fromAutopilot(f)) {
                mission = new VehicleState.MissionProgress(m.seq(), f.payload().length > 2 ? m.total() : -1,
                        m.missionState() == null ? 0 : m.missionState().value(), now());
                updated(StateGroup.MISSION);
            }
        });
        sub(GimbalDeviceAttitudeStatus.class, this::onGimbalDevice);
        sub(MountStatus.class, this::onMount);
        sub(FenceStatus.class, (m, f) -> {
            if (fromAutopilot(f)) {
                fence = new VehicleState.Fence(m.breachStatus() != 0, m.breachCount(), m.breachType().value(),
                        m.breachTime(), m.breachMitigation() == null ? 0 : m.breachMitigation().value(), now());
                updated(StateGroup.FENCE);
            }
        });
        sub(SystemTime.class, (m, f) -> {
            if (fromAutopilot(f)) {
                time = new VehicleState.AutopilotTime(m.timeBootMs(), m.timeUnixUsec().longValue(), now());
                updated(StateGroup.TIME);
            }
        });
        sub(ExtendedSysState.class, (m, f) -> {
            if (fromAutopilot(f)) {
                landed = new VehicleState.Landed(m.landedState().value(), m.vtolState().value(), now());
                updated(StateGroup.LANDED);
            }
        });
        sub(Statustext.class, this::onStatusText);
        subscriptions.add(port.autopilot().subscribeReboots(r -> {
            if (r.sysId() == target.get().systemId()) {
                rebooted(r.reason());
            }
        }));
        long period = Math.max(10, options.staleAfterMs() / 10); // flagged within 1.1 x staleAfterMs
        staleTimer = scheduler.scheduleAtFixedRate(Duration.ofMillis(period), Duration.ofMillis(period),
                this::checkStale);
    }

    private <T> void sub(Class<T> type, org.vigie.link.MessageListener<T> l) {
        subscriptions.add(port.subscribe(type, l));
    }

    // ------------------------------------------------------------------ API

    /** @return the latest snapshot; never null; thread-safe */
    public VehicleState state() {
        return current;
    }

    /**
     * Asks for message streams with SET_MESSAGE_INTERVAL (falling back to REQUEST_DATA_STREAM for an ArduPilot
     * answering UNSUPPORTED).
     *
     * @param ratesHz message id to rate in Hz (&gt; 0)
     * @return per-message results, completed on the callback executor
     * @throws IllegalArgumentException for a non-positive rate
     */
    public CompletableFuture<StreamRequestOutcome> requestStreams(Map<Integer, Double> ratesHz) {
        Map<Integer, CompletableFuture<CommandOutcome>> pending = new LinkedHashMap<>();
        for (Map.Entry<Integer, Double> e : ratesHz.entrySet()) {
            double hz = e.getValue();
            if (!(hz > 0) || !Double.isFinite(hz)) {
                throw new IllegalArgumentException("rate of message " + e.getKey() + " must be > 0 Hz, was " + hz);
            }
            pending.put(e.getKey(), commands.setMessageInterval(e.getKey(), Math.round(1e6 / hz)));
        }
        return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<Integer, CommandResult> results = new LinkedHashMap<>();
            pending.forEach((id, f) -> results.put(id, f.join().result()));
            Map<Integer, Integer> streamRate = new TreeMap<>();
            Set<Integer> fallback = new java.util.HashSet<>();
            Target t = target.get();
            if (t.flavour() == AutopilotFlavour.ARDUPILOT) {
                results.forEach((id, r) -> {
                    Integer stream = ARDUPILOT_STREAM_OF.get(id);
                    if (r == CommandResult.UNSUPPORTED && stream != null) {
                        streamRate.merge(stream, (int) Math.ceil(Objects.requireNonNull(ratesHz.get(id), "asked")),
                                Math::max);
                        fallback.add(id);
                    }
                });
            }
            streamRate.forEach((stream, hz) -> port.send(RequestDataStream.builder().targetSystem(t.systemId())
                    .targetComponent(t.componentId()).reqStreamId(stream).reqMessageRate(hz).startStop(1).build()));
            return new StreamRequestOutcome(results, fallback);
        });
    }

    /**
     * Registers a listener for some groups: called with the new snapshot after each update of one of them, and when
     * one of them turns stale.
     *
     * @param groups the groups
     * @param listener called on the callback executor
     * @return handle to unregister
     */
    public Subscription addListener(Set<StateGroup> groups, Consumer<VehicleState> listener) {
        Objects.requireNonNull(listener, "listener");
        List<StateGroup> gs = List.copyOf(groups);
        gs.forEach(g -> listenersOf(g).add(listener));
        return () -> gs.forEach(g -> listenersOf(g).remove(listener));
    }

    /**
     * Registers a STATUSTEXT listener (chunks joined).
     *
     * @param listener called on the callback executor
     * @return handle to unregister
     */
    public Subscription addStatusTextListener(Consumer<StatusText> listener) {
        return Subscription.register(textListeners, listener);
    }

    /**
     * Registers a reboot listener.
     *
     * @param listener gets a sentence saying what showed the reboot; called on the callback executor
     * @return handle to unregister
     */
    public Subscription onReboot(Consumer<String> listener) {
        return Subscription.register(rebootListeners, listener);
    }

    /**
     * Makes reboots end the transfers and parameter operations in flight and clear the parameter cache.
     *
     * @param missions the mission service, or null
     * @param params the parameter service, or null
     * @return handle to undo
     */
    public Subscription propagateRebootsTo(MissionTransferService missions, ParamService params) {
        return onReboot(reason -> {
            if (missions != null) {
                missions.autopilotRebooted();
            }
            if (params != null) {
                params.autopilotRebooted();
            }
        });
    }

    /** Unsubscribes and stops the stale timer. */
    @Override
    public void close() {
        staleTimer.cancel();
        scheduler.execute(() -> subscriptions.forEach(Subscription::close));
    }

    // ------------------------------------------------------------------ handlers (event thread)

    private long now() {
        return scheduler.monotonicMs();
    }

    private boolean fromAutopilot(MavlinkFrame f) {
        Target t = target.get();
        return f.sysId() == t.systemId() && (t.componentId() == 0 || f.compId() == t.componentId());
    }

    private void onHeartbeat(Heartbeat m, MavlinkFrame f) {
        if (!fromAutopilot(f)) {
            return;
        }
        int sysStatus = m.systemStatus().value();
        int base = m.baseMode().value();
        status = new VehicleState.Status((base & 0x80) != 0, base, m.customMode(), sysStatus, now());
        updated(StateGroup.STATUS);
    }

    private void onPosition(GlobalPositionInt m, MavlinkFrame f) {
        if (!fromAutopilot(f)) {
            return;
        }
        position = new VehicleState.Position(m.lat() / 1e7, m.lon() / 1e7, m.alt() / 1000.0, m.relativeAlt() / 1000.0,
                m.vx() / 100.0, m.vy() / 100.0, m.vz() / 100.0, m.hdg() == 0xFFFF ? Double.NaN : m.hdg() / 100.0,
                m.timeBootMs(), now());
        updated(StateGroup.POSITION);
    }

    private void onAttitude(Attitude m, MavlinkFrame f) {
        if (!fromAutopilot(f)) {
            return;
        }
        attitude = new VehicleState.Attitude(m.roll(), m.pitch(), m.yaw(), m.timeBootMs(), now());
        updated(StateGroup.ATTITUDE);
    }

    private void onSysStatus(SysStatus m, MavlinkFrame f) {
        if (!fromAutopilot(f)) {
            return;
        }
        double consumed = battery != null ? battery.consumedMah() : Double.NaN;
        battery = new VehicleState.Battery(m.voltageBattery() == 0xFFFF ? Double.NaN : m.voltageBattery() / 1000.0,
                m.currentBattery() == -1 ? Double.NaN : m.currentBattery() / 100.0, m.batteryRemaining(), consumed,
                now());
        updated(StateGroup.BATTERY);
    }

    private void onBatteryStatus(BatteryStatus m, MavlinkFrame f) {
        if (!fromAutopilot(f) || m.id() != 0) {
            return;
        }
        double v = Double.NaN;
        if (!m.voltages().isEmpty() && m.voltages().get(0) != 0xFFFF) {
            long mv = 0;
            for (int cell : m.voltages()) {
                if (cell != 0xFFFF) {
                    mv += cell;
                }
            }
            v = mv / 1000.0;
        }
        VehicleState.Battery b = battery;
        battery = new VehicleState.Battery(b != null && !Double.isNaN(b.voltageV()) ? b.voltageV() : v,
                m.currentBattery() == -1 ? (b != null ? b.currentA() : Double.NaN) : m.currentBattery() / 100.0,
                m.batteryRemaining(), m.currentConsumed() == -1 ? Double.NaN : m.currentConsumed(), now());
        updated(StateGroup.BATTERY);
    }

    private void onGps(GpsRawInt m, MavlinkFrame f) {
        if (!fromAutopilot(f)) {
            return;
        }
        gps = new VehicleState.Gps(m.fixType().value(), m.satellitesVisible() == 255 ? -1 : m.satellitesVisible(),
                m.eph() == 0xFFFF ? Double.NaN : m.eph() / 100.0, now());
        updated(StateGroup.GPS);
    }

    private void onGimbalDevice(GimbalDeviceAttitudeStatus m, MavlinkFrame f) {
        if (f.sysId() != target.get().systemId() || m.q().size() < 4) {
            return;
        }
        double w = m.q().get(0);
        double x = m.q().get(1);
        double y = m.q().get(2);
        double z = m.q().get(3);
        double roll = Math.toDegrees(Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y)));
        double pitch = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, 2 * (w * y - z * x)))));
        double yaw = Math.toDegrees(Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z)));
        gimbal = new VehicleState.Gimbal(w, x, y, z, roll, pitch, yaw, "GIMBAL_DEVICE_ATTITUDE_STATUS",
                m.flags() == null ? 0 : m.flags().value(), now());
        updated(StateGroup.GIMBAL);
    }

    private void onMount(MountStatus m, MavlinkFrame f) {
        if (f.sysId() != target.get().systemId()) {
            return;
        }
        double pitch = m.pointingA() / 100.0;
        double roll = m.pointingB() / 100.0;
        double yaw = m.pointingC() / 100.0;
        double cr = Math.cos(Math.toRadians(roll) / 2);
        double sr = Math.sin(Math.toRadians(roll) / 2);
        double cp = Math.cos(Math.toRadians(pitch) / 2);
        double sp = Math.sin(Math.toRadians(pitch) / 2);
        double cy = Math.cos(Math.toRadians(yaw) / 2);
        double sy = Math.sin(Math.toRadians(yaw) / 2);
        gimbal = new VehicleState.Gimbal(cr * cp * cy + sr * sp * sy, sr * cp * cy - cr * sp * sy,
                cr * sp * cy + sr * cp * sy, cr * cp * sy - sr * sp * cy, roll, pitch, yaw, "MOUNT_STATUS", now());
        updated(StateGroup.GIMBAL);
    }

    private void rebooted(String reason) {
        LOG.info("telemetry forgotten: autopilot reboot ({})", reason);
        status = null;
        position = null;
        attitude = null;
        battery = null;
        gps = null;
        ekf = null;
        home = null;
        mission = null;
        gimbal = null;
        fence = null;
        time = null;
        landed = null;
        lastUpdate.clear();
        stale.clear();
        current = snapshot();
        for (Consumer<String> l : rebootListeners) {
            port.callbackExecutor().execute(() -> l.accept(reason));
        }
    }

    private void updated(StateGroup g) {
        lastUpdate.put(g, now());
        stale.remove(g);
        VehicleState s = snapshot();
        current = s;
        notify(g, s);
    }

    private List<Consumer<VehicleState>> listenersOf(StateGroup g) {
        return Objects.requireNonNull(listeners.get(g), "every group has its list");
    }

    private void notify(StateGroup g, VehicleState s) {
        for (Consumer<VehicleState> l : listenersOf(g)) {
            port.callbackExecutor().execute(() -> l.accept(s));
        }
    }

    private VehicleState snapshot() {
        return new VehicleState(now(), status, position, attitude, battery, gps, ekf, home, mission, gimbal, fence,
                time, landed, stale);
    }

    private void checkStale() {
        long t = now();
        List<StateGroup> turned = new ArrayList<>();
        lastUpdate.forEach((g, last) -> {
            if (!stale.contains(g) && t - last > options.staleAfterMs()) {
                turned.add(g);
            }
        });
        if (turned.isEmpty()) {
            return;
        }
        stale.addAll(turned);
        VehicleState s = snapshot();
        current = s;
        turned.forEach(g -> notify(g, s));
    }

    private void onStatusText(Statustext m, MavlinkFrame f) {
        if (f.sysId() != target.get().systemId()) {
            return;
        }
        String text = m.text() == null ? "" : m.text();
        int z = text.indexOf('\0');
        if (z >= 0) {
            text = text.substring(0, z);
        }
        int severity = m.severity().value();
        if (m.id() == 0) {
            emitText(new StatusText(f.sysId(), f.compId(), severity, text, true, now()));
            return;
        }
        ChunkKey key = new ChunkKey(f.sysId(), f.compId(), m.id());
        Chunks c = chunks.computeIfAbsent(key, k -> new Chunks());
        c.severity = severity;
        c.parts.put(m.chunkSeq(), text);
        if (text.length() < STATUSTEXT_CHUNK) {
            c.lastSeq = m.chunkSeq();
        }
        if (c.lastSeq >= 0 && c.parts.size() == c.lastSeq + 1 && c.parts.lastKey() == c.lastSeq) {
            chunks.remove(key);
            if (c.timer != null) {
                c.timer.cancel();
            }
            emitText(new StatusText(f.sysId(), f.compId(), severity, String.join("", c.parts.values()), true, now()));
            return;
        }
        if (c.timer == null) {
            c.timer = scheduler.schedule(Duration.ofMillis(options.statusTextChunkTimeoutMs()), () -> {
                if (chunks.remove(key) == c) {
                    emitText(new StatusText(key.sysId(), key.compId(), c.severity, String.join("", c.parts.values()),
                            false, now()));
                }
            });
        }
    }

    private void emitText(StatusText t) {
        for (Consumer<StatusText> l : textListeners) {
            port.callbackExecutor().execute(() -> l.accept(t));
        }
    }
}
