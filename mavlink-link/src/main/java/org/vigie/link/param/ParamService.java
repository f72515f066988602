package org.vigie.link.param;

import io.dronefleet.mavlink.common.ParamRequestList;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.util.EnumValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Futures;
import org.vigie.link.MavlinkPort;
import org.vigie.link.Subscription;
import org.vigie.link.codec.MavlinkFrame;
import org.vigie.link.command.Target;
import org.vigie.link.time.Scheduler;
import org.vigie.link.work.WorkItem;
import org.vigie.link.work.WorkQueue;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * The MAVLink parameter protocol client.
 *
 * <ul>
 *   <li>{@link #read(String)}: PARAM_REQUEST_READ by name, resent after {@link ParamOptions#timeoutMs()} up to
 *       {@link ParamOptions#retries()} times; ArduCopter never answers an unknown name, so that ends in
 *       {@link ParamResult#TIMEOUT}.</li>
 *   <li>{@link #readAll()}: PARAM_REQUEST_LIST, then, whenever the stream has been silent for
 *       {@link ParamOptions#listGapMs()}, the missing indices are re-requested one by one (at most 20 per round);
 *       rounds without progress count as retries.</li>
 *   <li>{@link #set(String, double)}: PARAM_SET, confirmed by the echoed PARAM_VALUE; resent on timeout; an echo
 *       with another value is {@link ParamResult#VALUE_REJECTED}. The type is the cached one, read first if
 *       unknown.</li>
 *   <li>Integer values travel C-cast for ArduPilot and bytewise for PX4 (or as {@link ParamOptions#encoding()} says);
 *       bytewise values are decoded from the frame's raw bytes, so no NaN canonicalisation can alter them.</li>
 *   <li>Every PARAM_VALUE from the target feeds the cache, including the unsolicited ones (index 65535) a booting
 *       ArduPilot sends; {@link #autopilotRebooted()} clears it.</li>
 * </ul>
 *
 * <p>Operations run one at a time, in submission order, on a {@link WorkQueue}. Threading: state on the port's event thread; public methods
 * are thread-safe; futures and listeners complete on the callback executor. The cache accessors read a concurrent
 * snapshot and may be called from any thread.
 */
public final class ParamService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParamService.class);
    private static final int MAX_REREQUESTS_PER_ROUND = 20;

    private enum Kind { READ, SET, LIST }

    private static final class Work extends WorkItem {
        final Kind kind;
        final @Nullable String name;
        final double value;
        @Nullable ParamType type;
        final @Nullable CompletableFuture<ParamOutcome> single;
        final @Nullable CompletableFuture<ParamListOutcome> list;
        @Nullable Target target;
        boolean readingType;
        int attempts;
        long startMs = -1;
        @Nullable Param last;
        // list
        final TreeMap<Integer, Param> byIndex = new TreeMap<>();
        int count = -1;
        int rerequests;
        int progressAtLastRound = -1;

        Work(Kind kind, @Nullable String name, double value, @Nullable ParamType type,
             @Nullable CompletableFuture<ParamOutcome> single, @Nullable CompletableFuture<ParamListOutcome> list) {
            this.kind = kind;
            this.name = name;
            this.value = value;
            this.type = type;
            this.single = single;
            this.list = list;
        }
    }

    private final MavlinkPort port;
    private final Scheduler scheduler;
    private final Supplier<Target> targetSupplier;
    private final ParamOptions options;
    private final WorkQueue<Work> queue;
    private final Map<String, Param> cache = new ConcurrentHashMap<>();
    private final List<Consumer<Param>> listeners = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean closed;

    /**
     * Creates the service and subscribes to PARAM_VALUE.
     *
     * @param port the link
     * @param target the autopilot, read on the event thread when each operation starts
     * @param options timing and encoding
     */
    public ParamService(MavlinkPort port, Supplier<Target> target, ParamOptions options) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = port.scheduler();
        this.targetSupplier = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.queue = new WorkQueue<>(this::start, scheduler::execute);
        subscriptions.add(port.subscribe(ParamValue.class, this::onValue));
    }

    // ------------------------------------------------------------------ API

    /**
     * Reads one parameter by name.
     *
     * @param name parameter id, 1..16 characters
     * @return the outcome
     * @throws IllegalArgumentException for an empty or too long name
     */
    public CompletableFuture<ParamOutcome> read(String name) {
        checkName(name);
        CompletableFuture<ParamOutcome> f = new CompletableFuture<>();
        submit(new Work(Kind.READ, name, 0, null, f, null));
        return f;
    }

    /**
     * Sets a parameter and waits for the autopilot's echo. The type is taken from the cache (read first if unknown).
     *
     * @param name parameter id
     * @param value the value (whole for integer parameters)
     * @return the outcome; a value that does not fit the parameter's type ends as VALUE_REJECTED without sending
     * @throws IllegalArgumentException for a bad name or a non-finite value
     */
    public CompletableFuture<ParamOutcome> set(String name, double value) {
        return set(name, value, null);
    }

    /**
     * Sets a parameter with an explicit type.
     *
     * @param name parameter id
     * @param value the value
     * @param type its type on the autopilot, or null to use the cached one
     * @return the outcome
     * @throws IllegalArgumentException for a bad name or a non-finite value
     */
    public CompletableFuture<ParamOutcome> set(String name, double value, @Nullable ParamType type) {
        checkName(name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + name + " must be finite, was " + value);
        }
        CompletableFuture<ParamOutcome> f = new CompletableFuture<>();
        submit(new Work(Kind.SET, name, value, type, f, null));
        return f;
    }

    /**
     * Reads every parameter.
     *
     * @return the outcome
     */
    public CompletableFuture<ParamListOutcome> readAll() {
        CompletableFuture<ParamListOutcome> f = new CompletableFuture<>();
        submit(new Work(Kind.LIST, null, 0, null, null, f));
        return f;
    }

    /**
     * The cached value of a parameter.
     *
     * @param name parameter id
     * @return the last value received, if any
     */
    public Optional<Param> cached(String name) {
        return Optional.ofNullable(cache.get(name));
    }

    /**
     * A cached integer parameter.
     *
     * @param name parameter id
     * @return its value rounded to long, if cached
     */
    public Optional<Long> cachedLong(String name) {
        return cached(name).map(Param::asLong);
    }

    /**
     * A cached real parameter.
     *
     * @param name parameter id
     * @return its value, if cached
     */
    public Optional<Double> cachedDouble(String name) {
        return cached(name).map(Param::asDouble);
    }

    /** @return a snapshot copy of the cache, by name */
    public Map<String, Param> cacheSnapshot() {
        return Map.copyOf(cache);
    }

    /**
     * Registers a listener for every PARAM_VALUE received from the target.
     *
     * @param listener called on the callback executor
     * @return handle to unregister
     */
    public Subscription addListener(Consumer<Param> listener) {
        return Subscription.register(listeners, listener);
    }

    /** Clears the cache and ends running and queued operations with AUTOPILOT_REBOOTED. Thread-safe. */
    public void autopilotRebooted() {
        scheduler.execute(() -> {
            cache.clear();
            endAll(ParamResult.AUTOPILOT_REBOOTED);
        });
    }

    /** Ends every operation with LINK_CLOSED and unsubscribes. Idempotent, thread-safe. */
    @Override
    public void close() {
        scheduler.execute(() -> {
            if (!closed) {
                closed = true;
                queue.close();
                endAll(ParamResult.LINK_CLOSED);
                subscriptions.forEach(Subscription::close);
            }
        });
    }

    // ------------------------------------------------------------------ machinery (event thread)

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 16) {
            throw new IllegalArgumentException("parameter name must be 1..16 characters, was '" + name + "'");
        }
    }

    private void submit(Work w) {
        CompletableFuture<?> f = w.single != null ? w.single : Objects.requireNonNull(w.list, "single or list");
        Futures.listen(f, (r, e) -> {
            if (e instanceof CancellationException) {
                scheduler.execute(() -> {
                    queue.removeQueued(w);
                    finish(w, ParamResult.CANCELLED);
                });
            }
        });
        scheduler.execute(() -> {
            if (closed) {
                finish(w, ParamResult.LINK_CLOSED);
                return;
            }
            queue.submit(w);
        });
    }

    private void start(Work w) {
        w.target = targetSupplier.get();
        w.startMs = scheduler.monotonicMs();
        if (w.kind == Kind.SET && w.type == null) {
            Param c = cache.get(w.name);
            if (c != null) {
                w.type = c.type();
            } else {
                w.readingType = true;
            }
        }
        transmit(w);
    }

    private ParamEncoding encoding(Work w) {
        if (options.encoding() != null) {
            return options.encoding();
        }
        return Objects.requireNonNull(w.target, "set at start").flavour() == AutopilotFlavour.PX4 ? ParamEncoding.BYTEWISE : ParamEncoding.C_CAST;
    }

    private void transmit(Work w) {
        w.attempts++;
        Target t = Objects.requireNonNull(w.target, "the target is set when the work starts");
        switch (w.kind) {
            case READ -> sendRead(t, w.name, -1);
            case SET -> {
                if (w.readingType) {
                    sendRead(t, w.name, -1);
                } else {
                    float encoded;
                    try {
                        encoded = encoding(w).encode(w.value, Objects.requireNonNull(w.type, "type known"));
                    } catch (IllegalArgumentException e) {
                        LOG.warn("not setting {}: {}", w.name, e.getMessage());
                        finish(w, ParamResult.VALUE_REJECTED);
                        return;
                    }
                    port.send(ParamSet.builder().targetSystem(t.systemId()).targetComponent(t.componentId())
                            .paramId(w.name).paramValue(encoded)
                            .paramType(EnumValue.create(Objects.requireNonNull(w.type, "type known").wireValue()))
                            .build());
                }
            }
            case LIST -> port.send(ParamRequestList.builder().targetSystem(t.systemId())
                    .targetComponent(t.componentId()).build());
        }
        arm(w, w.kind == Kind.LIST ? options.listGapMs() : options.timeoutMs());
    }

    private void sendRead(Target t, @Nullable String name, int index) {
        port.send(ParamRequestRead.builder().targetSystem(t.systemId()).targetComponent(t.componentId())
                .paramId(name == null ? "" : name).paramIndex(index).build());
    }

    private void arm(Work w, long ms) {
        w.arm(port, ms, () -> onTimeout(w));
    }

    private void onTimeout(Work w) {
        if (w != queue.active() || w.finished()) {
            return;
        }
        if (w.kind == Kind.LIST) {
            onListGap(w);
            return;
        }
        if (w.retries() >= options.retries()) {
            finish(w, ParamResult.TIMEOUT);
            return;
        }
        w.countRetry();
        transmit(w);
    }

    private void onListGap(Work w) {
        int have = w.byIndex.size();
        boolean progress = have > w.progressAtLastRound;
        w.progressAtLastRound = have;
        if (!progress) {
            if (w.retries() >= options.retries()) {
                finish(w, w.count >= 0 && have >= w.count ? ParamResult.SUCCESS : ParamResult.TIMEOUT);
                return;
            }
            w.countRetry();
        }
        if (w.count < 0) {
            transmit(w); // nothing at all yet: ask for the list again
            return;
        }
        int sent = 0;
        for (int i = 0; i < w.count && sent < MAX_REREQUESTS_PER_ROUND; i++) {
            if (!w.byIndex.containsKey(i)) {
                sendRead(Objects.requireNonNull(w.target, "set at start"), null, i);
                w.rerequests++;
                sent++;
            }
        }
        arm(w, options.listGapMs());
    }

    private void onValue(ParamValue m, MavlinkFrame f) {
        Work a = queue.active();
        Target t = a != null ? Objects.requireNonNull(a.target, "set at start") : targetSupplier.get();
        if (f.sysId() != t.systemId() || (t.componentId() != 0 && f.compId() != t.componentId())) {
            return;
        }
        ParamType type = ParamType.fromWire(m.paramType().value());
        if (type == null) {
            LOG.debug("PARAM_VALUE {} with unknown type {}", m.paramId(), m.paramType().value());
            return;
        }
        String name = trimId(m.paramId());
        int raw = f.payloadByte(0) | (f.payloadByte(1) << 8) | (f.payloadByte(2) << 16) | (f.payloadByte(3) << 24);
        ParamEncoding enc = options.encoding() != null ? options.encoding()
                : t.flavour() == AutopilotFlavour.PX4 ? ParamEncoding.BYTEWISE : ParamEncoding.C_CAST;
        Param p = new Param(name, type, enc.decode(raw, type), m.paramIndex(), m.paramCount(),
                scheduler.monotonicMs());
        cache.put(name, p);
        if (!listeners.isEmpty()) {
            port.callbackExecutor().execute(() -> listeners.forEach(l -> l.accept(p)));
        }
        Work w = a;
        if (w == null || w.finished()) {
            return;
        }
        switch (w.kind) {
            case READ -> {
                if (name.equals(w.name)) {
                    w.last = p;
                    finish(w, ParamResult.SUCCESS);
                }
            }
            case SET -> {
                if (!name.equals(w.name)) {
                    return;
                }
                w.last = p;
                if (w.readingType) {
                    w.readingType = false;
                    w.type = p.type();
                    w.resetRetries();
                    transmit(w);
                    return;
                }
                double expected = expectedEcho(w, enc);
                finish(w, p.value() == expected ? ParamResult.SUCCESS : ParamResult.VALUE_REJECTED);
            }
            case LIST -> {
                if (p.index() == 65535) {
                    return;
                }
                w.count = p.count();
                w.byIndex.put(p.index(), p);
                if (w.byIndex.size() >= w.count && contiguous(w)) {
                    finish(w, ParamResult.SUCCESS);
                } else {
                    arm(w, options.listGapMs());
                }
            }
        }
    }

    private static double expectedEcho(Work w, ParamEncoding enc) {
        ParamType type = Objects.requireNonNull(w.type, "a set's type is known before it is sent");
        float onWire = enc.encode(w.value, type);
        return enc.decode(Float.floatToRawIntBits(onWire), type);
    }

    private static boolean contiguous(Work w) {
        for (int i = 0; i < w.count; i++) {
            if (!w.byIndex.containsKey(i)) {
                return false;
            }
        }
        return true;
    }

    private static String trimId(String id) {
        int z = id.indexOf('\0');
        return z >= 0 ? id.substring(0, z) : id;
    }

    private void endAll(ParamResult r) {
        queue.endAll(w -> finish(w, r));
    }

    private void finish(Work w, ParamResult r) {
        if (!w.finishOnce()) {
            return;
        }
        long elapsed = w.startMs < 0 ? 0 : scheduler.monotonicMs() - w.startMs;
        if (w.kind == Kind.LIST) {
            Map<String, Param> byName = new LinkedHashMap<>();
            w.byIndex.values().forEach(p -> byName.put(p.name(), p));
            int missing = w.count < 0 ? 0 : (int) java.util.stream.IntStream.range(0, w.count)
                    .filter(i -> !w.byIndex.containsKey(i)).count();
            ParamListOutcome o = new ParamListOutcome(r, byName, w.count, missing, w.rerequests, elapsed);
            CompletableFuture<ParamListOutcome> list = Objects.requireNonNull(w.list, "a list has its future");
            port.callbackExecutor().execute(() -> list.complete(o));
        } else {
            ParamOutcome o = new ParamOutcome(Objects.requireNonNull(w.name, "a read or set has a name"), r, w.last,
                    w.attempts, elapsed);
            CompletableFuture<ParamOutcome> single = Objects.requireNonNull(w.single, "a read or set has its future");
            port.callbackExecutor().execute(() -> single.complete(o));
        }
        queue.finished(w);
    }
}
