package org.vigie.dispatch;

import io.dronefleet.mavlink.common.Tunnel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Futures;
import org.vigie.link.LinkClosedException;
import org.vigie.link.LinkEvent;
import org.vigie.link.MavlinkLink;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * The dispatch centre's end of the signed dispatch link, for Java dispatch systems: send a drone to a target, retask
 * it, recall it, and follow its flights.
 *
 * <pre>{@code
 * SigningTimestamps ts = SigningTimestamps.open(scheduler, new AtomicFileTimestampStore(Path.of("centre.ts")));
 * LinkConfig cfg = DispatchSecurity.signedLink(LinkConfig.of(255).withComponentId(190)
 *         .withHeartbeatType(MavType.MAV_TYPE_GCS), key, ts, 1);
 * MavlinkLink link = MavlinkLink.open(cfg, scheduler, pool, "udpout://10.8.0.21:14600");
 * DispatchClient client = DispatchClient.start(link, DispatchClientOptions.defaults());
 * client.onFlightStatus(u -> System.out.println(u.status().phase()));
 * DispatchAck ack = client.dispatch(request, 1).get();   // ACCEPTED with a flight id, or a refusal and why
 * }</pre>
 *
 * <p>Each order carries a request id; when no ACK arrives within {@link DispatchClientOptions#attemptTimeout()} the
 * same order (same id) is sent again, up to {@link DispatchClientOptions#attempts()} times, so the drone answers a
 * retry with its first answer and never acts twice (an order refused REFUSED_STALE, signed before the drone's
 * server restarted, is re-sent at once, freshly signed). The link must sign and require signatures
 * ({@link DispatchSecurity#signedLink}): an ACK or status that is not signed with the key is dropped by the link.
 * The link's heartbeat (GCS type recommended) is what keeps the drone's dispatch-link failsafe quiet.
 *
 * <p>Keys and replays: build the link with
 * {@link DispatchSecurity#signedLink(org.vigie.link.LinkConfig, org.vigie.link.signing.SigningKeyring,
 * org.vigie.link.signing.SigningTimestamps, org.vigie.link.signing.StreamTimestamps, int)} so that a replayed ACK or
 * status from before a restart of the centre is refused (it could otherwise answer an order re-sent with the same
 * request id), and so that the key rotates without a restart: the keyring's {@code install}, {@code switchOutgoing}
 * and {@code retireNow} act on the link this client uses (a centre serving several drones sets
 * {@code followPeer} false). The procedure is in {@code dispatch-wire/README.md}.
 *
 * <p>Threading: public methods are thread-safe and return at once; state lives on the link's event thread. Futures
 * and listeners complete on the link's callback executor, in order.
 *
 * <p>Errors: bad arguments throw {@link IllegalArgumentException} naming the value; a drone that never answers gives
 * {@link AckStatus#NO_ANSWER}; futures fail exceptionally only with {@link LinkClosedException} when the client or its
 * link closes. Bad bytes never throw (counted in {@link #stats()}).
 */
public final class DispatchClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchClient.class);

    private final MavlinkLink link;
    private final Scheduler scheduler;
    private final DispatchClientOptions options;
    private final TunnelSender sender;
    private final Reassembler reassembler;
    private final OrderedExecutor callbacks;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Long, Integer> lastSequence = new java.util.LinkedHashMap<>();
    private final CopyOnWriteArrayList<Consumer<FlightStatusUpdate>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable Cancellable sweepTask;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();
    private final AtomicLong statusesReceived = new AtomicLong();
    private final AtomicLong statusesDelivered = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    private static final class Pending {
        final long requestId;
        final int drone;
        final byte[] body;
        final CompletableFuture<DispatchAck> future;
        int attempts;
        @Nullable Cancellable timer;

        Pending(long requestId, int drone, byte[] body, CompletableFuture<DispatchAck> future) {
            this.requestId = requestId;
            this.drone = drone;
            this.body = body;
            this.future = future;
        }
    }

    private DispatchClient(MavlinkLink link, DispatchClientOptions options) {
        this.link = Objects.requireNonNull(link, "link");
        this.options = Objects.requireNonNull(options, "options");
        DispatchSecurity.requireSigned(link.config(), "client");
        this.scheduler = link.scheduler();
        this.sender = new TunnelSender(link, (int) options.requestIds().getAsLong());
        this.reassembler = new Reassembler(options.reassemblyTimeout(), 32);
        this.callbacks = new OrderedExecutor(link.callbackExecutor());
    }

    /**
     * Starts a client on a signed link.
     *
     * @param link    the centre's link to the drone(s): signed, requiring signatures (see
     *                {@link DispatchSecurity#signedLink}); heartbeat type GCS recommended
     * @param options tunables
     * @return the running client
     * @throws IllegalArgumentException if the link does not sign or accepts unsigned TUNNEL or HEARTBEAT frames
     */
    public static DispatchClient start(MavlinkLink link, DispatchClientOptions options) {
        DispatchClient c = new DispatchClient(link, options);
        c.subscriptions.add(link.subscribe(Tunnel.class, c::onTunnel));
        c.subscriptions.add(link.subscribeEvents(e -> {
            if (e instanceof LinkEvent.Closed) {
                c.failAll("the dispatch link closed");
            }
        }));
        long sweepMs = Math.max(50, options.reassemblyTimeout().toMillis() / 2);
        c.sweepTask = c.scheduler.scheduleAtFixedRate(java.time.Duration.ofMillis(sweepMs),
                java.time.Duration.ofMillis(sweepMs), () -> c.reassembler.expire(c.scheduler.monotonicMs()));
        return c;
    }

    /**
     * Sends a drone to a target with a fresh request id.
     *
     * @param request       the order (who, from where, why, where, how urgent, how long)
     * @param droneSystemId the drone's system id on the dispatch link, 1..255
     * @return completes with the drone's answer (a refusal says why) or NO_ANSWER after every attempt
     * @throws IllegalArgumentException if the system id is out of range or a field exceeds its wire byte limit
     */
    public CompletableFuture<DispatchAck> dispatch(DispatchRequest request, int droneSystemId) {
        return dispatch(request, droneSystemId, newRequestId());
    }

    /**
     * Sends a drone to a target with a request id chosen by the caller (e.g. the dispatch system's own order id, so
     * that an order re-sent after a restart of the dispatch system is recognised by the drone).
     *
     * @param request       the order
     * @param droneSystemId the drone's system id, 1..255
     * @param requestId     the request id, not 0; calling again with a pending id returns the pending future
     * @return completes with the drone's answer or NO_ANSWER
     * @throws IllegalArgumentException if an argument is out of range
     */
    public CompletableFuture<DispatchAck> dispatch(DispatchRequest request, int droneSystemId, long requestId) {
        return submit(new DispatchMessage.Dispatch(requestId, request), requestId, droneSystemId);
    }

    /**
     * Gives a flight in progress a new order (re-planned from where the drone is).
     *
     * @param flightId      the flight, as its ACK named it
     * @param request       the new order
     * @param droneSystemId the drone's system id, 1..255
     * @return completes with RETASKED, a refusal and why, or NO_ANSWER
     * @throws IllegalArgumentException if an argument is out of range
     */
    public CompletableFuture<DispatchAck> retask(long flightId, DispatchRequest request, int droneSystemId) {
        long id = newRequestId();
        return submit(new DispatchMessage.Retask(id, flightId, request), id, droneSystemId);
    }

    /**
     * Recalls a flight: in the air the drone returns home now along a planned route; on the ground the flight ends.
     *
     * @param flightId        the flight, as its ACK named it
     * @param requesterId     who recalls it
     * @param requesterOrigin from where
     * @param reason          why
     * @param droneSystemId   the drone's system id, 1..255
     * @return completes with CANCELLED (message: what the drone did), a refusal and why, or NO_ANSWER
     * @throws IllegalArgumentException if an argument is missing, blank or out of range
     */
    public CompletableFuture<DispatchAck> cancel(long flightId, String requesterId, String requesterOrigin,
                                                 String reason, int droneSystemId) {
        long id = newRequestId();
        return submit(new DispatchMessage.Cancel(id, flightId, requesterId, requesterOrigin, reason), id,
                droneSystemId);
    }

    /**
     * Adds a listener for flight statuses (each new status once; periodic repeats are filtered out).
     *
     * @param listener called on the link's callback executor, in order
     * @return handle to remove it
     */
    public Subscription onFlightStatus(Consumer<FlightStatusUpdate> listener) {
        return Subscription.register(statusListeners, listener);
    }

    /** @return a fresh non-zero request id from {@link DispatchClientOptions#requestIds()} */
    public long newRequestId() {
        long id;
        do {
            id = options.requestIds().getAsLong();
        } while (id == 0);
        return id;
    }

    /** @return counters since start (a snapshot; any thread) */
    public DispatchClientStats stats() {
        return new DispatchClientStats(requests.get(), retries.get(), acks.get(), unmatched.get(), noAnswer.get(),
                statusesReceived.get(), statusesDelivered.get(), malformed.get());
    }

    /** Stops the client: pending futures fail with {@link LinkClosedException}; the link stays open. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        subscriptions.forEach(Subscription::close);
        if (sweepTask != null) {
            sweepTask.cancel();
        }
        scheduler.execute(() -> failAll("the dispatch client closed"));
    }

    private CompletableFuture<DispatchAck> submit(DispatchMessage m, long requestId, int drone) {
        if (drone < 1 || drone > 255) {
            throw new IllegalArgumentException("droneSystemId " + drone + " is not in 1..255");
        }
        byte[] body = DispatchCodec.encode(m);
        CompletableFuture<DispatchAck> f = new CompletableFuture<>();
        if (closed.get() || link.isClosed()) {
            f.completeExceptionally(new LinkClosedException("the dispatch client is closed"));
            return f;
        }
        CompletableFuture<DispatchAck> out = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (closed.get()) {
                out.completeExceptionally(new LinkClosedException("the dispatch client is closed"));
                return;
            }
            Pending existing = pending.get(requestId);
            if (existing != null) {
                Futures.listen(existing.future, (v, e) -> complete(out, v, e));
                return;
            }
            Pending p = new Pending(requestId, drone, body, f);
            Futures.listen(f, (v, e) -> complete(out, v, e));
            pending.put(requestId, p);
            requests.incrementAndGet();
            attempt(p);
        });
        return out;
    }

    private void complete(CompletableFuture<DispatchAck> out, DispatchAck v, Throwable e) {
        callbacks.execute(() -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(v);
            }
        });
    }

    private void attempt(Pending p) {
        if (p.attempts > 0) {
            retries.incrementAndGet();
        }
        p.attempts++;
        sender.send(p.drone, options.droneComponentId(), p.body);
        p.timer = scheduler.schedule(options.attemptTimeout(), () -> {
            if (pending.get(p.requestId) != p) {
                return;
            }
            if (p.attempts < options.attempts()) {
                attempt(p);
            } else {
                pending.remove(p.requestId);
                noAnswer.incrementAndGet();
                p.future.complete(new DispatchAck(p.requestId, AckStatus.NO_ANSWER, 0, "no answer from drone "
                        + p.drone + " after " + p.attempts + " attempts over "
                        + options.attemptTimeout().multipliedBy(p.attempts).toMillis() / 1000.0 + " s", p.attempts,
                        p.drone));
            }
        });
    }

    private void onTunnel(Tunnel t, MavlinkFrame frame) {
        if (closed.get() || t.payloadType() == null || t.payloadType().value() != DispatchWire.PAYLOAD_TYPE) {
            return;
        }
        if (t.targetSystem() != link.systemId()
                || (t.targetComponent() != 0 && t.targetComponent() != link.componentId())) {
            return;
        }
        Reassembler.Result r = reassembler.accept(frame.sysId() << 8 | frame.compId(), t.payload(),
                t.payloadLength(), scheduler.monotonicMs());
        if (r instanceof Reassembler.Rejected rej) {
            malformed.incrementAndGet();
            LOG.warn("dispatch reply from {}/{} not understood: {}", frame.sysId(), frame.compId(), rej.detail());
            return;
        }
        if (!(r instanceof Reassembler.Complete c)) {
            return;
        }
        DecodeResult d = DispatchCodec.decode(c.body());
        if (d instanceof DecodeResult.Malformed m) {
            malformed.incrementAndGet();
            LOG.warn("dispatch reply from {}/{} malformed: {}", frame.sysId(), frame.compId(), m.detail());
            return;
        }
        DispatchMessage msg = ((DecodeResult.Decoded) d).message();
        if (msg instanceof DispatchMessage.Ack a) {
            Pending p = pending.get(a.requestId());
            if (p == null || p.drone != frame.sysId()) {
                unmatched.incrementAndGet();
                if (a.requestId() == 0) {
                    LOG.warn("drone {} could not read an order: {} {}", frame.sysId(), a.status(), a.message());
                }
                return;
            }
            Objects.requireNonNull(p.timer, "armed when sent").cancel();
            if (a.status() == AckStatus.REFUSED_STALE && p.attempts < options.attempts()) {
                attempt(p);
                return;
            }
            pending.remove(a.requestId());
            acks.incrementAndGet();
            p.future.complete(new DispatchAck(a.requestId(), a.status(), a.flightId(), a.message(), p.attempts,
                    p.drone));
        } else if (msg instanceof DispatchMessage.FlightStatus s) {
            statusesReceived.incrementAndGet();
            long key = (long) frame.sysId() << 32 | s.flightId();
            Integer last = lastSequence.get(key);
            int ahead = last == null ? 1 : (s.sequence() - last) & 0xFFFF;
            if (ahead == 0 || ahead >= 0x8000) {
                return;
            }
            lastSequence.put(key, s.sequence());
            if (lastSequence.size() > 4096) {
                lastSequence.remove(lastSequence.keySet().iterator().next());
            }
            statusesDelivered.incrementAndGet();
            FlightStatusUpdate u = new FlightStatusUpdate(frame.sysId(), s);
            callbacks.execute(() -> {
                for (Consumer<FlightStatusUpdate> l : statusListeners) {
                    l.accept(u);
                }
            });
        } else {
            malformed.incrementAndGet();
        }
    }

    private void failAll(String why) {
        for (Pending p : new ArrayList<>(pending.values())) {
            if (p.timer != null) {
                p.timer.cancel();
            }
            p.future.completeExceptionally(new LinkClosedException(why));
        }
        pending.clear();
    }
}
