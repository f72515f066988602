package org.vigie.mission.dispatch;

import org.vigie.dispatch.AckStatus;
import org.vigie.dispatch.DecodeResult;
import org.vigie.dispatch.DispatchCodec;
import org.vigie.dispatch.DispatchMessage;
import org.vigie.dispatch.DispatchSecurity;
import org.vigie.dispatch.DispatchWire;
import org.vigie.dispatch.OrderedExecutor;
import org.vigie.dispatch.Reassembler;
import org.vigie.dispatch.TunnelSender;
import org.vigie.dispatch.Utf8;
import io.dronefleet.mavlink.common.Tunnel;
import io.dronefleet.mavlink.minimal.Heartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Futures;
import org.vigie.link.LinkEvent;
import org.vigie.link.MavlinkLink;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.signing.SignatureChecker;
import org.vigie.link.signing.SignatureVerdict;
import org.vigie.link.signing.Signing;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;
import org.vigie.mission.Companion;
import org.vigie.dispatch.DispatchRequest;
import org.vigie.mission.Flight;
import org.vigie.mission.FlightEvent;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.dispatch.FlightPhase;
import org.vigie.mission.FlightReport;
import org.vigie.audit.AuditReceipt;
import org.vigie.mission.audit.MissionAudit;

/**
 * The drone's end of the signed dispatch link: turns authenticated orders into {@link Companion} actions and answers
 * every one.
 *
 * <ul>
 *   <li>DISPATCH: {@link Companion#dispatch}; answered ACCEPTED (new flight, with its flight id), RETASKED (the
 *       companion's busy policy retasked the flight in progress), REFUSED_BUSY (the sentence says which alert is being
 *       flown) or REFUSED_PLAN (the planner's or preflight's sentence). The ACK of a new flight is sent once the
 *       flight's start-up plan check has run, so a target outside the district is refused in the ACK itself.</li>
 *   <li>RETASK: {@link Flight#retask} on the named flight; CANCEL: {@link Flight#cancel} (recorded in the companion's
 *       accountability log with who cancelled, from where and why).</li>
 *   <li>FLIGHT_STATUS to the centre that started a flight: on every phase change, the final one with the outcome,
 *       repeated periodically (never before the flight's ACK).</li>
 *   <li>Idempotency: an order is identified by (sender system, sender component, request id). A repeat gets the
 *       same answer and never acts twice; a repeat with different content is refused (REFUSED_ID_CONFLICT).</li>
 *   <li>Liveness: every authenticated order, and every authenticated HEARTBEAT from a dispatch centre (MAV_TYPE_GCS,
 *       or a system that has sent an order), calls {@link Companion#dispatchLinkAlive()}, which feeds the flight's
 *       dispatch-link-lost failsafe. Heartbeats of other drones sharing the dispatch network do not count, nor
 *       frames signed at or before the newest bound the link's replay memory held when it started
 *       ({@link org.vigie.link.signing.StreamTimestamps#restartFloor()}): only frames newer than anything seen before
 *       a restart count (counted in {@link DispatchServerStats#notLiveAfterRestart()}).</li>
 *   <li>Security: the link must sign and must require signatures on everything (see {@link DispatchSecurity});
 *       unsigned, wrong-key, retired-key, replayed and stale frames are dropped by the link before reaching this server
 *       or the companion (with {@link DispatchSecurity#signedLink(org.vigie.link.LinkConfig,
 *       org.vigie.link.signing.SigningKeyring, org.vigie.link.signing.SigningTimestamps,
 *       org.vigie.link.signing.StreamTimestamps, int)} the replay memory survives restarts and keys rotate), and are
 *       counted ({@link #stats()}) and reported as {@link DispatchServerEvent.FrameRejected}.
 *       The requester origin recorded for an order is the origin the centre claims followed by the authenticated
 *       MAVLink source ({@code " via MAVLink 255/190 link 1"}). An order signed before this server started (a
 *       replay after a restart, when the link's replay memory and the idempotency memory are empty) is refused
 *       REFUSED_STALE, see {@link DispatchServerOptions#startTolerance()}.</li>
 * </ul>
 *
 * <p>Threading: all state lives on the dispatch link's event thread; public methods are thread-safe. Listeners run on
 * the link's callback executor, one event at a time, in order. The companion may run on another scheduler.
 *
 * <p>Errors: bad bytes never throw (counted, answered with a refusal when the sender can be answered).
 */
public final class DispatchServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchServer.class);
    /** Ended flights remembered to answer RETASK/CANCEL with "has ended". */
    private static final int ENDED_FLIGHTS_KEPT = 64;
    private static final int MAX_ORIGIN_CHARS = 128;
    private static final int MAV_TYPE_GCS = 6;

    private final Companion companion;
    private final MavlinkLink link;
    private final Scheduler scheduler;
    private final DispatchServerOptions options;
    private final Reassembler reassembler;
    private final TunnelSender sender;
    private final OrderedExecutor callbacks;
    private final LinkedHashMap<OrderKey, Order> orders = new LinkedHashMap<>();
    private final LinkedHashMap<Long, Tracked> flights = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Cancellable> timers = new ArrayList<>();
    private final CopyOnWriteArrayList<Consumer<DispatchServerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long nextFlightId;
    /** Orders signed before this signing timestamp (10 µs units since 2015) are refused as stale. */
    private final long staleBefore;
    /** Frames signed at or before this timestamp are older than something the link accepted before its restart. */
    private final long liveAfter;
    /** Senders (sysId << 8 | compId) of accepted orders: their heartbeats count as the centre's. */
    private final Set<Integer> centres = new java.util.HashSet<>();
    /** Centres (sysId << 8 | compId) whose live heartbeat was reported by CentreSeen and not yet lost. */
    private final Set<Integer> centresSeen = new java.util.HashSet<>();

    private final AtomicLong tunnels = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong notAddressed = new AtomicLong();
    private final AtomicLong ordersReceived = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong reassemblyTimeouts = new AtomicLong();
    private final AtomicLong acksSent = new AtomicLong();
    private final AtomicLong statusesSent = new AtomicLong();
    private final Map<SignatureVerdict, AtomicLong> rejected = new java.util.EnumMap<>(SignatureVerdict.class);
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong notLive = new AtomicLong();

    private record OrderKey(int sysId, int compId, long requestId) {
    }

    private static final class Order {
        final byte[] body;
        DispatchMessage.@Nullable Ack ack;

        Order(byte[] body) {
            this.body = body;
        }
    }

    private static final class Tracked {
        final long flightId;
        final long requestId;
        final Flight flight;
        final int sysId;
        final int compId;
        final Set<FlightEvent> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<DispatchMessage.FlightStatus> held = new ArrayList<>();
        DispatchMessage.@Nullable FlightStatus latest;
        int sequence = -1;
        boolean acked;
        boolean ended;
        int finalRepeatsLeft;

        Tracked(long flightId, long requestId, Flight flight, int sysId, int compId) {
            this.flightId = flightId;
            this.requestId = requestId;
            this.flight = flight;
            this.sysId = sysId;
            this.compId = compId;
        }
    }

    private DispatchServer(Companion companion, MavlinkLink link, DispatchServerOptions options) {
        this.companion = Objects.requireNonNull(companion, "companion");
        this.link = Objects.requireNonNull(link, "link");
        this.options = Objects.requireNonNull(options, "options");
        DispatchSecurity.requireSigned(link.config(), "server");
        this.liveAfter = ((SignatureChecker) link.config().signatureCheck()).streams().restartFloor();
        this.scheduler = link.scheduler();
        this.reassembler = new Reassembler(options.reassemblyTimeout(), options.maxPartialTransfers());
        long start = scheduler.now().getEpochSecond();
        this.nextFlightId = Math.max(1, start & 0x7FFF_FFFFL);
        this.staleBefore = Signing.timestampOf(scheduler.now()) - options.startTolerance().toNanos() / 10_000;
        this.sender = new TunnelSender(link, (int) start);
        this.callbacks = new OrderedExecutor(link.callbackExecutor());
        for (SignatureVerdict v : SignatureVerdict.values()) {
            rejected.put(v, new AtomicLong());
        }
    }

    /**
     * Starts serving orders from a signed dispatch link for a companion.
     *
     * <p>Flight ids start from the scheduler's epoch second (31 bits), so ids of successive runs do not collide.
     *
     * @param companion the companion that flies
     * @param link      the dispatch link (not the autopilot's): signed, requiring signatures on everything it
     *                  receives (build its configuration with {@link DispatchSecurity#signedLink}); its system id is
     *                  the one the centre addresses
     * @param options   tunables
     * @return the running server
     * @throws IllegalArgumentException if the link does not sign, or accepts unsigned TUNNEL or HEARTBEAT frames
     */
    public static DispatchServer start(Companion companion, MavlinkLink link, DispatchServerOptions options) {
        DispatchServer s = new DispatchServer(companion, link, options);
        s.subscriptions.add(link.subscribe(Tunnel.class, s::onTunnel));
        s.subscriptions.add(link.subscribe(Heartbeat.class, s::onHeartbeat));
        s.subscriptions.add(link.subscribeEvents(s::onLinkEvent));
        s.subscriptions.add(DispatchSecurity.keys(link.config())
                .onEvent(e -> companion.options().accountability().keyEvent(e)));
        long sweepMs = Math.max(50, options.reassemblyTimeout().toMillis() / 2);
        s.timers.add(s.scheduler.scheduleAtFixedRate(Duration.ofMillis(sweepMs), Duration.ofMillis(sweepMs),
                s::sweep));
        if (!options.statusRepeatPeriod().isZero()) {
            s.timers.add(s.scheduler.scheduleAtFixedRate(options.statusRepeatPeriod(), options.statusRepeatPeriod(),
                    s::repeatStatuses));
        }
        return s;
    }

    /**
     * Adds a listener for the accountability events (orders, answers, rejected frames, centre seen / lost).
     *
     * @param listener called on the link's callback executor, in order
     * @return handle to remove it
     */
    public Subscription onEvent(Consumer<DispatchServerEvent> listener) {
        return Subscription.register(listeners, listener);
    }

    /** @return counters since start (a snapshot; callable from any thread) */
    public DispatchServerStats stats() {
        return new DispatchServerStats(tunnels.get(), foreign.get(), notAddressed.get(), ordersReceived.get(),
                duplicates.get(), malformed.get(), reassemblyTimeouts.get(), acksSent.get(), statusesSent.get(),
                rejected(SignatureVerdict.REJECTED_UNSIGNED).get(),
                rejected(SignatureVerdict.REJECTED_BAD_SIGNATURE).get(),
                rejected(SignatureVerdict.REJECTED_REPLAY).get(),
                rejected(SignatureVerdict.REJECTED_TOO_OLD).get(), heartbeats.get(), stale.get(),
                rejected(SignatureVerdict.REJECTED_RETIRED_KEY).get(),
                rejected(SignatureVerdict.REJECTED_STREAM_LIMIT).get(), notLive.get());
    }

    /** Stops serving (the link and the companion stay open; flights in progress continue). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        subscriptions.forEach(Subscription::close);
        timers.forEach(Cancellable::cancel);
    }

    // ---------------------------------------------------------------------------------------------- event thread

    private void onLinkEvent(LinkEvent e) {
        if (closed.get()) {
            return;
        }
        if (e instanceof LinkEvent.SignatureRejected r) {
            rejected(r.verdict()).incrementAndGet();
            LOG.warn("dispatch link dropped a frame: {} from {}/{} msg {}", r.verdict(), r.sysId(), r.compId(),
                    r.msgId());
            emit(new DispatchServerEvent.FrameRejected(scheduler.now(), r.verdict(), r.sysId(), r.compId(), r.msgId()));
        } else if (e instanceof LinkEvent.PeerLost p && centresSeen.remove(p.sysId() << 8 | p.compId())) {
            emit(new DispatchServerEvent.CentreLost(scheduler.now(), p.sysId(), p.compId(), p.silenceMs()));
        }
    }

    private void onHeartbeat(Heartbeat hb, MavlinkFrame frame) {
        if (closed.get()) {
            return;
        }
        boolean gcs = hb.type() != null && hb.type().value() == MAV_TYPE_GCS;
        int centre = frame.sysId() << 8 | frame.compId();
        if ((gcs || centres.contains(centre)) && live(frame)) {
            heartbeats.incrementAndGet();
            companion.dispatchLinkAlive();
            if (centresSeen.size() < 256 && centresSeen.add(centre)) {
                emit(new DispatchServerEvent.CentreSeen(scheduler.now(), frame.sysId(), frame.compId()));
            }
        }
    }

    /** Whether a frame may count as the centre being alive: newer than anything the link saw before its restart. */
    private boolean live(MavlinkFrame frame) {
        if (frame.signed() && frame.signatureTimestamp() <= liveAfter) {
            notLive.incrementAndGet();
            return false;
        }
        return true;
    }

    private void onTunnel(Tunnel t, MavlinkFrame frame) {
        if (closed.get()) {
            return;
        }
        tunnels.incrementAndGet();
        if (t.payloadType() == null || t.payloadType().value() != DispatchWire.PAYLOAD_TYPE) {
            foreign.incrementAndGet();
            return;
        }
        if (t.targetSystem() != link.systemId()
                || (t.targetComponent() != 0 && t.targetComponent() != link.componentId())) {
            notAddressed.incrementAndGet();
            return;
        }
        if (live(frame)) {
            companion.dispatchLinkAlive();
        }
        int sys = frame.sysId();
        int comp = frame.compId();
        Reassembler.Result r = reassembler.accept(sys << 8 | comp, t.payload(), t.payloadLength(),
                scheduler.monotonicMs());
        if (r instanceof Reassembler.Rejected rej) {
            refuseMalformed(sys, comp, 0, rej.badVersion() ? AckStatus.REFUSED_VERSION : AckStatus.REFUSED_MALFORMED,
                    rej.detail());
            return;
        }
        if (!(r instanceof Reassembler.Complete c)) {
            return;
        }
        DecodeResult d = DispatchCodec.decode(c.body());
        if (d instanceof DecodeResult.Malformed m) {
            AckStatus st = m.reason() == DecodeResult.MalformedReason.BAD_VALUE && m.requestId() != 0
                    ? AckStatus.REFUSED_INVALID : AckStatus.REFUSED_MALFORMED;
            refuseMalformed(sys, comp, m.requestId(), st, m.detail());
            return;
        }
        DispatchMessage msg = ((DecodeResult.Decoded) d).message();
        long requestId;
        if (msg instanceof DispatchMessage.Dispatch x) {
            requestId = x.requestId();
        } else if (msg instanceof DispatchMessage.Retask x) {
            requestId = x.requestId();
        } else if (msg instanceof DispatchMessage.Cancel x) {
            requestId = x.requestId();
        } else {
            malformed.incrementAndGet();
            emit(new DispatchServerEvent.MalformedOrder(scheduler.now(), sys, comp,
                    "a drone-to-centre message (kind " + msg.kind() + ") was sent to the drone; ignored"));
            return;
        }
        if (frame.signed() && frame.signatureTimestamp() < staleBefore) {
            stale.incrementAndGet();
            emit(new DispatchServerEvent.MalformedOrder(scheduler.now(), sys, comp, "order "
                    + Long.toUnsignedString(requestId) + " signed at " + Signing.instantOf(frame.signatureTimestamp())
                    + ", before this dispatch server started: refused as a possible replay"));
            answer(sys, comp, new DispatchMessage.Ack(requestId, AckStatus.REFUSED_STALE, 0, "this order was signed at "
                    + Signing.instantOf(frame.signatureTimestamp()) + ", before the drone's dispatch server started; "
                    + "it may be a replay: send it again"));
            return;
        }
        OrderKey key = new OrderKey(sys, comp, requestId);
        Order prior = orders.get(key);
        if (prior != null) {
            if (!Arrays.equals(prior.body, c.body())) {
                answer(sys, comp, new DispatchMessage.Ack(requestId, AckStatus.REFUSED_ID_CONFLICT, 0,
                        "request id " + Long.toUnsignedString(requestId) + " was already used for a different order;"
                                + " nothing done"));
                return;
            }
            duplicates.incrementAndGet();
            emit(new DispatchServerEvent.DuplicateOrder(scheduler.now(), sys, comp, requestId));
            if (prior.ack != null) {
                answer(sys, comp, prior.ack);
            }
            return;
        }
        orders.put(key, new Order(c.body()));
        while (orders.size() > options.answeredCacheSize()) {
            Iterator<OrderKey> it = orders.keySet().iterator();
            it.next();
            it.remove();
        }
        ordersReceived.incrementAndGet();
        if (centres.size() < 256) {
            centres.add(sys << 8 | comp);
        }
        int linkId = frame.signed() ? frame.signatureLinkId() : -1;
        emit(new DispatchServerEvent.OrderReceived(scheduler.now(), sys, comp, linkId, msg));
        auditOrder(msg, requestId, sys, comp, linkId);
        try {
            if (msg instanceof DispatchMessage.Dispatch x) {
                onDispatch(key, withSource(x.request(), sys, comp, linkId));
            } else if (msg instanceof DispatchMessage.Retask x) {
                onRetask(key, x.flightId(), withSource(x.request(), sys, comp, linkId));
            } else {
                onCancel(key, (DispatchMessage.Cancel) msg, sys, comp, linkId);
            }
        } catch (RuntimeException e) {
            LOG.error("dispatch order {} failed", key, e);
            decide(key, AckStatus.REFUSED_INTERNAL, 0, "internal error on the drone: " + e);
        }
    }

    private AtomicLong rejected(SignatureVerdict v) {
        return Objects.requireNonNull(rejected.get(v), "every verdict has its counter");
    }

    // f.request() == req: identity on purpose, the flight was started for this very order (not retasked to it)
    @SuppressWarnings("ReferenceEquality")
    private void onDispatch(OrderKey key, DispatchRequest req) {
        Flight f;
        try {
            f = companion.dispatch(req);
        } catch (IllegalStateException e) {
            decide(key, AckStatus.REFUSED_CLOSED, 0, "the companion is not accepting dispatches: " + e.getMessage());
            return;
        }
        if (f.request() == req) {
            if (Companion.viewOf(f).isEmpty()) {
                FlightReport r = f.report().getNow(null);
                decide(key, AckStatus.REFUSED_BUSY, 0, r != null ? r.outcomeReason() : "refused by the companion");
                return;
            }
            Tracked t = track(f, key.requestId(), key.sysId(), key.compId());
            // runs on the companion's event thread after the flight's start task (its plan check) has run
            companion.port().scheduler().execute(() -> {
                if (!f.phase().isTerminal()) {
                    scheduler.execute(() -> acceptNew(key, t, AckStatus.ACCEPTED, "flight " + t.flightId
                            + " started for alert " + req.alertId() + standOffSentence(f)));
                } else {
                    Futures.listen(f.report(), (r, e) -> {
                        if (r != null) {
                            scheduler.execute(() -> acceptNew(key, t, r.outcome() == FlightOutcome.REFUSED
                                    ? AckStatus.REFUSED_PLAN : AckStatus.REFUSED_INTERNAL, r.outcomeReason()));
                        }
                    });
                }
            });
            return;
        }
        // the companion's busy policy sent this dispatch to the flight in progress as a retask
        Tracked t = trackedOf(f);
        if (t == null) {
            t = track(f, 0, key.sysId(), key.compId());
            t.acked = true;
        }
        long flightId = t.flightId;
        awaitRetaskDecision(f, req, (accepted, why) -> decide(key,
                accepted ? AckStatus.RETASKED : AckStatus.REFUSED_RETASK, flightId, why));
    }

    /** "; target lies in exclusion 'X'; on scene at the nearest reachable point, 45 m away", or "" (the plan's). */
    private static String standOffSentence(Flight f) {
        for (FlightEvent e : f.events()) {
            if (e instanceof FlightEvent.TargetMoved m) {
                return "; " + m.message();
            }
        }
        return "";
    }

    private void acceptNew(OrderKey key, Tracked t, AckStatus status, String message) {
        decide(key, status, t.flightId, message, () -> {
            t.acked = true;
            for (DispatchMessage.FlightStatus s : t.held) {
                sendStatus(t, s);
            }
            t.held.clear();
        });
    }

    // r.request() == req: identity on purpose, the retask event of this very order
    @SuppressWarnings("ReferenceEquality")
    private void awaitRetaskDecision(Flight f, DispatchRequest req, BiConsumer<Boolean, String> decided) {
        AtomicBoolean done = new AtomicBoolean();
        Consumer<FlightEvent> l = e -> {
            if (e instanceof FlightEvent.Retasked r && r.request() == req && done.compareAndSet(false, true)) {
                scheduler.execute(() -> decided.accept(r.accepted(), r.reason()));
            }
        };
        f.addListener(l);
        f.events().forEach(l);
        Futures.listen(f.report(), (r, e) -> {
            if (r != null && done.compareAndSet(false, true)) {
                scheduler.execute(() -> decided.accept(false, "the flight ended (" + r.finalPhase()
                        + ") before the new target was considered"));
            }
        });
        scheduler.schedule(options.decisionTimeout(), () -> {
            if (done.compareAndSet(false, true)) {
                decided.accept(false, "no decision from the flight within " + options.decisionTimeout().toSeconds()
                        + " s");
            }
        });
    }

    private void onRetask(OrderKey key, long flightId, DispatchRequest req) {
        Tracked t = flights.get(flightId);
        String unknown = unknownFlight(t, flightId);
        if (unknown != null) {
            decide(key, AckStatus.REFUSED_UNKNOWN_FLIGHT, flightId, unknown);
            return;
        }
        Futures.listen(Objects.requireNonNull(t, "a known flight").flight.retask(req), (d, e) -> scheduler.execute(() -> {
            if (e != null) {
                decide(key, AckStatus.REFUSED_INTERNAL, flightId, "retask failed on the drone: " + e);
                return;
            }
            record(d.accepted() ? MissionAudit.Decision.RETASKED : MissionAudit.Decision.REFUSED, req,
                    req.requesterId(), req.requesterOrigin(), req.reason(),
                    "explicit retask of flight " + flightId + ": " + d.reason());
            decide(key, d.accepted() ? AckStatus.RETASKED : AckStatus.REFUSED_RETASK, flightId, d.reason());
        }));
    }

    private void onCancel(OrderKey key, DispatchMessage.Cancel c, int sys, int comp, int linkId) {
        long flightId = c.flightId();
        Tracked t = flights.get(flightId);
        String unknown = unknownFlight(t, flightId);
        if (unknown != null) {
            decide(key, AckStatus.REFUSED_UNKNOWN_FLIGHT, flightId, unknown);
            return;
        }
        String origin = origin(c.requesterOrigin(), sys, comp, linkId);
        Flight flight = Objects.requireNonNull(t, "a known flight").flight;
        DispatchRequest cur = flight.currentRequest();
        Futures.listen(flight.cancel(), (s, e) -> scheduler.execute(() -> {
            if (e != null) {
                decide(key, AckStatus.REFUSED_INTERNAL, flightId, "cancel failed on the drone: " + e);
                return;
            }
            record(MissionAudit.Decision.CANCELLED, cur, c.requesterId(), origin, c.reason(),
                    "flight " + flightId + " cancelled: " + s);
            decide(key, AckStatus.CANCELLED, flightId, s);
        }));
    }

    private @Nullable String unknownFlight(@Nullable Tracked t, long flightId) {
        if (t == null) {
            return "no flight " + flightId + " is known to this drone";
        }
        FlightPhase p = t.flight.phase();
        return p.isTerminal() ? "flight " + flightId + " has ended (" + p + ")" : null;
    }

    private void record(MissionAudit.Decision decision, DispatchRequest r, String who, String origin, String why,
                        String detail) {
        companion.options().accountability().decision(scheduler.now(), decision, r, who, origin, why, detail);
    }

    private void auditOrder(DispatchMessage msg, long requestId, int sys, int comp, int linkId) {
        MissionAudit audit = companion.options().accountability();
        if (msg instanceof DispatchMessage.Dispatch x) {
            audit.orderReceived(scheduler.now(), "DISPATCH", requestId, sys, comp, linkId, x.request().requesterId(),
                    x.request().requesterOrigin(), x.request().reason(), x.request());
        } else if (msg instanceof DispatchMessage.Retask x) {
            audit.orderReceived(scheduler.now(), "RETASK", requestId, sys, comp, linkId, x.request().requesterId(),
                    x.request().requesterOrigin(), x.request().reason(), x.request());
        } else if (msg instanceof DispatchMessage.Cancel x) {
            audit.orderReceived(scheduler.now(), "CANCEL", requestId, sys, comp, linkId, x.requesterId(),
                    x.requesterOrigin(), x.reason(), null);
        }
    }

    /** Records the answer and sends it once the record is on disk (at once if the audit is not durable). */
    private void decide(OrderKey key, AckStatus status, long flightId, String message) {
        decide(key, status, flightId, message, () -> { });
    }

    private void decide(OrderKey key, AckStatus status, long flightId, String message, Runnable afterSent) {
        DispatchMessage.Ack ack = new DispatchMessage.Ack(key.requestId(), status, flightId,
                Utf8.truncate(message == null ? "" : message, DispatchWire.MAX_TEXT_BYTES));
        CompletableFuture<AuditReceipt> onDisk = companion.options().accountability().answered(scheduler.now(),
                key.requestId(), status.name(), flightId, ack.message(), key.sysId(), key.compId());
        Runnable send = () -> {
            Order o = orders.get(key);
            if (o != null) {
                o.ack = ack;
            }
            answer(key.sysId(), key.compId(), ack);
            afterSent.run();
        };
        if (onDisk.isDone()) {
            send.run();
        } else {
            onDisk.whenComplete((r, e) -> scheduler.execute(send));
        }
    }

    private void refuseMalformed(int sys, int comp, long requestId, AckStatus status, String detail) {
        malformed.incrementAndGet();
        emit(new DispatchServerEvent.MalformedOrder(scheduler.now(), sys, comp, detail));
        answer(sys, comp, new DispatchMessage.Ack(requestId, status, 0,
                Utf8.truncate("order not understood: " + detail, DispatchWire.MAX_TEXT_BYTES)));
    }

    private void answer(int sys, int comp, DispatchMessage.Ack ack) {
        if (closed.get()) {
            return;
        }
        sender.send(sys, comp, DispatchCodec.encode(ack));
        acksSent.incrementAndGet();
        emit(new DispatchServerEvent.Answered(scheduler.now(), sys, comp, ack));
    }

    // ---------------------------------------------------------------------------------------------- flight status

    private Tracked track(Flight f, long requestId, int sys, int comp) {
        long id = nextFlightId;
        nextFlightId = nextFlightId >= 0xFFFF_FFFFL ? 1 : nextFlightId + 1;
        Tracked t = new Tracked(id, requestId, f, sys, comp);
        flights.put(id, t);
        trimEnded();
        Consumer<FlightEvent> l = e -> {
            if (e instanceof FlightEvent.PhaseChanged pc && !pc.to().isTerminal()) {
                scheduler.execute(() -> {
                    if (t.seen.add(e) && !t.ended) {
                        status(t, pc.to(), Optional.empty(), pc.reason());
                    }
                });
            }
        };
        f.addListener(l);
        f.events().forEach(l);
        Futures.listen(f.report(), (r, e) -> {
            if (r != null) {
                scheduler.execute(() -> {
                    if (!t.ended) {
                        status(t, r.finalPhase(), Optional.of(r.outcome()), r.outcomeReason());
                        t.ended = true;
                        t.finalRepeatsLeft = options.finalStatusRepeats();
                    }
                });
            }
        });
        return t;
    }

    private @Nullable Tracked trackedOf(Flight f) {
        for (Tracked t : flights.values()) {
            if (t.flight == f) {
                return t;
            }
        }
        return null;
    }

    private void trimEnded() {
        int ended = 0;
        for (Tracked t : flights.values()) {
            ended += t.ended ? 1 : 0;
        }
        for (Iterator<Tracked> it = flights.values().iterator(); it.hasNext() && ended > ENDED_FLIGHTS_KEPT; ) {
            if (it.next().ended) {
                it.remove();
                ended--;
            }
        }
    }

    private void status(Tracked t, FlightPhase phase, Optional<FlightOutcome> outcome, String message) {
        t.sequence = (t.sequence + 1) & 0xFFFF;
        String alert = Utf8.truncate(t.flight.currentRequest().alertId(), DispatchWire.MAX_ID_BYTES);
        DispatchMessage.FlightStatus s = new DispatchMessage.FlightStatus(t.flightId, t.requestId, t.sequence, phase,
                outcome, alert, Utf8.truncate(message == null ? "" : message, DispatchWire.MAX_TEXT_BYTES));
        t.latest = s;
        if (t.acked) {
            sendStatus(t, s);
        } else {
            t.held.add(s);
        }
    }

    private void sendStatus(Tracked t, DispatchMessage.FlightStatus s) {
        if (closed.get()) {
            return;
        }
        sender.send(t.sysId, t.compId, DispatchCodec.encode(s));
        statusesSent.incrementAndGet();
    }

    private void repeatStatuses() {
        if (closed.get()) {
            return;
        }
        for (Tracked t : flights.values()) {
            if (!t.acked || t.latest == null) {
                continue;
            }
            if (!t.ended) {
                sendStatus(t, t.latest);
            } else if (t.finalRepeatsLeft > 0) {
                t.finalRepeatsLeft--;
                sendStatus(t, t.latest);
            }
        }
    }

    private void sweep() {
        int n = reassembler.expire(scheduler.monotonicMs());
        if (n > 0) {
            reassemblyTimeouts.addAndGet(n);
            LOG.info("dispatch link: {} fragmented order(s) never completed", n);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static DispatchRequest withSource(DispatchRequest r, int sys, int comp, int linkId) {
        return r.withOrigin(origin(r.requesterOrigin(), sys, comp, linkId));
    }

    /** The claimed origin followed by the authenticated MAVLink source, within the request's 128 characters. */
    static String origin(String claimed, int sys, int comp, int linkId) {
        String suffix = " via MAVLink " + sys + "/" + comp + (linkId >= 0 ? " link " + linkId : " unsigned");
        String o = claimed.strip();
        if (o.length() + suffix.length() > MAX_ORIGIN_CHARS) {
            int cut = MAX_ORIGIN_CHARS - suffix.length() - 1;
            if (Character.isHighSurrogate(o.charAt(cut - 1))) {
                cut--;
            }
            o = o.substring(0, cut) + "…";
        }
        return o + suffix;
    }

    private void emit(DispatchServerEvent e) {
        if (listeners.isEmpty()) {
            return;
        }
        callbacks.execute(() -> {
            for (Consumer<DispatchServerEvent> l : listeners) {
                l.accept(e);
            }
        });
    }
}
