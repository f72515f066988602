package org.vigie.link;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.codec.DiscardReason;
import org.vigie.link.codec.FrameParser;
import org.vigie.link.codec.FrameView;
import org.vigie.link.codec.FrameWriter;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.codec.MessageCodec;
import org.vigie.link.codec.MessageTable;
import org.vigie.link.codec.SequenceTracker;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.ManualScheduler;
import org.vigie.link.time.Scheduler;
import org.vigie.link.time.SilenceEvidence;
import org.vigie.link.transport.Transport;
import org.vigie.link.transport.TransportListener;
import org.vigie.link.transport.TransportState;
import org.vigie.link.transport.Transports;
import org.vigie.link.vehicle.AttachedAutopilot;
import org.vigie.link.vehicle.AutopilotReboot;
import org.vigie.link.vehicle.Vehicle;

/**
 * A MAVLink endpoint on one or more transports: the object every onboard program and microservice talks through.
 *
 * <p>What it does: sends our HEARTBEAT (1 Hz by default, MAV_TYPE_ONBOARD_CONTROLLER, MAV_AUTOPILOT_INVALID,
 * MAV_STATE_ACTIVE); parses every transport's bytes; drops frames the signature policy rejects (counted, reported as
 * {@link LinkEvent.SignatureRejected}) and frames carrying our own system and component id (echoes; counted); tracks packet loss per source; keeps a table of peers from their heartbeats
 * ({@link LinkEvent.PeerSeen} / {@link LinkEvent.PeerLost}); owns the one {@link AttachedAutopilot} (which system is
 * the autopilot, its {@link Vehicle} snapshot, liveness and reboots, reported as {@link LinkEvent.AutopilotRebooted});
 * dispatches frames to raw subscribers and, decoded once per frame, to typed subscribers of that
 * message id; reports parser discards as aggregated {@link LinkEvent.ParseError}s; sends typed messages as MAVLink 2
 * (signed when a signer is configured) to every transport (routing between endpoints is the router's job).
 *
 * <p>Threading: all state lives on the scheduler's event thread. Each transport's reader thread only parses and posts
 * materialised frames to the event thread (for an {@link org.vigie.link.transport.InMemoryTransport} the reader thread
 * is the sender's thread). Public methods are thread-safe. {@code subscribe*} listeners run on the event thread and
 * must not block; {@code on*} listeners and futures complete on the callback executor, in event order, never on the
 * event thread. Writes go through a bounded queue per transport ({@link WritePolicy} says what may be dropped), drained
 * by a writer thread per transport or by the event thread (see {@link LinkConfig.WriteMode}).
 *
 * <p>Errors: bad arguments throw {@link IllegalArgumentException}; bad bytes never throw (counted in {@link #stats()},
 * reported as events); an exception thrown by a listener is logged and does not stop the link.
 */
public final class MavlinkLink implements MavlinkPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MavlinkLink.class);

    /** A burst of parser discards is reported this long after its first discard unless a valid frame ends it first. */
    static final Duration PARSE_BURST_WINDOW = Duration.ofMillis(200);
    /** How long {@link #close()} called off the event thread waits for the event thread to finish closing. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /** Off the event thread, {@link #stats()} shows per-peer sequence counters at most this old. */
    static final long PEER_STATS_REFRESH_NANOS = 100_000_000L;

    private static final int MSG_HEARTBEAT = 0;
    private static final int MSG_AUTOPILOT_VERSION = 148;

    private final LinkConfig config;
    private final Scheduler scheduler;
    private final Executor callbackExecutor;
    private final Executor callbacks;
    private final boolean eventThreadWrites;
    private final MessageTable table = MessageTable.ardupilotmega();
    private final MessageCodec codec = new MessageCodec(table);
    private final FrameWriter writer = new FrameWriter(table);
    private final byte[] heartbeatPayload;

    private final CopyOnWriteArrayList<Slot> slots = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<Integer, CopyOnWriteArrayList<TypedSubscriber<?>>> typed = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<MavlinkFrame>> frameSubscribers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<LinkEvent>> eventSubscribers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<LinkEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<Vehicle>> vehicleListeners = new CopyOnWriteArrayList<>();

    // written on the event thread only; concurrent map and volatile fields so that stats() can read from anywhere
    private final ConcurrentHashMap<Integer, PeerState> peers = new ConcurrentHashMap<>();
    private final SequenceTracker sequences = new SequenceTracker();
    private volatile List<LinkStats.PeerStats> peerStatsSnapshot = List.of();
    private long peerStatsPublishedNanos = Long.MIN_VALUE / 2;
    private final Map<SignatureVerdict, AtomicLong> signatureRejections = new EnumMap<>(SignatureVerdict.class);
    private final AtomicLong framesOut = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong ownFrames = new AtomicLong();
    private volatile List<Peer> peerSnapshot = List.of();
    /** The frame being dispatched (event thread): a reboot it shows restarts its sender's sequence count with it. */
    private @Nullable MavlinkFrame dispatching;
    private final AttachedAutopilot autopilot;

    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean closeDone;
    private volatile @Nullable Cancellable heartbeatTask;
    private final SilenceEvidence silenceEvidence;

    private MavlinkLink(LinkConfig config, Scheduler scheduler, Executor callbackExecutor) {
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        this.callbacks = new SerialExecutor(callbackExecutor);
        for (SignatureVerdict v : SignatureVerdict.values()) {
            signatureRejections.put(v, new AtomicLong());
        }
        this.silenceEvidence = SilenceEvidence.start(scheduler, SilenceEvidence.DEFAULT_PULSE);
        this.eventThreadWrites = switch (config.writeMode()) {
            case EVENT_THREAD -> true;
            case WRITER_THREAD -> false;
            case AUTO -> scheduler instanceof ManualScheduler;
        };
        this.heartbeatPayload = codec.encodePayload(Heartbeat.builder()
                .type(config.heartbeatType())
                .autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID)
                .systemStatus(MavState.MAV_STATE_ACTIVE)
                .mavlinkVersion(3)
                .build());
        this.autopilot = new AttachedAutopilot(this, config.targetSystemId() == 0 ? -1 : config.targetSystemId(),
                config.peerLostTimeout());
        autopilot.subscribeVehicle(this::onVehicle);
        autopilot.subscribeReboots(this::onReboot);
    }

    /**
     * Creates a link, starts its transports and, if enabled, its heartbeat (the first one is sent at once, then one
     * per period).
     *
     * <p>Events are posted to the event thread: with a {@link ManualScheduler}, listeners registered right after
     * {@code create} see every event. With a real-time scheduler, to be sure to see the first transport events,
     * create the link without transports, register listeners, then {@link #addTransport}.
     *
     * @param config identity, heartbeat, timeouts, signing
     * @param scheduler the event thread and clock (a {@link ManualScheduler} in tests)
     * @param callbackExecutor where futures and {@code on*} listeners complete; must not be the event thread
     * @param transports zero or more transports, not yet started (more can be added with {@link #addTransport})
     * @return the running link
     * @throws IllegalStateException if a transport was already started
     */
    public static MavlinkLink create(LinkConfig config, Scheduler scheduler, Executor callbackExecutor,
                                     Transport... transports) {
        MavlinkLink link = new MavlinkLink(config, scheduler, callbackExecutor);
        for (Transport t : transports) {
            link.addTransport(t);
        }
        if (config.heartbeatEnabled()) {
            link.heartbeatTask = scheduler.scheduleAtFixedRate(Duration.ZERO, config.heartbeatPeriod(),
                    link::sendHeartbeat);
        }
        return link;
    }

    /**
     * Opens transports from MAVSDK-style connection strings and creates a link on them, e.g.
     * {@code MavlinkLink.open(LinkConfig.of(1), scheduler, executor, "serial:///dev/ttyAMA0:921600",
     * "udpout://10.0.0.2:14550")}.
     *
     * @param config identity, heartbeat, timeouts, signing
     * @param scheduler the event thread and clock
     * @param callbackExecutor where futures and {@code on*} listeners complete
     * @param connectionStrings one or more connection strings ({@link Transports#open(String)})
     * @return the running link
     * @throws IllegalArgumentException if no connection string is given or one is malformed (nothing stays open)
     * @throws IOException if a device or socket cannot be opened (those already opened are closed again)
     */
    public static MavlinkLink open(LinkConfig config, Scheduler scheduler, Executor callbackExecutor,
                                   String... connectionStrings) throws IOException {
        if (connectionStrings.length == 0) {
            throw new IllegalArgumentException("at least one connection string is needed, e.g. udpin://0.0.0.0:14540");
        }
        List<Transport> opened = new ArrayList<>();
        try {
            for (String c : connectionStrings) {
                opened.add(Transports.open(c));
            }
        } catch (IOException | RuntimeException e) {
            for (Transport t : opened) {
                t.close();
            }
            throw e;
        }
        return create(config, scheduler, callbackExecutor, opened.toArray(new Transport[0]));
    }

    /**
     * Adds and starts a transport. Frames sent from now on also go to it.
     *
     * @param transport a transport not yet started
     * @throws IllegalStateException if the link is closed or the transport was already started
     */
    public void addTransport(Transport transport) {
        Objects.requireNonNull(transport, "transport");
        if (closed.get()) {
            throw new IllegalStateException("link is closed; cannot add " + transport.description());
        }
        Slot slot = new Slot(transport);
        slots.add(slot);
        if (!eventThreadWrites) {
            slot.startWriter();
        }
        try {
            transport.start(slot);
        } catch (RuntimeException e) {
            slots.remove(slot);
            slot.queue.close();
            throw e;
        }
    }

    /** @return this link's configuration */
    public LinkConfig config() {
        return config;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public long provenSilenceNanos(long sinceNanos) {
        return silenceEvidence.provenSilenceNanos(sinceNanos);
    }

    @Override
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    @Override
    public int systemId() {
        return config.systemId();
    }

    @Override
    public int componentId() {
        return config.componentId();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The payload is serialised on the calling thread (so a bad message fails there); framing, sequence number and
     * signature happen on the event thread. After {@link #close()} messages are silently ignored.
     */
    @Override
    public void send(Object message) {
        Objects.requireNonNull(message, "message");
        int msgId = MessageCodec.messageId(message);
        byte[] payload = codec.encodePayload(message);
        if (closed.get()) {
            LOG.debug("link closed: not sending {}", message.getClass().getSimpleName());
            return;
        }
        onEventThread(() -> sendPayload(msgId, payload));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code type} is not a message class of the ardupilotmega dialect
     */
    @Override
    public <T> Subscription subscribe(Class<T> type, MessageListener<T> listener) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listener, "listener");
        int id = MessageTable.idOf(type);
        if (table.type(id) != type) {
            throw new IllegalArgumentException(type.getName() + " (id " + id + ") is not a message of the dialect");
        }
        TypedSubscriber<T> sub = new TypedSubscriber<>(type, listener);
        CopyOnWriteArrayList<TypedSubscriber<?>> list = typed.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        list.add(sub);
        return () -> list.remove(sub);
    }

    @Override
    public Subscription subscribeFrames(Consumer<MavlinkFrame> listener) {
        return Subscription.register(frameSubscribers, listener);
    }

    @Override
    public Subscription subscribeEvents(Consumer<LinkEvent> listener) {
        return Subscription.register(eventSubscribers, listener);
    }

    /**
     * Listens to link events on the callback executor, in the order they happened.
     *
     * @param listener the listener
     * @return handle to unsubscribe
     */
    public Subscription onEvent(Consumer<LinkEvent> listener) {
        return Subscription.register(eventListeners, listener);
    }

    /**
     * Listens to changes of the attached vehicle (mode, armed state, status, connection, version) on the event
     * thread: {@code autopilot().subscribeVehicle(listener)}.
     *
     * @param listener called with each new snapshot
     * @return handle to unsubscribe
     */
    public Subscription subscribeVehicle(Consumer<Vehicle> listener) {
        return autopilot.subscribeVehicle(listener);
    }

    /**
     * Listens to changes of the attached vehicle on the callback executor.
     *
     * @param listener called with each new snapshot, in order
     * @return handle to unsubscribe
     */
    public Subscription onVehicleChanged(Consumer<Vehicle> listener) {
        return Subscription.register(vehicleListeners, listener);
    }

    @Override
    public AttachedAutopilot autopilot() {
        return autopilot;
    }

    /**
     * Waits for the autopilot's first HEARTBEAT: {@code autopilot().awaitVehicle()}.
     *
     * @return a future completed on the callback executor with the vehicle (at once if already attached), or
     *     exceptionally with {@link LinkClosedException} if the link closes first
     */
    public CompletableFuture<Vehicle> awaitVehicle() {
        return autopilot.awaitVehicle();
    }

    /**
     * Asks the attached autopilot for AUTOPILOT_VERSION (COMMAND_LONG MAV_CMD_REQUEST_MESSAGE, param1 = 148), once,
     * without waiting for or retrying on the COMMAND_ACK (the command service does that). When the answer arrives,
     * the {@link Vehicle} snapshot gains its flight software version and capabilities.
     *
     * @return false if no autopilot is attached yet (nothing sent)
     */
    public boolean requestAutopilotVersion() {
        Vehicle v = autopilot.vehicle().orElse(null);
        if (v == null) {
            return false;
        }
        send(CommandLong.builder().targetSystem(v.sysId()).targetComponent(v.compId())
                .command(MavCmd.MAV_CMD_REQUEST_MESSAGE).param1(MSG_AUTOPILOT_VERSION).build());
        return true;
    }

    /**
     * Components heard through their heartbeats.
     *
     * @return an immutable snapshot, ordered by (system, component); thread-safe
     */
    public List<Peer> peers() {
        return peerSnapshot;
    }

    /**
     * Counters since creation.
     *
     * @return an immutable snapshot; thread-safe (called off the event thread, per-peer sequence counters may be up
     *     to 100 ms of scheduler time old)
     */
    public LinkStats stats() {
        long framesIn = 0;
        long bytesIn = 0;
        long dropped = 0;
        Map<DiscardReason, Long> discards = new EnumMap<>(DiscardReason.class);
        for (DiscardReason r : DiscardReason.values()) {
            discards.put(r, 0L);
        }
        for (Slot s : slots) {
            framesIn += s.parser.stats().frames();
            bytesIn += s.parser.stats().bytesIn();
            dropped += s.queue.dropped();
            for (DiscardReason r : DiscardReason.values()) {
                discards.merge(r, s.parser.stats().count(r), Long::sum);
            }
        }
        Map<SignatureVerdict, Long> rejections = new EnumMap<>(SignatureVerdict.class);
        for (SignatureVerdict v : SignatureVerdict.values()) {
            long n = rejectionsOf(v).get();
            if (!v.accepted() && n > 0) {
                rejections.put(v, n);
            }
        }
        List<LinkStats.PeerStats> peerStats = peerStatsSnapshot;
        if (scheduler.inEventThread()) {
            publishPeerStats(scheduler.nanoTime());
            peerStats = peerStatsSnapshot;
        }
        return new LinkStats(framesIn, bytesIn, framesOut.get(), bytesOut.get(),
                Objects.requireNonNull(discards.get(DiscardReason.BAD_CRC), "every reason is counted"),
                discards, rejections, dropped, failedWrites.get(), ownFrames.get(), peerStats);
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closing started
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops the heartbeat at once, then on the event thread: closes the transports and their write queues (queued
     * frames are discarded), completes pending futures exceptionally with {@link LinkClosedException}, and emits
     * {@link LinkEvent.Closed}, the last event. Idempotent; thread-safe.
     *
     * <p>Called on the event thread (or a {@link ManualScheduler}'s driving thread) it completes before returning.
     * Called from another thread it waits up to {@link #CLOSE_WAIT} for the event thread to finish; if the event thread
     * is stuck, the transports are closed on the calling thread; if the scheduler already stopped, everything is done
     * on the calling thread. (Off a
     * {@link ManualScheduler}'s driving thread it does not wait: the rest happens at the next {@code advance}.)
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Cancellable hb = heartbeatTask;
        if (hb != null) {
            hb.cancel();
        }
        silenceEvidence.cancel();
        if (scheduler.inEventThread()) {
            finishClose();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        try {
            scheduler.execute(() -> {
                finishClose();
                done.countDown();
            });
        } catch (RuntimeException e) {
            LOG.warn("scheduler refused the close task (stopped?); closing on the calling thread", e);
            finishClose();
            return;
        }
        if (scheduler instanceof ManualScheduler) {
            return;
        }
        try {
            if (!done.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("event thread did not finish closing within {}; closing transports on the calling thread",
                        CLOSE_WAIT);
                closeTransports();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeTransports();
        }
    }

    private void closeTransports() {
        for (Slot s : slots) {
            s.queue.close();
            if (s.writerThread != null) {
                s.writerThread.interrupt();
            }
            try {
                s.transport.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed", s.name, e);
            }
        }
    }

    // ---------------------------------------------------------------- event thread

    private void finishClose() {
        if (closeDone) {
            return;
        }
        closeTransports();
        for (Slot s : slots) {
            emit(new LinkEvent.TransportStateChanged(s.name, TransportState.CLOSED, "link closed"));
            if (s.burstTimer != null) {
                s.burstTimer.cancel();
                s.burstTimer = null;
            }
        }
        for (PeerState p : peers.values()) {
            if (p.lostTimer != null) {
                p.lostTimer.cancel();
                p.lostTimer = null;
            }
        }
        emit(new LinkEvent.Closed());
        closeDone = true;
    }

    private void sendHeartbeat() {
        if (closed.get()) {
            return;
        }
        sendPayload(MSG_HEARTBEAT, heartbeatPayload);
    }

    private void sendPayload(int msgId, byte[] payload) {
        if (closed.get()) {
            return;
        }
        MavlinkFrame frame = writer.encodeV2(config.systemId(), config.componentId(), msgId, payload, config.signer());
        for (Slot s : slots) {
            s.queue.offer(frame);
            if (eventThreadWrites) {
                MavlinkFrame f;
                while ((f = s.queue.poll()) != null) {
                    write(s, f);
                }
            }
        }
    }

    private void write(Slot s, MavlinkFrame f) {
        boolean ok;
        try {
            ok = s.transport.send(f.raw(), 0, f.raw().length);
        } catch (RuntimeException e) {
            LOG.warn("{} threw on send", s.name, e);
            ok = false;
        }
        if (ok) {
            framesOut.incrementAndGet();
            bytesOut.addAndGet(f.raw().length);
        } else {
            failedWrites.incrementAndGet();
        }
    }

    private void onFrame(Slot slot, MavlinkFrame frame) {
        if (closeDone) {
            return;
        }
        if (slot.burstTimer != null) {
            flushBurst(slot);
        }
        if (frame.sysId() == config.systemId() && frame.compId() == config.componentId()) {
            ownFrames.incrementAndGet();
            return;
        }
        SignatureVerdict verdict;
        try {
            verdict = config.signatureCheck().check(frame);
        } catch (RuntimeException e) {
            LOG.error("signature check threw; frame rejected: {}", frame, e);
            verdict = SignatureVerdict.REJECTED_BAD_SIGNATURE;
        }
        if (verdict == null || !verdict.accepted()) {
            SignatureVerdict v = verdict == null ? SignatureVerdict.REJECTED_BAD_SIGNATURE : verdict;
            rejectionsOf(v).incrementAndGet();
            emit(new LinkEvent.SignatureRejected(v, frame.sysId(), frame.compId(), frame.msgId()));
            return;
        }
        sequences.record(frame.sysId(), frame.compId(), frame.seq());
        long now = scheduler.nanoTime();
        if (now - peerStatsPublishedNanos >= PEER_STATS_REFRESH_NANOS) {
            publishPeerStats(now);
        }
        if (frame.msgId() == MSG_HEARTBEAT) {
            onHeartbeat(peers.computeIfAbsent(key(frame.sysId(), frame.compId()),
                    k -> new PeerState(frame.sysId(), frame.compId())), frame);
        }
        dispatching = frame;
        for (Consumer<MavlinkFrame> c : frameSubscribers) {   // the attached autopilot first: it subscribed first
            try {
                c.accept(frame);
            } catch (RuntimeException e) {
                LOG.warn("frame subscriber threw on {}", frame, e);
            }
        }
        dispatching = null;
        CopyOnWriteArrayList<TypedSubscriber<?>> subs = typed.get(frame.msgId());
        if (subs != null && !subs.isEmpty()) {
            Object message = codec.decode(frame).orElse(null);
            if (message == null) {
                LOG.debug("could not decode {}", frame);
                return;
            }
            for (TypedSubscriber<?> s : subs) {
                s.deliver(message, frame);
            }
        }
    }

    private void onHeartbeat(PeerState p, MavlinkFrame f) {
        int type = f.payloadByte(4);
        int autopilot = f.payloadByte(5);
        boolean changed = !p.alive || p.mavType != type || p.autopilot != autopilot;
        p.lastHeartbeatNanos = scheduler.nanoTime();
        p.mavType = type;
        p.autopilot = autopilot;
        boolean newlySeen = !p.alive;
        p.alive = true;
        if (changed) {
            publishPeers();
        }
        if (newlySeen) {
            // after publishing: whoever sees PeerSeen finds the peer in peers()
            emit(new LinkEvent.PeerSeen(p.sysId, p.compId, type, autopilot));
        }
        if (p.lostTimer == null) {
            p.lostTimer = scheduler.schedule(config.peerLostTimeout(), () -> checkLost(p));
        }
    }

    private void checkLost(PeerState p) {
        p.lostTimer = null;
        if (closeDone || !p.alive) {
            return;
        }
        long timeoutNanos = config.peerLostTimeout().toNanos();
        long silence = scheduler.nanoTime() - p.lastHeartbeatNanos;
        long proven = silenceEvidence.provenSilenceNanos(p.lastHeartbeatNanos);
        if (proven < timeoutNanos) {
            p.lostTimer = scheduler.schedule(Duration.ofNanos(timeoutNanos - proven), () -> checkLost(p));
            return;
        }
        p.alive = false;
        publishPeers();
        emit(new LinkEvent.PeerLost(p.sysId, p.compId, silence / 1_000_000L));
    }

    /** The attached autopilot rebooted (event thread): its sequence count restarts with the frame that showed it. */
    private void onReboot(AutopilotReboot r) {
        sequences.forget(r.sysId(), r.compId());
        MavlinkFrame f = dispatching;
        if (f != null && f.sysId() == r.sysId() && f.compId() == r.compId()) {
            sequences.record(f.sysId(), f.compId(), f.seq());
        }
        emit(new LinkEvent.AutopilotRebooted(r.sysId(), r.compId(), r.reason()));
    }

    private void onVehicle(Vehicle next) {
        for (Consumer<Vehicle> c : vehicleListeners) {
            callbacks.execute(() -> c.accept(next));
        }
    }

    private void publishPeerStats(long nowNanos) {
        List<LinkStats.PeerStats> list = new ArrayList<>();
        for (SequenceTracker.SequenceStats q : sequences.all()) {
            list.add(new LinkStats.PeerStats(q.sysId(), q.compId(), q.received(), q.lost(), q.duplicates(),
                    q.lossPercent()));
        }
        list.sort(Comparator.comparingInt(LinkStats.PeerStats::sysId).thenComparingInt(LinkStats.PeerStats::compId));
        peerStatsSnapshot = List.copyOf(list);
        peerStatsPublishedNanos = nowNanos;
    }

    private void publishPeers() {
        List<Peer> list = new ArrayList<>();
        for (PeerState p : peers.values()) {
            list.add(new Peer(p.sysId, p.compId, p.mavType, p.autopilot, p.alive));
        }
        list.sort(Comparator.comparingInt(Peer::sysId).thenComparingInt(Peer::compId));
        peerSnapshot = List.copyOf(list);
    }

    private void onDiscards(Slot slot, long[] counts) {
        if (closeDone) {
            return;
        }
        for (int i = 0; i < counts.length; i++) {
            slot.burst[i] += counts[i];
        }
        if (slot.burstTimer == null) {
            slot.burstTimer = scheduler.schedule(PARSE_BURST_WINDOW, () -> flushBurst(slot));
        }
    }

    private void flushBurst(Slot slot) {
        if (slot.burstTimer != null) {
            slot.burstTimer.cancel();
            slot.burstTimer = null;
        }
        if (closeDone) {
            return;
        }
        DiscardReason[] reasons = DiscardReason.values();
        for (int i = 0; i < reasons.length; i++) {
            long n = slot.burst[i];
            if (n > 0) {
                slot.burst[i] = 0;
                emit(new LinkEvent.ParseError(slot.name, reasons[i], n));
            }
        }
    }

    private void onTransportState(Slot slot, TransportState state, String detail) {
        if (closeDone) {
            return;
        }
        emit(new LinkEvent.TransportStateChanged(slot.name, state, detail));
    }

    private void emit(LinkEvent e) {
        if (closeDone) {
            return;
        }
        LOG.debug("{}", e);
        for (Consumer<LinkEvent> c : eventSubscribers) {
            try {
                c.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("event subscriber threw on {}", e, ex);
            }
        }
        for (Consumer<LinkEvent> c : eventListeners) {
            callbacks.execute(() -> c.accept(e));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void onEventThread(Runnable task) {
        if (scheduler.inEventThread()) {
            task.run();
        } else {
            scheduler.execute(task);
        }
    }

    private AtomicLong rejectionsOf(SignatureVerdict v) {
        return Objects.requireNonNull(signatureRejections.get(v), "every verdict has its counter");
    }

    private static int key(int sysId, int compId) {
        return sysId << 8 | compId;
    }

    private record TypedSubscriber<T>(Class<T> type, MessageListener<T> listener) {
        void deliver(Object message, MavlinkFrame frame) {
            if (!type.isInstance(message)) {
                return;
            }
            try {
                listener.onMessage(type.cast(message), frame);
            } catch (RuntimeException e) {
                LOG.warn("subscriber of {} threw", type.getSimpleName(), e);
            }
        }
    }

    /** Per source (system, component) that sent a HEARTBEAT: heartbeat state. Event thread only. */
    private static final class PeerState {
        final int sysId;
        final int compId;
        boolean alive;
        int mavType;
        int autopilot;
        long lastHeartbeatNanos;
        @Nullable Cancellable lostTimer;

        PeerState(int sysId, int compId) {
            this.sysId = sysId;
            this.compId = compId;
        }
    }

    /** One transport: its parser (fed on the reader thread), write queue and optional writer thread. */
    private final class Slot implements TransportListener, FrameParser.Listener {
        final Transport transport;
        final String name;
        final FrameParser parser;
        final WriteQueue queue;
        @Nullable Thread writerThread;
        // reader thread only
        private final long[] pendingDiscards = new long[DiscardReason.values().length];
        private boolean anyPending;
        private boolean schedulerGoneLogged;
        // event thread only
        final long[] burst = new long[DiscardReason.values().length];
        @Nullable Cancellable burstTimer;

        Slot(Transport transport) {
            this.transport = transport;
            this.name = transport.description();
            this.parser = new FrameParser(table, this);
            this.queue = new WriteQueue(config.writeQueueCapacity());
        }

        void startWriter() {
            writerThread = new Thread(() -> {
                try {
                    MavlinkFrame f;
                    while ((f = queue.take()) != null) {
                        write(this, f);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "vigie-link-writer " + name);
            writerThread.setDaemon(true);
            writerThread.start();
        }

        @Override
        public void onBytes(byte[] data, int offset, int length) {
            if (closed.get()) {
                return;
            }
            parser.feed(data, offset, length);
            if (transport.datagrams()) {
                parser.flush();
            }
            postDiscards();
        }

        @Override
        public void onState(TransportState state, String detail) {
            post(() -> onTransportState(this, state, detail));
        }

        @Override
        public void onFrame(FrameView view) {
            postDiscards();
            MavlinkFrame frame = view.toFrame();
            post(() -> MavlinkLink.this.onFrame(this, frame));
        }

        // reader thread, once per discarded byte run: an index into a counter array sized by values().length, which
        // never leaves this process, allocation-free where an EnumMap would box
        @SuppressWarnings("EnumOrdinal")
        @Override
        public void onDiscard(DiscardReason reason, int byteCount) {
            pendingDiscards[reason.ordinal()] += byteCount;
            anyPending = true;
        }

        private void postDiscards() {
            if (!anyPending) {
                return;
            }
            long[] counts = pendingDiscards.clone();
            java.util.Arrays.fill(pendingDiscards, 0);
            anyPending = false;
            post(() -> onDiscards(this, counts));
        }

        /** Hands a task to the event thread; a stopped scheduler must not kill the transport's reader thread. */
        private void post(Runnable task) {
            try {
                scheduler.execute(task);
            } catch (RuntimeException e) {
                if (!schedulerGoneLogged) {
                    schedulerGoneLogged = true;
                    LOG.warn("{}: the link's scheduler refused a task (stopped?); received data is dropped", name, e);
                }
            }
        }
    }
}
