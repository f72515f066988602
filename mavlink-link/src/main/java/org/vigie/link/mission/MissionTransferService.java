package org.vigie.link.mission;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.util.EnumValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;
import org.vigie.link.work.WorkItem;
import org.vigie.link.work.WorkQueue;
import org.vigie.link.vehicle.AutopilotFlavour;

/**
 * The MAVLink mission protocol client: upload, download and clear of the mission, fence and rally lists.
 *
 * <p>Shape (after MAVSDK's mission transfer): one {@link WorkQueue} of work items, one running at a time (PX4 handles a single
 * transfer at a time, and one at a time is also what keeps ArduPilot's per-type state simple); each work item has its
 * own step, retry count and transfer-level attempt count, and finishes exactly once, completing its future and raising
 * {@link MissionEvent.TransferFinished}.
 *
 * <p>Protocol details, from the spec and ArduPilot's real behaviour (testdata/captures):
 * <ul>
 *   <li>Upload: MISSION_COUNT; the autopilot asks for each item with MISSION_REQUEST_INT or the legacy MISSION_REQUEST
 *       (ArduCopter uses the legacy one); each request is answered with MISSION_ITEM_INT (option: MISSION_ITEM for a
 *       legacy request); any requested seq in range is (re)sent, so duplicated and out-of-sequence requests are
 *       served; MISSION_ACK ends it. Timeouts: handshake (COUNT, waiting for the final ACK) 1500 ms, items 250 ms;
 *       on a timeout the last message is resent, at most {@code retries} times in a row (the count restarts whenever
 *       the autopilot asks for an item or answers INVALID_SEQUENCE: it is alive; a per-attempt deadline of every
 *       step's full retry budget bounds the whole). ArduPilot answers an item it already has with MISSION_ACK
 *       INVALID_SEQUENCE without ending its upload: after a resend this means our item arrived and the request for
 *       the next one was lost, so the next item is sent at once rather than waiting for ArduPilot's own 1 s
 *       re-request. ArduPilot answers ERROR to an item arriving after its upload ended: when that follows a resend
 *       of the last item (its ACK may have been lost), the list is read back to decide between ACCEPTED (then
 *       {@link PlanState#VERIFIED}) and {@link TransferResult#VERIFY_MISMATCH}.</li>
 *   <li>Download: MISSION_REQUEST_LIST, MISSION_COUNT, MISSION_REQUEST_INT for each seq, MISSION_ITEM_INT (or legacy
 *       MISSION_ITEM) back, MISSION_ACK ACCEPTED from us at the end. Frames are kept as the autopilot sends them
 *       (ArduPilot: non-INT numbering).</li>
 *   <li>Clear: MISSION_CLEAR_ALL, MISSION_ACK.</li>
 *   <li>A MISSION_ACK or MISSION_COUNT of another mission type addressed to us ends the transfer with
 *       {@link TransferResult#PROTOCOL_ERROR}; requests and items of another type are ignored (the timeouts still
 *       bound the wait). A MISSION_ACK with an error code ends it with that result. Nothing can hang: every step has
 *       a timeout and a retry limit.</li>
 *   <li>ArduPilot's item 0 of a mission is home and is replaced by the autopilot: {@link #uploadPlan} inserts a
 *       placeholder home for ArduPilot targets and {@link #downloadPlan} removes it; {@link #upload} sends items
 *       exactly as given (renumbered by position).</li>
 *   <li>Transfer-level policy ({@link TransferOptions#transferAttempts()}): a transfer ending with a retryable result
 *       is restarted from the beginning; with {@link TransferOptions#verifyByDownload()}, an accepted upload is read
 *       back and compared. A failed upload reports {@link PlanState#UNKNOWN}: the autopilot may hold a partial
 *       plan.</li>
 *   <li>An autopilot reboot ({@link #autopilotRebooted()}) ends the running and queued transfers with
 *       {@link TransferResult#AUTOPILOT_REBOOTED}.</li>
 * </ul>
 *
 * <p>Threading: state lives on the port's event thread; public methods may be called from any thread. Futures and
 * listeners complete on the port's callback executor. Futures complete normally for every protocol outcome; a
 * caller's {@code future.cancel(...)} cancels the transfer (the autopilot is told with MISSION_ACK
 * OPERATION_CANCELLED).
 */
public final class MissionTransferService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MissionTransferService.class);
    private static final int MAX_ITEMS = 65535;

    private enum Step { QUEUED, SEND_COUNT, SEND_ITEMS, REQUEST_LIST, REQUEST_ITEMS, CLEAR, DONE }

    private final class Work extends WorkItem {
        final TransferOperation op;
        final MissionType type;
        final List<MissionItem> items;
        final boolean stripHome;
        final TransferOptions opts;
        final CompletableFuture<TransferOutcome> future;
        final long requestedMs;
        @Nullable Target target;
        Step step = Step.QUEUED;
        int attempt;
        int resends;
        long opaqueId;
        @Nullable Cancellable deadline;
        boolean verifying;
        boolean verified;
        // upload
        int lastSent;
        boolean lastLegacy;
        boolean lastWasResend;
        int highestRequested;
        // download
        int count;
        int next;
        MissionItem @Nullable [] got;

        Work(TransferOperation op, MissionType type, List<MissionItem> items, boolean stripHome, TransferOptions opts,
             CompletableFuture<TransferOutcome> future) {
            this.op = op;
            this.type = type;
            this.items = items;
            this.stripHome = stripHome;
            this.opts = opts;
            this.future = future;
            this.requestedMs = scheduler.monotonicMs();
        }
    }

    private final MavlinkPort port;
    private final Scheduler scheduler;
    private final Supplier<Target> targetSupplier;
    private final TransferOptions defaults;
    private final WorkQueue<Work> queue;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Consumer<MissionEvent>> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;
    private int lastCurrentSeq = -1;
    private int lastCurrentTotal = -2;
    private int lastCurrentState = -1;
    /** MISSION_CURRENT's mission_id, fence_id and rally_points_id, in that order on the wire. */
    private static final MissionType[] PLAN_ID_TYPES = {MissionType.MISSION, MissionType.FENCE, MissionType.RALLY};
    private final long[] planIds = new long[3];

    /**
     * Creates the service and subscribes to the mission messages on the port.
     *
     * @param port the link
     * @param target the autopilot; read on the event thread when each transfer starts
     * @param options default timeouts, retries and policies
     */
    public MissionTransferService(MavlinkPort port, Supplier<Target> target, TransferOptions options) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = port.scheduler();
        this.targetSupplier = Objects.requireNonNull(target, "target");
        this.defaults = Objects.requireNonNull(options, "options");
        this.queue = new WorkQueue<>(this::start, scheduler::execute);
        subscriptions.add(port.subscribe(MissionRequest.class,
                (m, f) -> onRequest(m.seq(), m.missionType().value(), true, m.targetSystem(), m.targetComponent(), f)));
        subscriptions.add(port.subscribe(MissionRequestInt.class,
                (m, f) -> onRequest(m.seq(), m.missionType().value(), false, m.targetSystem(), m.targetComponent(),
                        f)));
        subscriptions.add(port.subscribe(MissionItemInt.class, (m, f) -> {
            if (forUs(f, m.targetSystem(), m.targetComponent()) && MissionType.fromWire(m.missionType().value()) != null) {
                onItem(MissionItem.of(m));
            }
        }));
        subscriptions.add(port.subscribe(io.dronefleet.mavlink.common.MissionItem.class, (m, f) -> {
            if (forUs(f, m.targetSystem(), m.targetComponent()) && MissionType.fromWire(m.missionType().value()) != null) {
                onItem(MissionItem.of(m));
            }
        }));
        subscriptions.add(port.subscribe(MissionCount.class, this::onCount));
        subscriptions.add(port.subscribe(MissionAck.class, this::onAck));
        subscriptions.add(port.subscribe(MissionCurrent.class, this::onCurrent));
        subscriptions.add(port.subscribe(MissionItemReached.class, (m, f) -> {
            if (fromTarget(f)) {
                emit(new MissionEvent.ItemReached(m.seq()));
            }
        }));
    }

    // ------------------------------------------------------------------ public API

    /**
     * Uploads a list exactly as given (items renumbered 0..n-1 by position), with the service's default options.
     *
     * @param type which list
     * @param items the items, all of that mission type; may be empty (same as a clear on most autopilots)
     * @return the outcome
     * @throws IllegalArgumentException if an item is of another mission type or there are more than 65535 items
     */
    public CompletableFuture<TransferOutcome> upload(MissionType type, List<MissionItem> items) {
        return upload(type, items, defaults);
    }

    /**
     * Uploads a list exactly as given, with specific options.
     *
     * @param type which list
     * @param items the items, all of that mission type
     * @param options timeouts and policies for this transfer
     * @return the outcome
     * @throws IllegalArgumentException if an item is of another mission type or there are more than 65535 items
     */
    public CompletableFuture<TransferOutcome> upload(MissionType type, List<MissionItem> items,
                                                     TransferOptions options) {
        return submit(TransferOperation.UPLOAD, type, renumber(type, items), false, false, options);
    }

    /**
     * Uploads a mission plan given without a home item: for an ArduPilot target a placeholder home is inserted as
     * item 0 (ArduPilot replaces it with the real home); for others the items go as they are.
     *
     * @param itemsWithoutHome the plan's items (mission type MISSION)
     * @return the outcome; its items are those actually sent (with the placeholder for ArduPilot)
     */
    public CompletableFuture<TransferOutcome> uploadPlan(List<MissionItem> itemsWithoutHome) {
        return submit(TransferOperation.UPLOAD, MissionType.MISSION, renumber(MissionType.MISSION, itemsWithoutHome),
                true, false, defaults);
    }

    /**
     * Downloads a list.
     *
     * @param type which list
     * @return the outcome with the items as the autopilot sent them (ArduPilot: item 0 of a mission is home)
     */
    public CompletableFuture<TransferOutcome> download(MissionType type) {
        return submit(TransferOperation.DOWNLOAD, Objects.requireNonNull(type, "type"), List.of(), false, false,
                defaults);
    }

    /**
     * Downloads the mission without ArduPilot's home item 0 (for other autopilots, the same as
     * {@code download(MISSION)}).
     *
     * @return the outcome; items renumbered from 0
     */
    public CompletableFuture<TransferOutcome> downloadPlan() {
        return submit(TransferOperation.DOWNLOAD, MissionType.MISSION, List.of(), false, true, defaults);
    }

    /**
     * Clears a list (MISSION_CLEAR_ALL).
     *
     * @param type which list
     * @return the outcome
     */
    public CompletableFuture<TransferOutcome> clear(MissionType type) {
        return submit(TransferOperation.CLEAR, Objects.requireNonNull(type, "type"), List.of(), false, false,
                defaults);
    }

    /**
     * Registers a listener for progress, MISSION_CURRENT, MISSION_ITEM_REACHED and plan-change events.
     *
     * @param listener called on the callback executor, in event order
     * @return handle to unregister
     */
    public Subscription addListener(Consumer<MissionEvent> listener) {
        return Subscription.register(listeners, listener);
    }

    /**
     * Tells the service the autopilot rebooted: the running and queued transfers end with
     * {@link TransferResult#AUTOPILOT_REBOOTED}, and the MISSION_CURRENT memory is reset. Thread-safe.
     */
    public void autopilotRebooted() {
        scheduler.execute(() -> {
            lastCurrentSeq = -1;
            lastCurrentTotal = -2;
            lastCurrentState = -1;
            Arrays.fill(planIds, 0);
            endAll(TransferResult.AUTOPILOT_REBOOTED, "the autopilot rebooted during the transfer");
        });
    }

    /** Cancels the running and queued transfers ({@link TransferResult#CANCELLED}). Thread-safe. */
    public void cancelAll() {
        scheduler.execute(() -> endAll(TransferResult.CANCELLED, "cancelled by the caller"));
    }

    /** Ends every transfer with {@link TransferResult#LINK_CLOSED} and unsubscribes. Idempotent, thread-safe. */
    @Override
    public void close() {
        scheduler.execute(() -> {
            if (closed) {
                return;
            }
            closed = true;
            queue.close();
            endAll(TransferResult.LINK_CLOSED, "the service was closed");
            subscriptions.forEach(Subscription::close);
        });
    }

    // ------------------------------------------------------------------ queue (event thread)

    private List<MissionItem> renumber(MissionType type, List<MissionItem> items) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(items, "items");
        if (items.size() > MAX_ITEMS - 1) {
            throw new IllegalArgumentException("at most " + (MAX_ITEMS - 1) + " items, got " + items.size());
        }
        List<MissionItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            MissionItem it = Objects.requireNonNull(items.get(i), "item " + i);
            if (it.missionType() != type) {
                throw new IllegalArgumentException("item " + i + " is of mission type " + it.missionType()
                        + ", not " + type);
            }
            out.add(it.withSeq(i));
        }
        return out;
    }

    private CompletableFuture<TransferOutcome> submit(TransferOperation op, MissionType type, List<MissionItem> items,
                                                      boolean insertHome, boolean stripHome, TransferOptions opts) {
        Objects.requireNonNull(opts, "options");
        CompletableFuture<TransferOutcome> future = new CompletableFuture<>();
        scheduler.execute(() -> {
            List<MissionItem> list = items;
            Target t = targetSupplier.get();
            boolean ardupilot = t.flavour() == AutopilotFlavour.ARDUPILOT;
            if (insertHome && ardupilot) {
                List<MissionItem> withHome = new ArrayList<>(items.size() + 1);
                withHome.add(MissionItem.placeholderHome());
                for (MissionItem it : items) {
                    withHome.add(it.withSeq(it.seq() + 1));
                }
                list = withHome;
            }
            Work w = new Work(op, type, list, stripHome && ardupilot, opts, future);
            Futures.listen(future, (r, e) -> {
                if (e instanceof CancellationException) {
                    scheduler.execute(() -> cancelWork(w));
                }
            });
            if (closed) {
                w.target = t;
                finish(w, TransferResult.LINK_CLOSED, "the service was closed");
                return;
            }
            queue.submit(w);
        });
        return future;
    }

    private void start(Work w) {
        w.target = targetSupplier.get();
        begin(w);
    }

    private void begin(Work w) {
        w.attempt++;
        if (w.deadline != null) {
            w.deadline.cancel();
        }
        int attempt = w.attempt;
        long deadlineMs = attemptDeadlineMs(w);
        w.deadline = scheduler.schedule(Duration.ofMillis(deadlineMs), () -> {
            if (queue.active() == w && w.attempt == attempt && w.step != Step.DONE) {
                endAttempt(w, TransferResult.TIMEOUT, "no completion within the attempt deadline of " + deadlineMs
                        + " ms");
            }
        });
        w.resetRetries();
        w.verifying = false;
        w.lastSent = -1;
        w.highestRequested = -1;
        w.lastWasResend = false;
        w.count = 0;
        w.next = 0;
        w.got = null;
        switch (w.op) {
            case UPLOAD -> enter(w, Step.SEND_COUNT);
            case DOWNLOAD -> enter(w, Step.REQUEST_LIST);
            case CLEAR -> enter(w, Step.CLEAR);
        }
    }

    private void enter(Work w, Step step) {
        w.step = step;
        w.resetRetries();
        sendForStep(w);
    }

    private void sendForStep(Work w) {
        Target t = Objects.requireNonNull(w.target, "the target is set when the transfer starts");
        switch (w.step) {
            case SEND_COUNT -> {
                port.send(MissionCount.builder().targetSystem(t.systemId()).targetComponent(t.componentId())
                        .count(w.items.size()).missionType(EnumValue.create(w.type.wireValue())).build());
                arm(w, w.opts.handshakeTimeoutMs());
            }
            case SEND_ITEMS -> sendItem(w, w.lastSent, w.lastLegacy);
            case REQUEST_LIST -> {
                port.send(MissionRequestList.builder().targetSystem(t.systemId()).targetComponent(t.componentId())
                        .missionType(EnumValue.create(w.type.wireValue())).build());
                arm(w, w.opts.handshakeTimeoutMs());
            }
            case REQUEST_ITEMS -> {
                port.send(MissionRequestInt.builder().targetSystem(t.systemId()).targetComponent(t.componentId())
                        .seq(w.next).missionType(EnumValue.create(w.type.wireValue())).build());
                arm(w, w.opts.itemTimeoutMs());
            }
            case CLEAR -> {
                port.send(MissionClearAll.builder().targetSystem(t.systemId()).targetComponent(t.componentId())
                        .missionType(EnumValue.create(w.type.wireValue())).build());
                arm(w, w.opts.handshakeTimeoutMs());
            }
            default -> { }
        }
    }

    private void sendItem(Work w, int seq, boolean legacy) {
        MissionItem it = w.items.get(seq);
        Target t = Objects.requireNonNull(w.target, "the target is set when the transfer starts");
        if (legacy && !w.opts.answerLegacyRequestWithItemInt()) {
            port.send(it.toLegacyMessage(t.systemId(), t.componentId()));
        } else {
            port.send(it.toMessage(t.systemId(), t.componentId()));
        }
        w.lastSent = seq;
        w.lastLegacy = legacy;
        arm(w, seq == w.items.size() - 1 ? w.opts.handshakeTimeoutMs() : w.opts.itemTimeoutMs());
    }

    private void arm(Work w, long ms) {
        w.arm(port, ms, () -> onTimeout(w));
    }

    private void onTimeout(Work w) {
        if (w != queue.active() || w.step == Step.DONE) {
            return;
        }
        if (w.retries() >= w.opts.retries()) {
            endAttempt(w, TransferResult.TIMEOUT, "no answer in step " + w.step + " after " + w.opts.retries()
                    + " retries");
            return;
        }
        w.countRetry();
        w.resends++;
        if (w.step == Step.SEND_ITEMS) {
            w.lastWasResend = true;
        }
        LOG.debug("mission {} {} step {} timed out, resend {}", w.op, w.type, w.step, w.retries());
        sendForStep(w);
    }

    /**
     * Safety net for peers that keep answering without progress: per attempt, every step's full retry budget (two
     * handshakes, one per item, a read-back of the same size).
     */
    private static long attemptDeadlineMs(Work w) {
        long perStep = (w.opts.retries() + 1L);
        long n = Math.max(w.items.size(), 1);
        return perStep * (4 * w.opts.handshakeTimeoutMs() + 2 * n * w.opts.itemTimeoutMs());
    }

    // ------------------------------------------------------------------ incoming (event thread)

    private boolean fromTarget(MavlinkFrame f) {
        Work w = queue.active();
        Target t = w != null ? Objects.requireNonNull(w.target, "set at start") : targetSupplier.get();
        return f.sysId() == t.systemId() && (t.componentId() == 0 || f.compId() == t.componentId());
    }

    private boolean forUs(MavlinkFrame f, int targetSystem, int targetComponent) {
        return queue.active() != null && fromTarget(f) && (targetSystem == 0 || targetSystem == port.systemId())
                && (targetComponent == 0 || targetComponent == port.componentId());
    }

    private void onRequest(int seq, int missionType, boolean legacy, int ts, int tc, MavlinkFrame f) {
        Work w = queue.active();
        if (w == null || !forUs(f, ts, tc) || w.op != TransferOperation.UPLOAD || w.verifying
                || (w.step != Step.SEND_COUNT && w.step != Step.SEND_ITEMS)) {
            return;
        }
        if (missionType != w.type.wireValue()) {
            LOG.debug("ignoring a request for mission type {} during a {} upload", missionType, w.type);
            return;
        }
        if (seq >= w.items.size()) {
            endAttempt(w, TransferResult.PROTOCOL_ERROR, "the autopilot requested item " + seq + " of "
                    + w.items.size());
            return;
        }
        w.step = Step.SEND_ITEMS;
        // any request shows the autopilot alive and waiting: the retry count restarts (the attempt deadline bounds it)
        w.resetRetries();
        if (seq > w.highestRequested) {
            w.highestRequested = seq;
            emit(new MissionEvent.TransferProgress(w.op, w.type, seq, w.items.size()));
        }
        w.lastWasResend = false;
        sendItem(w, seq, legacy);
    }

    private void onItem(MissionItem item) {
        Work w = queue.active();
        if (w == null || w.step != Step.REQUEST_ITEMS) {
            return;
        }
        if (item.missionType() != w.type) {
            LOG.debug("ignoring a {} item during a {} download", item.missionType(), w.type);
            return;
        }
        if (item.seq() != w.next) {
            return;
        }
        Objects.requireNonNull(w.got, "items are collected once the count is known")[w.next++] = item;
        w.resetRetries();
        emit(new MissionEvent.TransferProgress(w.verifying ? TransferOperation.UPLOAD : TransferOperation.DOWNLOAD,
                w.type, w.next, w.count));
        if (w.next < w.count) {
            sendForStep(w);
            return;
        }
        sendAck(w, MavMissionResult.MAV_MISSION_ACCEPTED);
        downloadComplete(w);
    }

    private void onCount(MissionCount m, MavlinkFrame f) {
        Work w = queue.active();
        if (w == null || !forUs(f, m.targetSystem(), m.targetComponent()) || w.step != Step.REQUEST_LIST) {
            return;
        }
        if (m.missionType().value() != w.type.wireValue()) {
            endAttempt(w, TransferResult.PROTOCOL_ERROR, "MISSION_COUNT for mission type " + m.missionType().value()
                    + " in answer to a " + w.type + " request");
            return;
        }
        w.opaqueId = readU32(f, 5);
        w.count = m.count();
        w.got = new MissionItem[w.count];
        w.next = 0;
        if (w.count == 0) {
            sendAck(w, MavMissionResult.MAV_MISSION_ACCEPTED);
            downloadComplete(w);
            return;
        }
        enter(w, Step.REQUEST_ITEMS);
    }

    private void onAck(MissionAck m, MavlinkFrame f) {
        Work w = queue.active();
        if (w == null || !forUs(f, m.targetSystem(), m.targetComponent()) || w.step == Step.DONE
                || w.step == Step.QUEUED) {
            return;
        }
        TransferResult r = TransferResult.fromWire(m.type().value());
        if (m.missionType().value() != w.type.wireValue()) {
            endAttempt(w, TransferResult.PROTOCOL_ERROR, "MISSION_ACK " + r + " for mission type "
                    + m.missionType().value() + " during a " + w.type + " transfer");
            return;
        }
        switch (w.step) {
            case CLEAR -> endAttempt(w, r, r == TransferResult.ACCEPTED ? "" : "clear refused: " + r);
            case REQUEST_LIST, REQUEST_ITEMS -> {
                if (r != TransferResult.ACCEPTED) {
                    endAttempt(w, r, "download refused: " + r);
                }
            }
            case SEND_COUNT, SEND_ITEMS -> onUploadAck(w, r, f);
            default -> { }
        }
    }

    private void onUploadAck(Work w, TransferResult r, MavlinkFrame f) {
        int n = w.items.size();
        if (r == TransferResult.ACCEPTED) {
            if (n == 0 || (w.step == Step.SEND_ITEMS && w.lastSent == n - 1)) {
                w.opaqueId = readU32(f, 4);
                emit(new MissionEvent.TransferProgress(w.op, w.type, n, n));
                if (w.opts.verifyByDownload()) {
                    w.verifying = true;
                    enter(w, Step.REQUEST_LIST);
                } else {
                    endAttempt(w, TransferResult.ACCEPTED, "");
                }
            } else {
                LOG.debug("ignoring MISSION_ACK ACCEPTED before the last item was sent (stale)");
            }
            return;
        }
        if (r == TransferResult.INVALID_SEQUENCE) {
            if (w.step == Step.SEND_ITEMS && w.lastWasResend && w.lastSent + 1 < n) {
                // our resent item was already there: the request for the next one was lost
                w.lastWasResend = false;
                w.resetRetries();
                sendItem(w, w.lastSent + 1, w.lastLegacy);
            }
            return;
        }
        if (r == TransferResult.ERROR && w.step == Step.SEND_ITEMS && w.lastSent == n - 1 && w.lastWasResend) {
            // ArduPilot answers ERROR to an item outside an upload: either it completed and its ACK was lost, or it
            // gave up. Reading the list back tells which.
            LOG.debug("mission upload: ERROR after resending the last item; reading back to resolve");
            w.verifying = true;
            enter(w, Step.REQUEST_LIST);
            return;
        }
        endAttempt(w, r, "upload refused: " + r + (w.lastWasResend && w.lastSent == n - 1
                ? " (after resending the last item: the autopilot may have completed the upload and its ACK was lost)"
                : ""));
    }

    private void downloadComplete(Work w) {
        List<MissionItem> got = Arrays.asList(w.got);
        if (w.verifying) {
            String diff = compare(w, w.items, got);
            if (diff == null) {
                w.verified = true;
                endAttempt(w, TransferResult.ACCEPTED, "");
            } else {
                endAttempt(w, TransferResult.VERIFY_MISMATCH, diff);
            }
            return;
        }
        endAttempt(w, TransferResult.ACCEPTED, "");
    }

    private @Nullable String compare(Work w, List<MissionItem> sent, List<MissionItem> back) {
        if (sent.size() != back.size()) {
            return "read back " + back.size() + " items, sent " + sent.size();
        }
        boolean ardupilot = Objects.requireNonNull(w.target, "set at start").flavour() == AutopilotFlavour.ARDUPILOT;
        boolean skipHome = w.type == MissionType.MISSION && ardupilot;
        // what the autopilot can keep of z: ArduPilot stores mission altitudes in cm, rally altitudes in whole
        // metres, and no altitude for fence items (they read back as 0)
        float zTolerance = switch (w.type) {
            case MISSION -> 0.011f;
            case RALLY -> ardupilot ? 0.51f : 0.011f;
            case FENCE -> ardupilot ? Float.POSITIVE_INFINITY : 0.011f;
        };
        for (int i = skipHome ? 1 : 0; i < sent.size(); i++) {
            MissionItem a = sent.get(i);
            MissionItem b = back.get(i);
            if (a.command() != b.command() || a.intFrame() != b.intFrame() || a.x() != b.x() || a.y() != b.y()
                    || !(Math.abs(a.z() - b.z()) <= zTolerance)) {
                return "item " + i + " read back as " + b + ", sent " + a;
            }
        }
        return null;
    }

    private void onCurrent(MissionCurrent m, MavlinkFrame f) {
        if (!fromTarget(f)) {
            return;
        }
        int total = f.payload().length > 2 ? m.total() : -1;
        int state = m.missionState() == null ? 0 : m.missionState().value();
        long missionId = readU32(f, 6);
        if (m.seq() != lastCurrentSeq || total != lastCurrentTotal || state != lastCurrentState) {
            lastCurrentSeq = m.seq();
            lastCurrentTotal = total;
            lastCurrentState = state;
            emit(new MissionEvent.CurrentItemChanged(m.seq(), total, state, missionId));
        }
        long[] ids = {missionId, readU32(f, 10), readU32(f, 14)};
        for (int i = 0; i < 3; i++) {
            if (ids[i] != 0 && ids[i] != planIds[i]) {
                if (planIds[i] != 0) {
                    emit(new MissionEvent.PlanChanged(PLAN_ID_TYPES[i], planIds[i], ids[i]));
                }
                planIds[i] = ids[i];
            }
        }
    }

    // ------------------------------------------------------------------ ending (event thread)

    private void sendAck(Work w, MavMissionResult result) {
        Target t = Objects.requireNonNull(w.target, "the target is set when the transfer starts");
        port.send(MissionAck.builder().targetSystem(t.systemId()).targetComponent(t.componentId())
                .type(result).missionType(EnumValue.create(w.type.wireValue())).build());
    }

    private void endAttempt(Work w, TransferResult r, String detail) {
        w.disarm();
        if (r != TransferResult.ACCEPTED && r.retryable() && w.attempt < w.opts.transferAttempts() && !closed) {
            LOG.debug("mission {} {} attempt {} ended {} ({}); starting again", w.op, w.type, w.attempt, r, detail);
            begin(w);
            return;
        }
        finish(w, r, detail);
    }

    private void cancelWork(Work w) {
        if (w.step == Step.DONE) {
            return;
        }
        if (w == queue.active() && w.step != Step.QUEUED) {
            sendAck(w, MavMissionResult.MAV_MISSION_OPERATION_CANCELLED);
        }
        queue.removeQueued(w);
        finish(w, TransferResult.CANCELLED, "cancelled by the caller");
    }

    private void endAll(TransferResult r, String detail) {
        queue.endAll(w -> {
            if (w.target == null) {
                w.target = targetSupplier.get();
            }
            if (w == queue.active() && r == TransferResult.CANCELLED && w.step != Step.QUEUED
                    && w.step != Step.DONE) {
                sendAck(w, MavMissionResult.MAV_MISSION_OPERATION_CANCELLED);
            }
            finish(w, r, detail);
        });
    }

    private void finish(Work w, TransferResult r, String detail) {
        if (w.step == Step.DONE || !w.finishOnce()) {
            return;
        }
        if (w.deadline != null) {
            w.deadline.cancel();
            w.deadline = null;
        }
        boolean wasStarted = w.step != Step.QUEUED;
        w.step = Step.DONE;
        PlanState plan = switch (w.op) {
            case DOWNLOAD -> PlanState.UNCHANGED;
            case UPLOAD, CLEAR -> r == TransferResult.ACCEPTED ? (w.verified ? PlanState.VERIFIED : PlanState.CONFIRMED)
                    : wasStarted ? PlanState.UNKNOWN : PlanState.UNCHANGED;
        };
        List<MissionItem> items;
        if (w.op == TransferOperation.DOWNLOAD) {
            items = r == TransferResult.ACCEPTED ? downloaded(w) : List.of();
        } else {
            items = w.items;
        }
        TransferOutcome o = new TransferOutcome(w.op, w.type, r, plan, items, w.resends, Math.max(1, w.attempt),
                scheduler.monotonicMs() - w.requestedMs, w.opaqueId, detail);
        if (r != TransferResult.ACCEPTED) {
            LOG.info("mission {} of {} ended {}: {}", w.op, w.type, r, detail);
        }
        port.callbackExecutor().execute(() -> w.future.complete(o));
        emit(new MissionEvent.TransferFinished(o));
        queue.finished(w);
    }

    private static List<MissionItem> downloaded(Work w) {
        List<MissionItem> all = Arrays.asList(w.got);
        if (!w.stripHome || all.isEmpty()) {
            return all;
        }
        List<MissionItem> out = new ArrayList<>(all.size() - 1);
        for (int i = 1; i < all.size(); i++) {
            out.add(all.get(i).withSeq(i - 1));
        }
        return out;
    }

    private void emit(MissionEvent e) {
        if (listeners.isEmpty()) {
            return;
        }
        port.callbackExecutor().execute(() -> {
            for (Consumer<MissionEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("mission listener threw on {}", e, ex);
                }
            }
        });
    }

    private static long readU32(MavlinkFrame f, int offset) {
        return (f.payloadByte(offset) | (f.payloadByte(offset + 1) << 8) | (f.payloadByte(offset + 2) << 16)
                | ((long) f.payloadByte(offset + 3) << 24)) & 0xFFFFFFFFL;
    }
}
